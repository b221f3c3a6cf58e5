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
