package io.signdx.json;

import java.io.IOException;
import java.util.Collection;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonGenerator;

/** Small pieces the writers share: lists of texts, nullable values, enum names in lower camel case. */
final class Fields {
    private Fields() {
    }

    /** A list of texts; an absent list is written as an empty one (the API's lists are never null). */
    static void strings(String field, Collection<String> values, JsonGenerator g) throws IOException {
        g.writeArrayFieldStart(field);
        if (values != null) {
            for (String v : values) {
                g.writeString(v);
            }
        }
        g.writeEndArray();
    }

    /**
     * A set whose absence means "unknown": {@code null} stays JSON null, a known set is written sorted so
     * that the output does not depend on the set's iteration order.
     */
    static void sortedOrNull(String field, Collection<String> values, JsonGenerator g) throws IOException {
        if (values == null) {
            g.writeNullField(field);
        } else {
            strings(field, values.stream().sorted().toList(), g);
        }
    }

    /** True, false or JSON null (undecided). */
    static void nullableBoolean(String field, Boolean value, JsonGenerator g) throws IOException {
        if (value == null) {
            g.writeNullField(field);
        } else {
            g.writeBooleanField(field, value);
        }
    }

    /** {@code NOT_ENOUGH_INFORMATION} → {@code notEnoughInformation}; {@code null} stays null. */
    static String camel(Enum<?> value) {
        if (value == null) {
            return null;
        }
        StringBuilder b = new StringBuilder();
        boolean upper = false;
        for (char c : value.name().toLowerCase(Locale.ROOT).toCharArray()) {
            if (c == '_') {
                upper = b.length() > 0;
            } else {
                b.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return b.toString();
    }
}
