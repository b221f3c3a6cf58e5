package io.signdx.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import io.signdx.api.ingest.StoreResult;
import io.signdx.api.model.AuthenticationContext;
import io.signdx.api.model.SignIn;
import io.signdx.api.model.Status;
import io.signdx.api.source.Page;
import io.signdx.api.source.SignInQuery;
import io.signdx.api.source.SignInSource;

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
    void aRecordWithoutIdIsRecognisedAgainWhenReadWithTheFieldsAddedLater() {
        List<SignIn> idless = sample(3, 7).stream().map(s -> s.toBuilder().id(null).build()).toList();
        assertEquals(new StoreResult(3, 0), store.store(idless));
        // the same records as a version that also reads the transfer method and the contexts maps them
        List<SignIn> again = idless.stream().map(s -> s.toBuilder().originalTransferMethod("none")
                .authenticationContextClassReferences(List.of(new AuthenticationContext("c1", "required"))).build())
                .toList();
        assertEquals(new StoreResult(0, 3), store.store(again));
        // while another record without id is another sign-in
        assertEquals(new StoreResult(1, 0), store.store(List.of(idless.get(0).toBuilder().ipAddress("192.0.2.99").build())));
    }

    @Test
    void batchesOfAnySizeStoreEachSignInOnceAlsoWhenABatchRepeatsOne() {
        // sizes around the rows of one INSERT statement and the packing chunks
        int per = SqliteSignInStore.ROWS_PER_INSERT;
        long total = 0;
        int seed = 100;
        for (int size : new int[] {1, per - 1, per, per + 1, 2 * per + 3, 249, 250, 251, 1001}) {
            List<SignIn> batch = new ArrayList<>(sample(size, seed++));
            int unique = batch.size();
            batch.add(batch.get(0)); // twice in one batch, even in one statement
            batch.add(batch.get(batch.size() / 2));
            assertEquals(new StoreResult(unique, 2), store.store(batch), "batch of " + batch.size());
            total += unique;
            assertEquals(total, store.size());
            for (SignIn s : List.of(batch.get(0), batch.get(unique - 1))) {
                SignIn back = store.query(SignInQuery.all().withRequestId(s.id())).items().get(0);
                Fields.assertSame(s, back, "batch of " + batch.size());
            }
        }
    }

    @Test
    void oneStoreImportsWhileAnotherReadsTheSameFile() throws Exception {
        store.store(sample(1000, 200));
        SqliteSignInStore importer = new SqliteSignInStore(dir.resolve("data/signins.db"));
        java.util.concurrent.atomic.AtomicReference<Throwable> failed = new java.util.concurrent.atomic.AtomicReference<>();
        Thread imports = new Thread(() -> {
            try {
                for (int i = 0; i < 12; i++) {
                    importer.store(sample(1000, 201 + i));
                }
            } catch (Throwable t) {
                failed.set(t);
            }
        });
        imports.start();
        long last = 0;
        int reads = 0;
        while (imports.isAlive() || reads == 0) {
            long size = store.size();
            assertEquals(0, size % 1000, "a reader never sees part of a batch: " + size);
            assertTrue(size >= last, "committed batches stay");
            last = size;
            Page<SignIn> page = store.query(SignInQuery.all().withUser("bob@contoso.example").withPage(0, 200));
            assertTrue(page.items().stream().allMatch(x -> x.userPrincipalName().equals("bob@contoso.example")));
            reads++;
        }
        imports.join();
        importer.close();
        assertEquals(null, failed.get());
        assertEquals(13_000, store.size());
        assertTrue(reads > 1, "the reads ran beside the import: " + reads);
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
        Fields.assertSame(s, back, "stored");
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

    @Test
    void countsByEachDimensionAreTheDefaultImplementationsCounts() {
        List<SignIn> all = new ArrayList<>(sample(1500, 9));
        // values the look-up tables must keep apart or bring together: one UPN with two names, no user, no app
        all.add(SignIn.builder().id("x-1").createdDateTime(T0.minusSeconds(1)).userPrincipalName("Ann.Lee@contoso.example")
                .userDisplayName("Someone else").appId("app-9").clientAppUsed("").build());
        all.add(SignIn.builder().id("x-2").userDisplayName("only a name").build());
        all.add(SignIn.builder().id("x-3").createdDateTime(Instant.parse("1969-12-31T23:30:00Z")).userId("oid-7")
                .status(new Status(-1, null, null)).build());
        store.store(all);
        SignInSource paging = new SignInSource() { // the API's default countBy, over this store's pages
            @Override
            public Page<SignIn> query(SignInQuery q) {
                return store.query(q);
            }

            @Override
            public long count(SignInQuery q) {
                return store.count(q);
            }
        };
        for (SignInQuery q : List.of(SignInQuery.all(), SignInQuery.all().withStatus(SignInQuery.StatusFilter.FAILURE),
                SignInQuery.all().withUser("bob@contoso.example").around(T0.plus(Duration.ofDays(2)), Duration.ofDays(1)))) {
            for (SignInSource.Dimension d : SignInSource.Dimension.values()) {
                Map<String, Long> expected = paging.countBy(q, d);
                assertEquals(expected, store.countBy(q, d), d + " for " + describe(q));
                assertTrue(!expected.isEmpty());
            }
        }
        assertEquals(1L, store.countBy(SignInQuery.all(), SignInSource.Dimension.USER).get(""), "no UPN, no id");
        assertEquals(1L, store.countBy(SignInQuery.all(), SignInSource.Dimension.USER).get("oid-7"), "no UPN: the id");
        assertEquals(1L, store.countBy(SignInQuery.all(), SignInSource.Dimension.HOUR).get("1969-12-31T23:00:00Z"));
    }

    @Test
    void signInsReadFromExportsComeBackFieldForFieldAndTakeLittleRoom() throws Exception {
        Path export = dir.resolve("export.json");
        StringBuilder b = new StringBuilder("{\"value\":[");
        for (int i = 0; i < 400; i++) {
            b.append(i == 0 ? "" : ",").append("""
                    {"id":"%s","createdDateTime":"2026-11-%02dT08:%02d:02.%dZ","userPrincipalName":"%s",
                     "userId":"%s","appDisplayName":"%s","appId":"00000002-0000-0ff1-ce00-000000000000",
                     "ipAddress":"198.51.100.%d","clientAppUsed":"Browser","conditionalAccessStatus":"failure",
                     "status":{"errorCode":%d,"failureReason":"Other."},"isInteractive":true,
                     "deviceDetail":{"operatingSystem":"Windows10","isCompliant":false},
                     "location":{"city":"Oslo","countryOrRegion":"NO","geoCoordinates":{"latitude":59.9,"longitude":10.7}},
                     "appliedConditionalAccessPolicies":[{"id":"p1","displayName":"Block legacy","result":"failure",
                       "enforcedGrantControls":["Block"],"conditionsSatisfied":"application,users"}],
                     "authenticationDetails":[{"authenticationStepDateTime":"2026-11-20T08:15:02Z",
                       "authenticationMethod":"Password","succeeded":true}],
                     "processingTimeInMilliseconds":%d, "unknownFutureField":{"nested":[1,2,3]}}"""
                    .formatted(java.util.UUID.nameUUIDFromBytes(("r" + i).getBytes(java.nio.charset.StandardCharsets.UTF_8)), 10 + i % 7, i % 60, i,
                            USERS.get(i % 3), "oid-" + i % 3, APPS.get(i % 3), i % 250, CODES.get(i % CODES.size()),
                            i * 7));
        }
        java.nio.file.Files.writeString(export, b.append("]}").toString());
        List<SignIn> read = new ArrayList<>();
        new io.signdx.source.file.internal.FileSignInReader().read(export, false, read::add);
        assertEquals(400, read.size());
        store.store(read);
        for (SignIn s : read) {
            SignIn back = store.query(SignInQuery.all().withRequestId(s.id())).items().get(0);
            assertEquals(io.signdx.source.file.graph.GraphJson.toJson(s), io.signdx.source.file.graph.GraphJson.toJson(back));
            assertEquals(s.raw(), back.raw(), "the record as read, byte for byte");
            Fields.assertSame(s, back, s.id());
        }
        long stored = storedBytes();
        long raw = read.stream().mapToLong(s -> s.raw().length()).sum();
        assertTrue(stored * 3 < raw, "each record stored once, compressed: " + stored + " bytes for " + raw);

        // the other shapes: an Azure Monitor record (envelope and properties) and a Log Analytics row
        Path lines = dir.resolve("monitor.json");
        java.nio.file.Files.writeString(lines, """
                {"time":"2026-11-21T08:15:02Z","category":"NonInteractiveUserSignInLogs","resultType":"50126",                "correlationId":"c-1","properties":{"id":"m-1","userPrincipalName":"cid@contoso.example",                "appliedConditionalAccessPolicies":[{"id":"p","result":"notApplied","conditionsSatisfied":3}]}}
                """);
        Path rows = dir.resolve("rows.json");
        java.nio.file.Files.writeString(rows, """
                [{"TimeGenerated [UTC]":"4/28/2021, 2:08:45.221 PM","ResultType":"53003","UserPrincipalName":"bob@x",                "Id":"la-1","ConditionalAccessPolicies_dynamic":"[{\\"id\\":\\"p2\\",\\"result\\":\\"failure\\"}]",                "LocationDetails":"{\\"city\\":\\"Oslo\\"}","IsInteractive":"True"}]
                """);
        List<SignIn> other = new ArrayList<>();
        io.signdx.source.file.internal.FileSignInReader reader = new io.signdx.source.file.internal.FileSignInReader();
        reader.read(lines, false, other::add);
        reader.read(rows, false, other::add);
        assertEquals(2, other.size());
        store.store(other);
        for (SignIn s : other) {
            SignIn back = store.query(SignInQuery.all().withRequestId(s.id())).items().get(0);
            assertEquals(io.signdx.source.file.graph.GraphJson.toJson(s), io.signdx.source.file.graph.GraphJson.toJson(back));
            assertEquals(s.raw(), back.raw());
        }
    }

    private long storedBytes() throws Exception {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("data/signins.db"));
                java.sql.Statement s = c.createStatement();
                java.sql.ResultSet rs = s.executeQuery("SELECT sum(length(data)) FROM signins")) {
            return rs.getLong(1);
        }
    }

    private static String describe(SignInQuery q) {
        return "user=" + q.user() + " app=" + q.app() + " corr=" + q.correlationId() + " req=" + q.requestId()
                + " from=" + q.from() + " status=" + q.status() + " codes=" + q.errorCodes() + " ip=" + q.ipAddress();
    }
}
