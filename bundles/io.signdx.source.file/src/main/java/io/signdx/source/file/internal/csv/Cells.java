package io.signdx.source.file.internal.csv;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.signdx.source.file.internal.Dates;
import io.signdx.source.file.internal.csv.Header.Column;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Parsing of single cells into Graph-shaped values; every failure names the column and the value. */
final class Cells {

    static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** ISO-8601 in UTC with a Z and as many fraction digits as the source had (none when whole). */
    private static final DateTimeFormatter OUT = new DateTimeFormatterBuilder().appendInstant(-1).toFormatter();

    /** US locale forms as Log Analytics writes them: 4/28/2021, 2:08:45.221 PM (month first). */
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,18}");

    private Cells() {
    }

    /** The value as quoted in messages, shortened when long. */
    static String quote(String v) {
        String s = v.replace("\r", "").replace("\n", "\\n");
        if (s.length() > 80) {
            s = s.substring(0, 77) + "...";
        }
        return "'" + s + "'";
    }

    static void put(ObjectNode o, String field, String v) {
        if (v != null && !v.isEmpty()) {
            o.put(field, v);
        }
    }

    static long integer(Column c, String v) throws RowException {
        String s = v.strip().replace(",", "");
        if (s.regionMatches(true, Math.max(0, s.length() - 2), "ms", 0, 2) && s.length() > 2) {
            s = s.substring(0, s.length() - 2).strip();
        }
        if (!INTEGER.matcher(s).matches()) {
            throw new RowException("column '" + c.name + "' is " + quote(v) + ", not a number");
        }
        return Long.parseLong(s);
    }

    /** Puts a whole number as an int when it fits, otherwise as a long. */
    static void putNumber(ObjectNode o, String field, long n) {
        if (n >= Integer.MIN_VALUE && n <= Integer.MAX_VALUE) {
            o.put(field, (int) n);
        } else {
            o.put(field, n);
        }
    }

    static boolean bool(Column c, String v) throws RowException {
        switch (v.strip().toLowerCase(Locale.ROOT)) {
            case "true": case "yes": case "y": case "1":
                return true;
            case "false": case "no": case "n": case "0":
                return false;
            default:
                throw new RowException("column '" + c.name + "' is " + quote(v) + ", not true or false");
        }
    }

    /** The date as ISO-8601 UTC ending in Z. */
    static String date(Column c, String v) throws RowException {
        Instant i = instant(v);
        if (i == null) {
            throw new RowException("column '" + c.name + "' has no date: " + quote(v));
        }
        return OUT.format(i);
    }

    /** See {@link Dates#instant}: every reader of this module parses dates the same way. */
    static Instant instant(String v) {
        return Dates.instant(v);
    }

    /**
     * The JSON in a cell. A cell holding a JSON string whose text is itself JSON (the non-interactive
     * table stores dynamic values as strings) is unwrapped. Null for {@code null} and empty strings.
     */
    static JsonNode json(Column c, String v) throws RowException {
        JsonNode n = parse(c, v, false);
        for (int depth = 0; n != null && n.isTextual() && depth < 3; depth++) {
            String inner = n.textValue().strip();
            if (inner.isEmpty()) {
                return null;
            }
            char first = inner.charAt(0);
            if (first != '{' && first != '[' && first != '"') {
                break;
            }
            n = parse(c, inner, true);
        }
        return n == null || n.isNull() || n.isMissingNode() ? null : n;
    }

    private static JsonNode parse(Column c, String v, boolean inner) throws RowException {
        try {
            return JSON.readTree(v);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = "";
            if (at != null && at.getCharOffset() >= 0) {
                where = " at character " + (at.getCharOffset() + 1);
            } else if (at != null && at.getLineNr() > 0) {
                where = " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            }
            String msg = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
            int nl = msg.indexOf('\n');
            if (nl >= 0) {
                msg = msg.substring(0, nl);
            }
            throw new RowException("column '" + c.name + "' " + (inner ? "holds a JSON string that " : "")
                    + "is not valid JSON" + where + ": " + msg);
        }
    }

    /** The JSON in a cell when it is an object with at least one field, else null; fails on other JSON. */
    static ObjectNode object(Column c, String v) throws RowException {
        JsonNode n = json(c, v);
        if (n == null) {
            return null;
        }
        if (!n.isObject()) {
            throw new RowException("column '" + c.name + "' holds JSON " + kind(n) + ", not an object: " + quote(v));
        }
        return n.isEmpty() ? null : (ObjectNode) n;
    }

    /** The JSON in a cell as an array (a lone object becomes a one-element array), or null. */
    static ArrayNode array(Column c, String v) throws RowException {
        JsonNode n = json(c, v);
        if (n == null) {
            return null;
        }
        if (n.isObject()) {
            ArrayNode a = NODES.arrayNode();
            a.add(n);
            return a;
        }
        if (!n.isArray()) {
            throw new RowException("column '" + c.name + "' holds JSON " + kind(n) + ", not an array: " + quote(v));
        }
        return (ArrayNode) n;
    }

    private static String kind(JsonNode n) {
        if (n.isTextual()) {
            return "text";
        }
        if (n.isNumber()) {
            return "a number";
        }
        if (n.isBoolean()) {
            return "a boolean";
        }
        if (n.isArray()) {
            return "an array";
        }
        return "an object";
    }

    /**
     * The Graph enum value whose letters and digits equal the value's (case ignored), e.g. "Not Applied"
     * gives notApplied and "Single-factor authentication" singleFactorAuthentication; also the given
     * aliases; else the value as it came.
     */
    static String canon(String v, Map<String, String> aliases, String... values) {
        if (v == null) {
            return null;
        }
        String k = letters(v);
        for (String c : values) {
            if (letters(c).equals(k)) {
                return c;
            }
        }
        String a = aliases.get(k);
        return a != null ? a : v;
    }

    static String letters(String v) {
        StringBuilder b = new StringBuilder(v.length());
        for (int i = 0; i < v.length(); i++) {
            char ch = Character.toLowerCase(v.charAt(i));
            if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) {
                b.append(ch);
            }
        }
        return b.toString();
    }
}
