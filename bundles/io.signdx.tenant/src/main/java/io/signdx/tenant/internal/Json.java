package io.signdx.tenant.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Typed, forgiving reads of Graph JSON. Absent and {@code null} are the same; what cannot be read as the
 * expected type raises {@link Malformed} naming the field, so the caller can skip the entry and say why.
 */
final class Json {
    private Json() {
    }

    /** An entry that cannot be read; the message names the field and what was found. */
    static final class Malformed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    static boolean absent(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode();
    }

    /** A field looked up as recorded, else case-insensitively (MSOnline exports use PascalCase). */
    static JsonNode field(JsonNode object, String name) {
        if (object == null || !object.isObject()) {
            return null;
        }
        JsonNode v = object.get(name);
        if (v != null) {
            return v;
        }
        for (Map.Entry<String, JsonNode> e : object.properties()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    static boolean has(JsonNode object, String name) {
        return !absent(field(object, name));
    }

    /** Text; numbers and booleans as written; null when absent. */
    static String text(JsonNode object, String name, String path) {
        JsonNode v = field(object, name);
        if (absent(v)) {
            return null;
        }
        if (v.isValueNode()) {
            return v.asText();
        }
        throw new Malformed(path + name + ": expected text, found " + describe(v));
    }

    static Boolean bool(JsonNode object, String name, String path) {
        JsonNode v = field(object, name);
        if (absent(v)) {
            return null;
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isTextual() && (v.asText().equalsIgnoreCase("true") || v.asText().equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(v.asText());
        }
        throw new Malformed(path + name + ": expected true or false, found " + describe(v));
    }

    static Integer integer(JsonNode object, String name, String path) {
        JsonNode v = field(object, name);
        if (absent(v)) {
            return null;
        }
        if (v.canConvertToInt() && v.isIntegralNumber()) {
            return v.intValue();
        }
        if (v.isTextual()) {
            try {
                return Integer.valueOf(v.asText().trim());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new Malformed(path + name + ": expected a whole number, found " + describe(v));
    }

    /**
     * A list of strings; a single string is split at commas, because Graph writes its multi-valued
     * enumerations (transfer methods, insider risk levels, guest types) as one comma-separated string.
     */
    static List<String> strings(JsonNode object, String name, String path) {
        JsonNode v = field(object, name);
        if (absent(v)) {
            return null;
        }
        List<String> out = new ArrayList<>();
        if (v.isTextual()) {
            for (String part : v.asText().split(",")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
            return out;
        }
        if (!v.isArray()) {
            throw new Malformed(path + name + ": expected a list, found " + describe(v));
        }
        for (JsonNode e : v) {
            if (e.isNull()) {
                continue;
            }
            if (!e.isValueNode()) {
                throw new Malformed(path + name + ": expected a list of text, found " + describe(e) + " in it");
            }
            out.add(e.asText());
        }
        return out;
    }

    /** An object; an empty list counts as absent (some exports write {@code []} for "not configured"). */
    static JsonNode object(JsonNode object, String name, String path) {
        JsonNode v = field(object, name);
        if (absent(v) || v.isArray() && v.isEmpty()) {
            return null;
        }
        if (v.isObject()) {
            return v;
        }
        throw new Malformed(path + name + ": expected an object, found " + describe(v));
    }

    /** The entries of a list or of a Graph list response ({@code {"value": [...]}}); null when absent. */
    static List<JsonNode> entries(JsonNode object, String name, String path) {
        JsonNode v = field(object, name);
        if (absent(v)) {
            return null;
        }
        if (v.isObject() && v.get("value") != null && v.get("value").isArray()) {
            v = v.get("value");
        }
        if (!v.isArray()) {
            throw new Malformed(path + name + ": expected a list, found " + describe(v));
        }
        List<JsonNode> out = new ArrayList<>();
        v.forEach(out::add);
        return out;
    }

    /** The Graph type of an object without namespace and leading '#', lower case; null when untyped. */
    static String odataType(JsonNode object) {
        JsonNode v = object == null ? null : object.get("@odata.type");
        if (v == null || !v.isTextual()) {
            return null;
        }
        String t = v.asText().toLowerCase(Locale.ROOT);
        t = t.startsWith("#") ? t.substring(1) : t;
        return t.startsWith("microsoft.graph.") ? t.substring("microsoft.graph.".length()) : t;
    }

    /** True when a value says something: not null, not an empty list or object. */
    static boolean meaningful(JsonNode v) {
        return !absent(v) && !(v.isContainerNode() && v.isEmpty());
    }

    /** A short description of a value for messages: its kind and a few of its keys. */
    static String describe(JsonNode v) {
        if (absent(v)) {
            return "null";
        }
        if (v.isObject()) {
            List<String> keys = new ArrayList<>();
            v.fieldNames().forEachRemaining(keys::add);
            return keys.isEmpty() ? "an empty object" : "an object with keys " + names(keys, 8);
        }
        if (v.isArray()) {
            return v.isEmpty() ? "an empty list" : "a list of " + v.size();
        }
        if (v.isTextual()) {
            return "the text \"" + shorten(v.asText(), 40) + "\"";
        }
        if (v.isBoolean()) {
            return v.asText();
        }
        return v.isNumber() ? "the number " + shorten(v.asText(), 20) : v.getNodeType().toString().toLowerCase(Locale.ROOT);
    }

    static String names(List<String> keys, int max) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < Math.min(max, keys.size()); i++) {
            b.append(i == 0 ? "" : ", ").append(shorten(keys.get(i), 40));
        }
        return keys.size() > max ? b + " … (" + keys.size() + " in all)" : b.toString();
    }

    /** Cuts text from a file to a length fit for a message and removes line breaks and control characters. */
    static String shorten(String s, int max) {
        String clean = s.codePoints().map(c -> Character.isISOControl(c) ? ' ' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return clean.length() <= max ? clean : clean.substring(0, max) + "…";
    }
}
