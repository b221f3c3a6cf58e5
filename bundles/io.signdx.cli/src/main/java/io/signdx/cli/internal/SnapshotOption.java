package io.signdx.cli.internal;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.signdx.api.tenant.TenantLoadException;
import io.signdx.api.tenant.TenantLoader;
import io.signdx.api.tenant.TenantPart;
import io.signdx.api.tenant.TenantSnapshots;

/**
 * The {@code --tenant DIR|FILE} option: the snapshot given for this run, read by the {@link TenantLoader};
 * without it, the snapshot installed in the product's data folder ({@link TenantSnapshots#current()}).
 * Whatever is used, its warnings and missing parts are printed once on stderr, so that stdout stays the
 * command's answer.
 */
final class SnapshotOption {
    static final String TENANT_BUNDLE = "io.signdx.tenant";
    /** Warnings printed before "... and N more". */
    static final int WARNINGS_SHOWN = 8;
    private static final int LINE_LIMIT = 300;

    private SnapshotOption() {
    }

    /**
     * The snapshot for this run.
     *
     * @param paths the {@code --tenant} values; empty for the installed snapshot
     * @param required true when the command cannot do without one (a usage error then)
     * @return the snapshot, or empty when none is given or installed and none is required
     */
    static Optional<TenantLoader.Snapshot> load(List<String> paths, ServiceHandle<TenantLoader> loader,
            ServiceHandle<TenantSnapshots> snapshots, boolean required, String command, PrintStream err) {
        if (!paths.isEmpty()) {
            List<Path> files = new ArrayList<>();
            for (String p : paths) {
                Path path = Path.of(p);
                if (!Files.exists(path)) {
                    throw new Command.UsageException("--tenant " + p + ": no such file or folder");
                }
                files.add(path);
            }
            TenantLoader.Snapshot s;
            try {
                s = loader.get().load(files);
            } catch (TenantLoadException e) {
                throw new Command.UsageException("--tenant: " + e.getMessage());
            }
            report(s, String.join(", ", paths), command, err);
            return Optional.of(s);
        }
        Optional<TenantLoader.Snapshot> current = snapshots.available() ? snapshots.get().current() : Optional.empty();
        if (current.isEmpty() && required) {
            throw new Command.UsageException("no tenant snapshot: give one with --tenant DIR|FILE (Graph-shaped exports "
                    + "of the policies, named locations, users and groups), or install one in the product's data folder");
        }
        current.ifPresent(s -> report(s, "the installed snapshot", command, err));
        return current;
    }

    /** Prints the snapshot's warnings (shortened when many) and the parts it lacks. */
    static void report(TenantLoader.Snapshot s, String source, String command, PrintStream err) {
        String prefix = "signdx " + command + ": ";
        List<String> warnings = s.warnings();
        if (!warnings.isEmpty()) {
            err.println(prefix + source + ": " + warnings.size() + (warnings.size() == 1 ? " warning" : " warnings")
                    + " while reading the snapshot:");
            warnings.stream().limit(WARNINGS_SHOWN).forEach(w -> err.println("  " + line(w)));
            if (warnings.size() > WARNINGS_SHOWN) {
                err.println("  ... and " + (warnings.size() - WARNINGS_SHOWN) + " more");
            }
        }
        if (!s.missing().isEmpty()) {
            err.println(prefix + source + " has no " + String.join(", ", s.missing().stream().map(SnapshotOption::words)
                    .toList()) + ": conditions that need them stay undecided");
        }
    }

    static String words(TenantPart part) {
        return switch (part) {
            case CONDITIONAL_ACCESS_POLICIES -> "Conditional Access policies";
            case NAMED_LOCATIONS -> "named locations";
            case USERS -> "users";
            case GROUPS -> "groups";
            case SERVICE_PRINCIPALS -> "service principals";
            case SECURITY_DEFAULTS -> "security defaults";
            case PER_USER_MFA -> "per-user MFA states";
        };
    }

    /** One line of snapshot text for the terminal: no control characters, bounded length. */
    static String line(String text) {
        String t = text == null ? "" : text.replaceAll("\\p{Cntrl}", " ");
        return t.length() > LINE_LIMIT ? t.substring(0, LINE_LIMIT - 3) + "..." : t;
    }
}
