package io.signdx.source.file.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * Dates as exports write them: ISO-8601 with Z or an offset and up to 7 fraction digits, without a
 * zone (UTC, as every sign-in export is), with a space instead of T, and the US locale form the
 * Log Analytics portal writes ({@code 4/28/2021, 2:08:45.221 PM}).
 */
final class Dates {
    private static final List<DateTimeFormatter> LOCAL = List.of(
            DateTimeFormatter.ISO_LOCAL_DATE_TIME,
            new DateTimeFormatterBuilder().appendPattern("yyyy-MM-dd HH:mm:ss").optionalStart()
                    .appendFraction(java.time.temporal.ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
                    .toFormatter(Locale.ROOT),
            new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern("M/d/yyyy[,] h:mm[:ss]")
                    .optionalStart().appendFraction(java.time.temporal.ChronoField.NANO_OF_SECOND, 0, 9, true)
                    .optionalEnd().appendPattern(" a").toFormatter(Locale.US),
            new DateTimeFormatterBuilder().appendPattern("M/d/yyyy[,] H:mm[:ss]").optionalStart()
                    .appendFraction(java.time.temporal.ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
                    .toFormatter(Locale.US));

    private Dates() {
    }

    /**
     * Parses a date in any of the forms above.
     *
     * @throws IllegalArgumentException naming the text when it is not a date
     */
    static Instant parse(String text) {
        String t = text.trim();
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException e) {
            // not ISO with an offset: try the forms without one
        }
        for (DateTimeFormatter f : LOCAL) {
            try {
                return LocalDateTime.parse(t, f).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                // next form
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not a date");
    }
}
