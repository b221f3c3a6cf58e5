package io.signdx.api.detector;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

import io.signdx.api.model.AuthenticationDetail;
import io.signdx.api.model.SignIn;

/**
 * A table of evidence, e.g. per Conditional Access policy: condition, configured value, the sign-in's
 * value, matched. Cells are plain text (never markup) and may be empty strings.
 *
 * @param title what the table shows
 * @param columns column headings
 * @param rows rows, each as long as {@code columns}
 */
public record EvidenceTable(String title, List<String> columns, List<List<String>> rows) {
    /** Copies the rows and checks that each is as wide as the header. */
    public EvidenceTable {
        columns = List.copyOf(columns);
        // plain loops: detectors build tables for many sign-ins of a bulk run, and an immutable row
        // without nulls (List.of) is kept as it is by List.copyOf
        List<List<String>> copied = new ArrayList<>(rows.size());
        for (List<String> r : rows) {
            List<String> row = hasNull(r) ? r.stream().map(c -> c == null ? "" : c).toList() : List.copyOf(r);
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("row " + row + " has " + row.size() + " cells, expected "
                        + columns.size() + " for table '" + title + "'");
            }
            copied.add(row);
        }
        rows = Collections.unmodifiableList(copied);
    }

    /** The columns of {@link #ofSignIns}. */
    public static final List<String> SIGN_IN_COLUMNS = List.of("Time (UTC)", "User", "Application", "IP address",
            "Location", "Client app", "Operating system", "Error code", "Failure reason");

    /**
     * A table with one row per sign-in (time, user, app, IP, location, client app, OS, error code,
     * failure reason), in the given order: the usual evidence that a burst or a pattern is real.
     */
    public static EvidenceTable ofSignIns(String title, Collection<SignIn> signIns) {
        List<List<String>> rows = new ArrayList<>(signIns.size());
        for (SignIn s : signIns) {
            rows.add(List.of(time(s.createdDateTime()), s.userLabel(),
                    s.appLabel(), text(s.ipAddress()), s.location().display(), text(s.clientAppUsed()),
                    text(s.deviceDetail().operatingSystem()), String.valueOf(s.errorCode()),
                    text(s.status().failureReason())));
        }
        return new EvidenceTable(title, SIGN_IN_COLUMNS, rows);
    }

    /** The columns of {@link #ofAuthenticationSteps}. */
    public static final List<String> STEP_COLUMNS = List.of("Time (UTC)", "Requirement", "Method", "Method detail",
            "Succeeded", "Result");

    /**
     * A table with one row per authentication step of a sign-in (time, requirement, method, detail,
     * succeeded, result), in the record's order: what the user was asked for and what happened.
     */
    public static EvidenceTable ofAuthenticationSteps(Collection<AuthenticationDetail> steps) {
        List<List<String>> rows = new ArrayList<>(steps.size());
        for (AuthenticationDetail d : steps) {
            rows.add(List.of(time(d.stepDateTime()), text(d.requirement()),
                    text(d.method()), text(d.methodDetail()), d.succeeded() == null ? "" : d.succeeded() ? "yes" : "no",
                    text(d.resultDetail())));
        }
        return new EvidenceTable("Authentication steps", STEP_COLUMNS, rows);
    }

    /** A loop, not contains(null), which immutable lists answer with an exception. */
    private static boolean hasNull(List<String> row) {
        for (String cell : row) {
            if (cell == null) {
                return true;
            }
        }
        return false;
    }

    /**
     * What {@link Instant#toString()} gives (ISO-8601 in UTC, the fraction in groups of three digits as
     * needed), without its general formatter, which was the larger part of building a table; "" for null.
     * The form of every time in tables and assessments.
     *
     * @since 1.1
     */
    public static String time(Instant t) {
        if (t == null) {
            return "";
        }
        long seconds = t.getEpochSecond();
        // years 1000 to 9999 only: others have signs or more digits, which toString() handles
        if (seconds < -30_610_224_000L || seconds >= 253_402_300_800L) {
            return t.toString();
        }
        LocalDateTime d = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
        int nano = t.getNano();
        char[] c = new char[nano == 0 ? 20 : nano % 1_000_000 == 0 ? 24 : nano % 1000 == 0 ? 27 : 30];
        digits(c, 0, d.getYear(), 4);
        c[4] = '-';
        digits(c, 5, d.getMonthValue(), 2);
        c[7] = '-';
        digits(c, 8, d.getDayOfMonth(), 2);
        c[10] = 'T';
        digits(c, 11, d.getHour(), 2);
        c[13] = ':';
        digits(c, 14, d.getMinute(), 2);
        c[16] = ':';
        digits(c, 17, d.getSecond(), 2);
        if (nano != 0) {
            c[19] = '.';
            int width = c.length - 21;
            digits(c, 20, nano / (width == 3 ? 1_000_000 : width == 6 ? 1000 : 1), width);
        }
        c[c.length - 1] = 'Z';
        return new String(c);
    }

    private static void digits(char[] c, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            c[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
