package io.signdx.source.file.internal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Lenient reading of JSON fields: exports spell the same field in several letter cases, put numbers
 * in strings and JSON inside strings, so every accessor looks the field up case-insensitively and
 * converts what it finds. A field that is absent, null or empty text reads as absent.
 */
final class Nodes {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Nodes() {
    }

    /** The field, matched exactly first and then ignoring letter case; {@code null} when absent. */
    static JsonNode field(JsonNode node, String name) {
        if (node == null || !node.isObject()) {
            return null;
        }
        JsonNode exact = node.get(name);
        if (exact != null) {
            return exact.isNull() ? null : exact;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue().isNull() ? null : e.getValue();
            }
        }
        return null;
    }

    /** The field as text; numbers and booleans as their text; empty text is absent. */
    static String text(JsonNode node, String name) {
        return textOf(field(node, name));
    }

    /** A field's value (as {@link #field} gives it) as text; see {@link #text}. */
    static String textOf(JsonNode f) {
        if (f == null || f.isContainerNode()) {
            return null;
        }
        String t = f.asText();
        return t.isEmpty() ? null : t;
    }

    /**
     * The field as an object or array. A string holding JSON (Log Analytics keeps dynamic columns as
     * JSON strings) is parsed; text that is not JSON reads as absent.
     */
    static JsonNode structured(JsonNode node, String name) {
        return structuredOf(name, field(node, name));
    }

    /** A field's value (as {@link #field} gives it) as an object or array; see {@link #structured}. */
    static JsonNode structuredOf(String name, JsonNode f) {
        if (f == null) {
            return null;
        }
        if (f.isTextual()) {
            return parsedText(name, f.asText());
        }
        return f;
    }

    /** Text that may hold JSON: parsed when it starts with { or [, else absent. */
    static JsonNode parsedText(String name, String text) {
        String t = text.trim();
        if (t.startsWith("{") || t.startsWith("[")) {
            try {
                return JSON.readTree(t);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalArgumentException("field '" + name + "' holds text that is not valid JSON: "
                        + e.getOriginalMessage());
            }
        }
        return null;
    }

    /** The field as an object (parsed from JSON text if need be), or an empty object when absent. */
    static JsonNode structuredOrEmpty(JsonNode node, String name) {
        JsonNode f = structured(node, name);
        return f == null ? JSON.createObjectNode() : f;
    }

    /** The field as a boolean: true/false, "True"/"false", 1/0; absent or anything else is {@code null}. */
    static Boolean bool(JsonNode node, String name) {
        return boolOf(field(node, name));
    }

    /** A field's value (as {@link #field} gives it) as a boolean; see {@link #bool}. */
    static Boolean boolOf(JsonNode f) {
        if (f == null) {
            return null;
        }
        if (f.isBoolean()) {
            return f.booleanValue();
        }
        if (f.isNumber()) {
            return f.intValue() != 0;
        }
        String t = f.asText().trim().toLowerCase(Locale.ROOT);
        return t.equals("true") || t.equals("yes") ? Boolean.TRUE : t.equals("false") || t.equals("no") ? Boolean.FALSE
                : null;
    }

    /** The field as a list of strings: an array of values, or a comma-separated text. */
    static List<String> strings(JsonNode node, String name) {
        return stringsOf(name, field(node, name));
    }

    /** A field's value (as {@link #field} gives it) as a list of strings; see {@link #strings}. */
    static List<String> stringsOf(String name, JsonNode f) {
        if (f != null && f.isTextual() && f.asText().trim().startsWith("[")) {
            f = structuredOf(name, f);
        }
        List<String> out = new ArrayList<>();
        if (f == null) {
            return out;
        }
        if (f.isArray()) {
            for (JsonNode v : f) {
                if (!v.isNull() && !v.asText().isEmpty()) {
                    out.add(v.asText());
                }
            }
        } else if (!f.isContainerNode()) {
            split(f.asText(), out);
        }
        return out;
    }

    /** Comma-separated text: its non-blank parts, trimmed. */
    static void split(String text, List<String> out) {
        for (String part : text.split(",")) {
            if (!part.isBlank()) {
                out.add(part.trim());
            }
        }
    }
}
