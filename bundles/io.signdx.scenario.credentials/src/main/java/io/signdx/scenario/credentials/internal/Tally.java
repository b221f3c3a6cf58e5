package io.signdx.scenario.credentials.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.signdx.api.detector.EvidenceTable;
import io.signdx.api.model.SignIn;

/**
 * Counts sign-ins per value of one property (IP address, application, client, account): how many,
 * how many failed, were locked or blocked, succeeded, and when first and last. The diagnostic's "where
 * do the attempts come from" tables.
 */
final class Tally {
    private final Function<SignIn, String> key;
    private final Function<SignIn, String> detail;
    private final Map<String, Row> rows = new HashMap<>();

    /**
     * @param key the property to group by
     * @param detail a second column shown beside the key (e.g. the location of an IP), or {@code null}
     */
    Tally(Function<SignIn, String> key, Function<SignIn, String> detail) {
        this.key = key;
        this.detail = detail;
    }

    /** Counts each sign-in of {@code signIns}. */
    Tally addAll(List<SignIn> signIns) {
        for (SignIn s : signIns) {
            add(s);
        }
        return this;
    }

    void add(SignIn s) {
        String k = SignInFacts.text(key.apply(s));
        Row r = rows.computeIfAbsent(k, x -> new Row(x, detail == null ? "" : SignInFacts.text(detail.apply(s))));
        r.count++;
        if (s.errorCode() == 0) {
            r.succeeded++;
        } else if (s.errorCode() == SignInFacts.LOCKED) {
            r.locked++;
        } else {
            r.failed++;
        }
        Instant t = s.createdDateTime();
        if (t != null) {
            r.first = r.first == null || t.isBefore(r.first) ? t : r.first;
            r.last = r.last == null || t.isAfter(r.last) ? t : r.last;
        }
    }

    int size() {
        return rows.size();
    }

    /** Rows whose group also has a success. */
    int groupsWithSuccess() {
        int n = 0;
        for (Row r : rows.values()) {
            n += r.succeeded > 0 ? 1 : 0;
        }
        return n;
    }

    /**
     * The table, largest groups first, at most {@code maxRows} rows (the title says when some were left
     * out).
     */
    EvidenceTable table(String title, String keyColumn, String detailColumn, int maxRows) {
        List<Row> sorted = new ArrayList<>(rows.values());
        sorted.sort(Comparator.comparingInt((Row r) -> -r.count).thenComparing(r -> r.key));
        List<String> columns = new ArrayList<>();
        columns.add(keyColumn);
        if (detail != null) {
            columns.add(detailColumn);
        }
        columns.addAll(List.of("Sign-ins", "Failed", "Locked or blocked (50053)", "Succeeded", "First (UTC)",
                "Last (UTC)"));
        List<List<String>> out = new ArrayList<>();
        for (Row r : sorted.subList(0, Math.min(maxRows, sorted.size()))) {
            List<String> cells = new ArrayList<>(columns.size());
            cells.add(r.key.isEmpty() ? "(not recorded)" : r.key);
            if (detail != null) {
                cells.add(r.detail);
            }
            cells.addAll(Arrays.asList(String.valueOf(r.count), String.valueOf(r.failed), String.valueOf(r.locked),
                    String.valueOf(r.succeeded), r.first == null ? "" : r.first.toString(),
                    r.last == null ? "" : r.last.toString()));
            out.add(cells);
        }
        String shownTitle = sorted.size() > maxRows ? title + " (the " + maxRows + " largest of " + sorted.size() + ")"
                : title;
        return new EvidenceTable(shownTitle, columns, out);
    }

    private static final class Row {
        final String key;
        final String detail;
        int count;
        int failed;
        int locked;
        int succeeded;
        Instant first;
        Instant last;

        Row(String key, String detail) {
            this.key = key;
            this.detail = detail;
        }
    }
}
