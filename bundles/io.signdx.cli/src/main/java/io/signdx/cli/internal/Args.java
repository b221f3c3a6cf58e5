package io.signdx.cli.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Command-line arguments: {@code --name value} options, {@code --flag} switches and positional words.
 * Every option must be declared by the command ({@link #check}), so a typo is an error, not ignored.
 */
final class Args {
    private final Map<String, List<String>> options;
    private final List<String> positional;

    private Args(Map<String, List<String>> options, List<String> positional) {
        this.options = options;
        this.positional = positional;
    }

    static Args parse(String[] args) {
        Map<String, List<String>> options = new LinkedHashMap<>();
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.startsWith("--") && a.length() > 2) {
                String name = a.substring(2);
                String value = null;
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    value = name.substring(eq + 1);
                    name = name.substring(0, eq);
                } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                    value = args[++i];
                }
                options.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            } else {
                positional.add(a);
            }
        }
        return new Args(options, positional);
    }

    /** Fails on any option not in {@code valued} (take a value) or {@code flags} (take none). */
    Args check(Set<String> valued, Set<String> flags) {
        for (Map.Entry<String, List<String>> e : options.entrySet()) {
            String name = e.getKey();
            if (flags.contains(name)) {
                if (e.getValue().stream().anyMatch(v -> v != null)) {
                    throw new Command.UsageException("--" + name + " takes no value");
                }
            } else if (valued.contains(name)) {
                if (e.getValue().stream().anyMatch(v -> v == null)) {
                    throw new Command.UsageException("--" + name + " needs a value");
                }
            } else {
                throw new Command.UsageException("unknown option --" + name);
            }
        }
        return this;
    }

    String option(String name, String fallback) {
        List<String> values = options.get(name);
        return values == null || values.isEmpty() ? fallback : values.get(values.size() - 1);
    }

    boolean flag(String name) {
        return options.containsKey(name);
    }

    List<String> positional() {
        return positional;
    }

    /** Every value given for an option, in order (e.g. --input a.json --input b.json). */
    List<String> options(String name) {
        List<String> values = options.get(name);
        return values == null ? List.of() : List.copyOf(values);
    }
}
