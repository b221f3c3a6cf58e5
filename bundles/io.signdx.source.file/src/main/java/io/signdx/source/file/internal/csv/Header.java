package io.signdx.source.file.internal.csv;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The header line of a CSV export, matched leniently: names are compared after removing a byte order
 * mark, trimming, collapsing inner whitespace, ignoring case and dropping a trailing bracketed suffix
 * such as {@code " [UTC]"}. A name that appears more than once (the portal writes
 * {@code Incoming token type} twice) is one column whose value is the first non-empty cell.
 */
final class Header {

    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern BRACKET_SUFFIX = Pattern.compile("\\s*\\[[^\\]]*\\]$");

    private final List<String> names;
    private final Map<String, Column> byKey = new LinkedHashMap<>();

    Header(List<String> raw) {
        List<String> shown = new ArrayList<>(raw.size());
        Map<String, List<Integer>> indexes = new LinkedHashMap<>();
        Map<String, String> firstName = new LinkedHashMap<>();
        for (int i = 0; i < raw.size(); i++) {
            String name = display(raw.get(i));
            shown.add(name);
            String key = key(name);
            if (key.isEmpty()) {
                continue;
            }
            indexes.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
            firstName.putIfAbsent(key, name);
        }
        for (Map.Entry<String, List<Integer>> e : indexes.entrySet()) {
            int[] idx = e.getValue().stream().mapToInt(Integer::intValue).toArray();
            byKey.put(e.getKey(), new Column(firstName.get(e.getKey()), idx));
        }
        this.names = Collections.unmodifiableList(shown);
    }

    /** The header as written, each name without byte order mark and surrounding whitespace. */
    List<String> names() {
        return names;
    }

    int size() {
        return names.size();
    }

    /** The name as shown in messages: no byte order mark, trimmed, inner whitespace as written. */
    static String display(String raw) {
        if (raw == null) {
            return "";
        }
        return raw.replace("\uFEFF", "").strip();
    }

    /** The lenient matching key of a column name. */
    static String key(String raw) {
        String s = SPACES.matcher(display(raw)).replaceAll(" ").toLowerCase(Locale.ROOT);
        String stripped = BRACKET_SUFFIX.matcher(s).replaceFirst("");
        return stripped.isEmpty() ? s : stripped;
    }

    /** Whether any of these names (matched leniently) is a column. */
    boolean has(String... names) {
        for (String n : names) {
            if (byKey.containsKey(key(n))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The first of these names that is a column, or a column that is absent (never null); an absent
     * column is named after the first name and yields no values.
     */
    Column column(String... names) {
        for (String n : names) {
            Column c = byKey.get(key(n));
            if (c != null) {
                return c;
            }
        }
        return Column.absent(names.length == 0 ? "" : names[0]);
    }

    /**
     * A Log Analytics dynamic column: the column itself and its {@code _dynamic} / {@code _string}
     * variants, in that order; values are taken from the first that is not empty.
     */
    Column[] dynamic(String name) {
        return new Column[] {column(name), column(name + "_dynamic"), column(name + "_string")};
    }

    /** One column of the header; several positions when the name was repeated. */
    static final class Column {
        private static final int[] NONE = new int[0];

        final String name;
        private final int[] idx;

        Column(String name, int[] idx) {
            this.name = name;
            this.idx = idx;
        }

        static Column absent(String name) {
            return new Column(name, NONE);
        }

        boolean present() {
            return idx.length > 0;
        }

        /** The first non-empty (trimmed) value of this column in the row, or null. */
        String get(String[] cells) {
            for (int i : idx) {
                if (i < cells.length) {
                    String v = cells[i];
                    if (v != null) {
                        v = v.strip();
                        if (!v.isEmpty()) {
                            return v;
                        }
                    }
                }
            }
            return null;
        }
    }
}
