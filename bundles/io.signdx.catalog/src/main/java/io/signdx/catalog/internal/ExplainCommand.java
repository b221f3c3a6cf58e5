package io.signdx.catalog.internal;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToIntFunction;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.signdx.api.catalog.ErrorCode;
import io.signdx.api.catalog.ErrorCodeCatalog;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code signdx explain CODE [--format text|json]}: what an AADSTS code means and what to do. The
 * launcher sees only {@code ToIntFunction<String[]>} and the {@code signdx.command} properties, so
 * this bundle shares nothing but JDK types with it. Exit codes: 0 done, 1 usage or input error,
 * 2 internal error.
 */
@Component(service = ToIntFunction.class, property = {"signdx.command=explain",
        "signdx.command.summary=explain an AADSTS error code"})
public final class ExplainCommand implements ToIntFunction<String[]> {
    static final int OK = 0;
    static final int USAGE = 1;
    static final int INTERNAL = 2;
    static final String USAGE_TEXT = "usage: signdx explain CODE [--format text|json]\n"
            + "       CODE: 50126, AADSTS50126 or aadsts50126";

    private final ErrorCodeCatalog catalog;
    private final PrintStream out;
    private final PrintStream err;

    @Activate
    public ExplainCommand(@Reference ErrorCodeCatalog catalog) {
        this(catalog, System.out, System.err);
    }

    ExplainCommand(ErrorCodeCatalog catalog, PrintStream out, PrintStream err) {
        this.catalog = catalog;
        this.out = out;
        this.err = err;
    }

    @Override
    public int applyAsInt(String[] args) {
        try {
            return run(args == null ? new String[0] : args);
        } catch (UsageException e) {
            err.println("signdx explain: " + e.getMessage());
            err.println(USAGE_TEXT);
            return USAGE;
        } catch (RuntimeException e) {
            err.println("signdx explain: internal error: " + e);
            return INTERNAL;
        }
    }

    private int run(String[] args) {
        String format = "text";
        List<String> words = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--help") || a.equals("-h")) {
                out.println(USAGE_TEXT);
                return OK;
            } else if (a.equals("--format")) {
                if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                    throw new UsageException("--format needs a value (text or json)");
                }
                format = args[++i];
            } else if (a.startsWith("--format=")) {
                format = a.substring("--format=".length());
            } else if (a.startsWith("--")) {
                throw new UsageException("unknown option " + a);
            } else {
                words.add(a);
            }
        }
        if (!format.equals("text") && !format.equals("json")) {
            throw new UsageException("--format must be text or json, not '" + format + "'");
        }
        if (words.size() != 1) {
            throw new UsageException(words.isEmpty() ? "which code? give exactly one AADSTS code"
                    : "give exactly one code, not " + words.size() + " (" + String.join(" ", words) + ")");
        }
        Optional<Integer> code = ErrorCodeCatalog.parse(words.get(0));
        if (code.isEmpty()) {
            throw new UsageException("'" + words.get(0) + "' is not an AADSTS code (expected e.g. 50126 or AADSTS50126)");
        }
        Optional<ErrorCode> entry = catalog.lookup(code.get());
        if (entry.isEmpty()) {
            // Not a usage mistake, so no usage text: the code is well-formed, just not catalogued.
            err.println("signdx explain: AADSTS" + code.get() + " is not in the SignDx catalogue; look it up at "
                    + ErrorCodeInsightDetector.LOOKUP + code.get());
            return USAGE;
        }
        if (format.equals("json")) {
            out.println(json(entry.get()));
        } else {
            text(entry.get());
        }
        return OK;
    }

    private void text(ErrorCode e) {
        out.println(e.name() == null ? e.label() : e.label() + " " + e.name());
        out.println("Category: " + e.category());
        out.println();
        out.println("What it means:");
        out.println("  " + e.explanation());
        out.println();
        out.println("What to do (" + e.actor() + ", " + who(e) + "):");
        out.println("  " + e.remediation());
        if (!e.links().isEmpty()) {
            out.println();
            out.println("Links:");
            e.links().forEach(l -> out.println("  " + l));
        }
    }

    private static String who(ErrorCode e) {
        return switch (e.actor()) {
            case USER -> "the user who signed in";
            case ADMIN -> "a tenant administrator";
            case APP_OWNER -> "the owner of the app registration";
            case VENDOR -> "the application's vendor";
        };
    }

    private static String json(ErrorCode e) {
        // Built field by field so the output is exactly the catalogue entry, whatever Jackson makes of records.
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", e.code());
        m.put("label", e.label());
        m.put("name", e.name());
        m.put("category", e.category());
        m.put("explanation", e.explanation());
        m.put("remediation", e.remediation());
        m.put("actor", e.actor().name());
        m.put("links", e.links());
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(m);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** A usage or input mistake: its message goes to stderr with the usage text, and the exit code is 1. */
    private static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}
