package io.signdx.cli.internal;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.ToIntFunction;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.signdx.api.engine.DetectorInfo;
import io.signdx.api.engine.ModuleInfo;
import io.signdx.api.engine.ModuleService;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code signdx modules [list|enable ID|disable ID] [--format text|json]}. */
@Component(service = ToIntFunction.class, property = {"signdx.command=modules",
        "signdx.command.summary=list modules and detectors; enable or disable one (persisted, audited)"})
public final class ModulesCommand extends Command {
    private static final Duration SETTLE = Duration.ofSeconds(10);

    private final ModuleService modules;

    @Activate
    public ModulesCommand(@Reference ModuleService modules) {
        this(modules, System.out, System.err);
    }

    ModulesCommand(ModuleService modules, PrintStream out, PrintStream err) {
        super(out, err);
        this.modules = modules;
    }

    @Override
    String name() {
        return "modules";
    }

    @Override
    String usage() {
        return "usage: signdx modules [list] [--format text|json]\n"
                + "       signdx modules enable ID     (ID: a scenario id or a bundle symbolic name)\n"
                + "       signdx modules disable ID";
    }

    @Override
    int run(Args args) throws InterruptedException {
        args.check(Set.of("format"), Set.of());
        List<String> words = args.positional();
        String verb = words.isEmpty() ? "list" : words.get(0);
        String format = args.option("format", "text");
        if (!format.equals("text") && !format.equals("json")) {
            throw new UsageException("--format must be text or json, not " + format);
        }
        modules.awaitSettled(SETTLE);
        switch (verb) {
            case "list" -> {
                if (words.size() > 1) {
                    throw new UsageException("list takes no further arguments");
                }
                return list(format);
            }
            case "enable", "disable" -> {
                if (words.size() != 2) {
                    throw new UsageException(verb + " needs exactly one module id");
                }
                return toggle(words.get(1), verb.equals("enable"));
            }
            default -> throw new UsageException("unknown sub-command '" + verb + "'");
        }
    }

    private int toggle(String id, boolean enable) {
        try {
            boolean changed = modules.setEnabled(id, enable, "cli:" + System.getProperty("user.name", "unknown"));
            out().println((enable ? "enabled " : "disabled ") + id + (changed ? "" : " (it already was)"));
            return OK;
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private int list(String format) {
        List<ModuleInfo> bundles = modules.modules();
        List<DetectorInfo> detectors = modules.detectors();
        if (format.equals("json")) {
            try {
                out().println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                        .writeValueAsString(java.util.Map.of("modules", bundles, "detectors", detectors)));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            return OK;
        }
        TextTable b = new TextTable("ID", "STATE", "ON", "BUNDLE", "VERSION", "FROM", "PROBLEM");
        for (ModuleInfo m : bundles) {
            b.row(m.bundleId() < 0 ? "-" : String.valueOf(m.bundleId()), m.state(), m.enabled() ? "yes" : "no",
                    m.symbolicName(), m.version(), m.location(), m.problem());
        }
        TextTable d = new TextTable("SCENARIO", "STATE", "BUNDLE", "CALLS", "FAILURES", "PROBLEM");
        for (DetectorInfo i : detectors) {
            d.row(i.scenario(), i.state().name(), i.bundleSymbolicName() + " " + i.bundleVersion(),
                    String.valueOf(i.calls()), String.valueOf(i.failures()), i.problem());
        }
        out().println("Bundles");
        b.print(out());
        out().println();
        out().println("Detectors");
        d.print(out());
        return OK;
    }
}
