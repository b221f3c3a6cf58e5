package io.signdx.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import io.signdx.api.ingest.StoreResult;
import io.signdx.api.model.SignIn;
import io.signdx.api.model.Status;
import io.signdx.api.source.Page;
import io.signdx.api.source.SignInQuery;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteSignInStoreTest {
    static final Instant T0 = Instant.parse("2026-11-15T00:00:00Z");
    static final List<String> USERS = List.of("Ann.Lee@contoso.example", "bob@contoso.example", "cid@contoso.example");
    static final List<String> APPS = List.of("Outlook", "Teams", "Azure Portal");
    static final List<Integer> CODES = List.of(0, 0, 0, 50126, 50053, 53003, 50074);

    @TempDir
    Path dir;
    private SqliteSignInStore store;

    @BeforeEach
    void open() {
        store = new SqliteSignInStore(dir.resolve("data/signins.db"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    /** Reproducible sign-ins spread over a week. */
    static List<SignIn> sample(int n, long seed) {
        Random r = new Random(seed);
        List<SignIn> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int u = r.nextInt(USERS.size());
            out.add(SignIn.builder().id("req-" + seed + "-" + i).correlationId("CORR-" + (i / 3))
                    .createdDateTime(T0.plusSeconds(r.nextInt(7 * 24 * 3600)))
                    .userId("oid-" + u).userPrincipalName(USERS.get(u)).userDisplayName("User " + u)
                    .appDisplayName(APPS.get(r.nextInt(APPS.size()))).appId("app-" + r.nextInt(3))
                    .ipAddress("198.51.100." + r.nextInt(4)).flaggedForReview(r.nextInt(20) == 0)
                    .status(new Status(CODES.get(r.nextInt(CODES.size())), "reason", null))
                    .raw("{\"id\":\"req-" + i + "\"}").build());
        }
        return out;
    }

    @Test
    void storesOnceAndCountsDuplicates() {
        List<SignIn> batch = sample(500, 1);
        assertEquals(new StoreResult(500, 0), store.store(batch));
        assertEquals(new StoreResult(0, 500), store.store(batch), "importing again stores nothing");
        List<SignIn> mixed = new ArrayList<>(batch.subList(0, 10));
        mixed.addAll(sample(5, 2));
        assertEquals(new StoreResult(5, 10), store.store(mixed));
        assertEquals(505, store.size());
    }

    @Test
    void everyFilterMeansWhatSignInQueryMatchesMeans() {
        List<SignIn> all = sample(2000, 3);
        store.store(all);
        List<SignInQuery> queries = List.of(SignInQuery.all(),
                SignInQuery.all().withUser("ann.lee@CONTOSO.example"), SignInQuery.all().withUser("oid-1"),
                SignInQuery.all().withUser("user 2"), SignInQuery.all().withApp("teams"),
                SignInQuery.all().withApp("app-1"), SignInQuery.all().withCorrelationId("corr-7"),
                SignInQuery.all().withRequestId("REQ-3-42"),
                SignInQuery.all().around(T0.plus(Duration.ofDays(3)), Duration.ofHours(24)),
                SignInQuery.all().withStatus(SignInQuery.StatusFilter.FAILURE),
                SignInQuery.all().withStatus(SignInQuery.StatusFilter.SUCCESS),
                SignInQuery.all().withErrorCodes(Set.of(50053, 53003)), SignInQuery.all().withFlaggedOnly(true),
                SignInQuery.all().withIpAddress("198.51.100.2"),
                SignInQuery.all().withUser("bob@contoso.example").withApp("Outlook")
                        .around(T0.plus(Duration.ofDays(2)), Duration.ofHours(24)));
        for (SignInQuery q : queries) {
            long expected = all.stream().filter(q::matches).count();
            assertEquals(expected, store.count(q), "count for " + describe(q));
            Page<SignIn> page = store.query(q.withPage(0, 5000));
            assertEquals(expected, page.items().size(), "query for " + describe(q));
            assertTrue(page.items().stream().allMatch(q::matches), "every result matches " + describe(q));
        }
    }

    @Test
    void resultsAreFlaggedFirstThenNewestAndPaged() {
        store.store(sample(300, 4));
        Page<SignIn> first = store.query(SignInQuery.all().withPage(0, 50));
        Page<SignIn> second = store.query(SignInQuery.all().withPage(50, 50));
        assertEquals(300, first.total());
        assertTrue(first.hasMore());
        List<SignIn> both = new ArrayList<>(first.items());
        both.addAll(second.items());
        int firstUnflagged = 0;
        while (both.get(firstUnflagged).flaggedForReview()) {
            firstUnflagged++;
        }
        for (int i = firstUnflagged + 1; i < both.size(); i++) {
            assertTrue(!both.get(i).createdDateTime().isAfter(both.get(i - 1).createdDateTime()), "newest first");
        }
        assertTrue(firstUnflagged > 0, "flagged sign-ins come first");
    }

    @Test
    void storedSignInsComeBackWholeWithTheirRawRecord() {
        SignIn s = sample(1, 5).get(0);
        store.store(List.of(s));
        SignIn back = store.query(SignInQuery.all().withRequestId(s.id())).items().get(0);
        assertEquals(s, back);
        assertEquals(s.userDisplayName(), back.userDisplayName());
        assertEquals(s.raw(), back.raw());
        assertEquals(s.status(), back.status());
    }

    @Test
    void aNewStoreIsInWalModeWithLargePages() throws Exception {
        store.store(sample(10, 8));
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("data/signins.db"));
                java.sql.Statement s = c.createStatement()) {
            try (java.sql.ResultSet rs = s.executeQuery("PRAGMA page_size")) {
                rs.next();
                assertEquals(8192, rs.getInt(1));
            }
            try (java.sql.ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
                rs.next();
                assertEquals("wal", rs.getString(1));
            }
        }
    }

    @Test
    void anotherProcessMayWriteTheSameFile() {
        store.store(sample(100, 6));
        SqliteSignInStore second = new SqliteSignInStore(dir.resolve("data/signins.db"));
        try {
            assertEquals(new StoreResult(100, 0), second.store(sample(100, 7)));
            assertEquals(200, store.size(), "the first connection sees the second's commit");
        } finally {
            second.close();
        }
    }

    private static String describe(SignInQuery q) {
        return "user=" + q.user() + " app=" + q.app() + " corr=" + q.correlationId() + " req=" + q.requestId()
                + " from=" + q.from() + " status=" + q.status() + " codes=" + q.errorCodes() + " ip=" + q.ipAddress();
    }
}
