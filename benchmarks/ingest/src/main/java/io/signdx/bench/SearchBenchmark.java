package io.signdx.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

import io.signdx.api.model.SignIn;
import io.signdx.api.source.Page;
import io.signdx.api.source.SignInQuery;
import io.signdx.store.internal.SqliteSignInStore;
import io.signdx.store.internal.StoreAccess;

import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Search benchmark (DESIGN §10: user + 48 h window in 1 M stored sign-ins, p99 ≤ 5 ms); prints, asserts nothing:
 *
 * <pre>java -cp … io.signdx.bench.SearchBenchmark DBFILE N [SEED]</pre>
 *
 * N random (user, time) pairs — users drawn from the store's distinct UPNs (lower case, as typed in any case), times uniformly within its
 * span — each queried as {@code SignInQuery.all().withUser(upn).around(t, 24 h).withPage(0, 100)} through the
 * store's {@code query} (which also counts the matches), after a warm-up. To show where the time goes it runs
 * the same queries again (pages cached), the same SELECT over JDBC without decoding the rows, and the count
 * alone. Last, count by error code.
 */
public final class SearchBenchmark {
    /** The user criterion SqliteSignInStore.query issues (copied, for the SQL-only timing). */
    static final String USER = "user IN (SELECT ref FROM users WHERE user_id = ? UNION SELECT ref FROM users WHERE "
            + "upn_lc = ? UNION SELECT ref FROM users WHERE name_lc = ?) AND created >= ? AND created < ?";
    /** The page's row ids, sorted, from the small table and its indexes alone. */
    static final String SELECT = "SELECT id FROM signins WHERE " + USER
            + " ORDER BY flagged DESC, created DESC, id DESC LIMIT ? OFFSET ?";
    /** Then the page's sign-ins, in one statement. */
    static final String RECORDS = "SELECT id, zdict, data FROM signins WHERE id IN (";
    static final String COUNT = "SELECT count(*) FROM signins WHERE " + USER;

