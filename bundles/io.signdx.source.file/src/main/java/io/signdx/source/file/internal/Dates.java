package io.signdx.source.file.internal;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as exports write them, for the JSON and the CSV readers alike: ISO-8601 with Z or an offset and
 * up to 7 fraction digits, without a zone (UTC, as every sign-in export is), with a space instead of T,
 * a trailing "UTC", and the US locale form the Log Analytics portal writes ({@code 4/28/2021, 2:08:45.221 PM}).
 */
public final class Dates {
    private static final Pattern US_DATE = Pattern.compile(
            "(\\d{1,2})/(\\d{1,2})/(\\d{4})(?:,?\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?"
                    + "\\s*(?:([AaPp])\\.?[Mm]\\.?)?)?(?:\\s*(?:UTC|GMT|Z))?");
    private static final Pattern TRAILING_UTC = Pattern.compile("\\s+(?:UTC|GMT)$", Pattern.CASE_INSENSITIVE);

    private Dates() {
    }

    /**
     * The form Graph writes ({@code 2026-11-20T08:15:02.1234567Z}: UTC, 0–9 fraction digits), read without the
     * general parsers, which cost more than the rest of a record's mapping. Anything else, including every
     * out-of-range value, is left to the general path ({@code null}), so both agree on every input.
     */
    static Instant canonical(String s) {
        int n = s.length();
        if (n < 20 || n > 30 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
                || s.charAt(16) != ':' || s.charAt(n - 1) != 'Z') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59 || day > LocalDate.of(year, month, 1).lengthOfMonth()) {
            return null;
        }
        int nano = 0;
        if (n > 20) {
            int digits = n - 21;
            if (s.charAt(19) != '.' || digits < 1 || digits > 9) {
                return null;
            }
            nano = digits(s, 20, digits);
            if (nano < 0) {
                return null;
            }
            for (int i = digits; i < 9; i++) {
                nano *= 10;
            }
        }
        long days = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(days * 86_400 + hour * 3600 + minute * 60 + second, nano);
    }

    /** The number written by {@code count} ASCII digits at {@code from}, or -1. */
    private static int digits(String s, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /**
     * Parses a date in any of the forms above.
     *
     * @throws IllegalArgumentException naming the text when it is not a date
     */
    static Instant parse(String text) {
        Instant i = instant(text);
        if (i == null) {
            throw new IllegalArgumentException("'" + text + "' is not a date");
        }
        return i;
    }

    /**
     * Parses ISO-8601 (with or without offset; a missing offset means UTC), {@code 2021-04-28 14:08:45.221}
     * and the US locale form {@code 4/28/2021, 2:08:45.221 PM} (month first, UTC). Null when not a date.
     */
    public static Instant instant(String v) {
        Instant fast = canonical(v);
        if (fast != null) {
            return fast;
        }
        String s = TRAILING_UTC.matcher(v.strip()).replaceFirst("");
        if (s.length() > 10 && s.charAt(4) == '-' && (s.charAt(10) == ' ' || s.charAt(10) == 't')) {
            s = s.substring(0, 10) + 'T' + s.substring(11).strip();
        }
        if (s.length() >= 10 && s.charAt(4) == '-') {
            try {
                return OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
            } catch (DateTimeParseException e) {
                // next form
            }
            try {
                return LocalDateTime.parse(s, DateTimeFormatter.ISO_LOCAL_DATE_TIME).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                // next form
            }
            try {
                return LocalDate.parse(s, DateTimeFormatter.ISO_LOCAL_DATE).atStartOfDay().toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        Matcher m = US_DATE.matcher(s);
        if (!m.matches()) {
            return null;
        }
        try {
            int month = Integer.parseInt(m.group(1));
            int day = Integer.parseInt(m.group(2));
            int year = Integer.parseInt(m.group(3));
            int hour = m.group(4) == null ? 0 : Integer.parseInt(m.group(4));
            int minute = m.group(5) == null ? 0 : Integer.parseInt(m.group(5));
            int second = m.group(6) == null ? 0 : Integer.parseInt(m.group(6));
            int nano = 0;
            if (m.group(7) != null) {
                StringBuilder f = new StringBuilder(m.group(7));
                while (f.length() < 9) {
                    f.append('0');
                }
                nano = Integer.parseInt(f.toString());
            }
            String ampm = m.group(8);
            if (ampm != null) {
                if (hour < 1 || hour > 12) {
                    return null;
                }
                boolean pm = ampm.equalsIgnoreCase("p");
                hour = hour % 12 + (pm ? 12 : 0);
            }
            return LocalDateTime.of(year, month, day, hour, minute, second, nano).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }
}