    private SearchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: SearchBenchmark DBFILE N [SEED]");
            System.exit(2);
        }
        Path db = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 7L;
        if (!Files.isRegularFile(db)) {
            System.err.println("no store at " + db);
            System.exit(2);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        SQLiteDataSource ds = new SQLiteDataSource(config);
        ds.setUrl("jdbc:sqlite:" + db.toAbsolutePath());
        List<String> users = new ArrayList<>();
        long min;
        long max;
        long rows;
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT DISTINCT upn_lc FROM users WHERE upn_lc IS NOT NULL")) {
                while (rs.next()) {
                    users.add(rs.getString(1));
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT min(created), max(created), count(*) FROM signins")) {
                rs.next();
                min = rs.getLong(1);
                max = rs.getLong(2);
                rows = rs.getLong(3);
            }
        }
        IngestBenchmark.line("store", String.format(Locale.ROOT, "%s: %,d sign-ins, %,d users, %s .. %s", db.getFileName(),
                rows, users.size(), Instant.ofEpochMilli(min), Instant.ofEpochMilli(max)),
                rows >= 1_000_000 ? null : "measured on >= 1,000,000 sign-ins; this store holds fewer");

        SqliteSignInStore store = StoreAccess.open(db);
        try {
            // warm-up (JIT, SQLite page cache), different random pairs
            run(store, users, min, max, Math.min(Math.max(n / 5, 200), 2000), seed + 1);
            Result r = run(store, users, min, max, n, seed);
            IngestBenchmark.line("search user + 48 h window, page of 100 (store.query)", r.describe(n),
                    "p99 <= 5 ms in 1 M sign-ins");
            // the same queries again: their pages are now in SQLite's and the OS's caches
            Result again = run(store, users, min, max, n, seed);
            IngestBenchmark.line("    analysis: the same queries again (pages cached)", again.describe(n), null);

            // where the time goes: the same SQL without decoding, and the count alone
            try (Connection c = ds.getConnection()) {
                double[] sql = jdbc(c, SELECT, users, min, max, n, seed, true);
                double[] count = jdbc(c, COUNT, users, min, max, n, seed, false);
                IngestBenchmark.line("    analysis: same SELECTs over JDBC, records fetched not decoded",
                        Result.percentiles(sql), null);
                IngestBenchmark.line("    analysis: decoding in query() (cached run - JDBC) per row",
                        String.format(Locale.ROOT, "%.0f µs (%.1f ms mean per query for %.0f rows)",
                                (mean(again.ms()) - mean(sql)) * 1e3 / Math.max(1, again.returned()),
                                mean(again.ms()) - mean(sql), again.returned()), null);
                IngestBenchmark.line("    analysis: the count(*) query.query() also runs", Result.percentiles(count),
                        null);
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("EXPLAIN QUERY PLAN "
                        + SELECT.replace("?", "1"))) {
                    StringBuilder plan = new StringBuilder();
                    while (rs.next()) {
                        plan.append(plan.length() == 0 ? "" : " | ").append(rs.getString(4));
                    }
                    IngestBenchmark.line("    analysis: query plan", plan.toString(), null);
                }
                // count by error code: one GROUP BY over every row
                double best = Double.MAX_VALUE;
                int codes = 0;
                for (int i = 0; i < 3; i++) {
                    long t0 = System.nanoTime();
                    codes = 0;
                    try (Statement st = c.createStatement();
                            ResultSet rs = st.executeQuery("SELECT error_code, count(*) FROM signins GROUP BY error_code")) {
                        while (rs.next()) {
                            codes++;
                        }
                    }
                    best = Math.min(best, IngestBenchmark.seconds(t0));
                }
                IngestBenchmark.line("count by error code (SQL GROUP BY, all rows)", String.format(Locale.ROOT,
                        "%.0f ms for %d codes (best of 3)", best * 1e3, codes), null);
            }
            double best = Double.MAX_VALUE;
            long hits = 0;
            for (int i = 0; i < 3; i++) {
                long t0 = System.nanoTime();
                hits = store.count(SignInQuery.all().withErrorCodes(Set.of(50126, 53003)));
                best = Math.min(best, IngestBenchmark.seconds(t0));
            }
            IngestBenchmark.line("count error codes 50126+53003 (store.count)", String.format(Locale.ROOT,
                    "%.1f ms, %,d sign-ins (best of 3)", best * 1e3, hits), null);
        } finally {
            StoreAccess.close(store);
        }
    }

    private static double mean(double[] v) {
        double sum = 0;
        for (double x : v) {
            sum += x;
        }
        return sum / v.length;
    }

    private static Result run(SqliteSignInStore store, List<String> users, long min, long max, int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] ms = new double[n];
        long found = 0;
        long returned = 0;
        for (int i = 0; i < n; i++) {
            String upn = users.get(rnd.nextInt(users.size()));
            Instant t = Instant.ofEpochMilli(min + (long) (rnd.nextDouble() * (max - min)));
            SignInQuery q = SignInQuery.all().withUser(upn).around(t, Duration.ofHours(24)).withPage(0, 100);
            long t0 = System.nanoTime();
            Page<SignIn> page = store.query(q);
            ms[i] = (System.nanoTime() - t0) / 1e6;
            returned += page.items().size();
            found += page.total();
        }
        return new Result(ms, (double) returned / n, (double) found / n);
    }

    private static double[] jdbc(Connection c, String sql, List<String> users, long min, long max, int n, long seed,
            boolean paged) throws SQLException {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] ms = new double[n];
        long sink = 0;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < n; i++) {
                String upn = users.get(rnd.nextInt(users.size()));
                long t = min + (long) (rnd.nextDouble() * (max - min));
                long t0 = System.nanoTime();
                ps.setString(1, upn);
                ps.setString(2, upn);
                ps.setString(3, upn);
                ps.setLong(4, t - 24 * 3600_000L);
                ps.setLong(5, t + 24 * 3600_000L);
                if (paged) {
                    ps.setInt(6, 100);
                    ps.setInt(7, 0);
                }
                List<Long> ids = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
                sink += ids.size();
                if (paged && !ids.isEmpty()) {
                    try (PreparedStatement records = c.prepareStatement(RECORDS
                            + String.join(",", java.util.Collections.nCopies(ids.size(), "?")) + ")")) {
                        for (int k = 0; k < ids.size(); k++) {
                            records.setLong(k + 1, ids.get(k));
                        }
                        try (ResultSet rs = records.executeQuery()) {
                            while (rs.next()) {
                                byte[] b = rs.getBytes(3);
                                sink += b == null ? 0 : b.length;
                            }
                        }
                    }
                }
                ms[i] = (System.nanoTime() - t0) / 1e6;
            }
        }
        if (sink == 42) {
            System.out.println();
        }
        return ms;
    }

    record Result(double[] ms, double returned, double found) {
        String describe(int n) {
            return percentiles(ms) + String.format(Locale.ROOT, "; %d queries, on average %.0f returned of %.0f matching",
                    n, returned, found);
        }

        static String percentiles(double[] values) {
            double[] s = values.clone();
            Arrays.sort(s);
            return String.format(Locale.ROOT, "p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms", at(s, 0.50),
                    at(s, 0.90), at(s, 0.99), s[s.length - 1]);
        }

        static double at(double[] sorted, double q) {
            return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
        }
    }
}
