package io.signdx.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import io.signdx.api.model.SignIn;
import io.signdx.api.source.SignInQuery;

import org.junit.jupiter.api.Test;

class BatchIndexTest {
    private static final Instant T0 = Instant.parse("2026-11-20T12:00:00Z");

    private static SignIn s(String id, String upn, String ip, int minutes, int code) {
        return SignIn.builder().id(id).userId("oid-" + upn).userPrincipalName(upn).ipAddress(ip)
                .createdDateTime(T0.plus(Duration.ofMinutes(minutes))).correlationId("corr-" + id).errorCode(code)
                .build();
    }

    private final BatchIndex index = new BatchIndex(List.of(s("1", "ann@x.example", "10.0.0.1", 0, 50126),
            s("2", "ann@x.example", "10.0.0.2", 90, 0), s("3", "bob@x.example", "10.0.0.1", 5, 50126),
            s("4", "cid@x.example", "10.0.0.1", 3000, 50053)));

    private List<String> ids(SignInQuery q) {
        return index.find(q, Integer.MAX_VALUE).stream().map(SignIn::id).toList();
    }

    @Test
    void findsByEachKeyAndCombinesCriteria() {
        assertEquals(List.of("2", "1"), ids(SignInQuery.all().withUser("ANN@x.example")));
        assertEquals(List.of("2", "1"), ids(SignInQuery.all().withUser("oid-ann@x.example")));
        assertEquals(List.of("4", "3", "1"), ids(SignInQuery.all().withIpAddress("10.0.0.1")));
        assertEquals(List.of("3", "1"), ids(SignInQuery.all().withIpAddress("10.0.0.1").around(T0, Duration.ofHours(24))));
        assertEquals(List.of("3"), ids(SignInQuery.all().withRequestId("3")));
        assertEquals(List.of("4"), ids(SignInQuery.all().withCorrelationId("corr-4")));
        assertEquals(List.of("2"), ids(SignInQuery.all().withStatus(SignInQuery.StatusFilter.SUCCESS)));
        assertEquals(List.of("4"), ids(SignInQuery.all().withErrorCodes(Set.of(50053))));
        assertEquals(List.of(), ids(SignInQuery.all().withUser("nobody@x.example")));
    }

    @Test
    void windowsCutTimeOrderedListsAndTheNewestComeFirstUpToTheLimit() {
        List<SignIn> burst = new java.util.ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            // input order is not time order: the index must not depend on it
            int minute = (i * 7919) % 1000;
            burst.add(s("b" + minute, "u" + minute + "@x.example", "192.0.2.9", minute, 50126));
        }
        burst.add(SignIn.builder().id("no-time").ipAddress("192.0.2.9").build());
        BatchIndex spray = new BatchIndex(burst);
        SignInQuery window = SignInQuery.all().withIpAddress("192.0.2.9").withWindow(T0.plus(Duration.ofMinutes(100)),
                T0.plus(Duration.ofMinutes(110)));
        assertEquals(List.of("b109", "b108", "b107"), spray.find(window, 3).stream().map(SignIn::id).toList());
        assertEquals(10, spray.find(window, 100).size());
        assertEquals(1001, spray.find(SignInQuery.all().withIpAddress("192.0.2.9"), 5000).size());
        assertEquals("no-time", spray.find(SignInQuery.all().withIpAddress("192.0.2.9"), 5000).get(1000).id());
        assertEquals(List.of("b999"), spray.find(SignInQuery.all().withUser("U999@X.EXAMPLE"), 5).stream()
                .map(SignIn::id).toList());
    }

    @Test
    void appAndErrorCodeQueriesUseTheirOwnIndexAndAgreeWithMatches() {
        List<SignIn> batch = new java.util.ArrayList<>();
        for (int i = 0; i < 300; i++) {
            batch.add(SignIn.builder().id("a" + i).createdDateTime(T0.plus(Duration.ofMinutes(i)))
                    .appId(i % 3 == 0 ? "app-1" : "app-2").appDisplayName(i % 3 == 0 ? "Payroll" : "Mail")
                    .errorCode(i % 10 == 0 ? 7000222 : i % 10 == 1 ? 7000215 : 0).build());
        }
        BatchIndex index = new BatchIndex(batch);
        for (SignInQuery q : List.of(SignInQuery.all().withApp("PAYROLL"), SignInQuery.all().withApp("app-1"),
                SignInQuery.all().withErrorCodes(Set.of(7000222)),
                SignInQuery.all().withErrorCodes(Set.of(7000222, 7000215)).around(T0.plus(Duration.ofHours(2)),
                        Duration.ofMinutes(30)),
                SignInQuery.all().withApp("Payroll").withErrorCodes(Set.of(7000222, 7000215)))) {
            List<String> expected = batch.stream().filter(q::matches)
                    .sorted(java.util.Comparator.comparing(SignIn::createdDateTime).reversed()).map(SignIn::id).toList();
            assertEquals(expected, index.find(q, 1000).stream().map(SignIn::id).toList(), q.toString());
            assertEquals(false, expected.isEmpty(), "the query finds something: " + q);
        }
    }

    @Test
    void anEmptyKeyMeansWhatMatchesSaysNotNothing() {
        // no index holds empty keys; the answer must still be that of SignInQuery.matches
        SignIn anonymous = SignIn.builder().id("anon").createdDateTime(T0).errorCode(50058).build();
        List<SignIn> batch = List.of(s("1", "ann@x.example", "10.0.0.1", 0, 50126), anonymous);
        BatchIndex withAnonymous = new BatchIndex(batch);
        for (SignInQuery q : List.of(SignInQuery.all().withUser(""), SignInQuery.all().withIpAddress(""),
                SignInQuery.all().withApp(""), SignInQuery.all().withCorrelationId(""))) {
            List<String> expected = batch.stream().filter(q::matches).map(SignIn::id).toList();
            assertEquals(false, expected.isEmpty());
            assertEquals(new java.util.HashSet<>(expected), new java.util.HashSet<>(withAnonymous.find(q, 10).stream()
                    .map(SignIn::id).toList()));
        }
    }

    @Test
    void everyIndexPathGivesWhatMatchesGivesNewestFirst() {
        // a differential check of all paths (key alone, key with codes, codes alone, windows, limits)
        // against the query's own definition over a random batch
        java.util.Random random = new java.util.Random(7);
        List<Integer> codes = List.of(0, 0, 0, 50126, 50053, 50074, 7000222);
        List<Integer> minutes = new java.util.ArrayList<>();
        for (int m = 0; m < 4320; m++) {
            minutes.add(m);
        }
        java.util.Collections.shuffle(minutes, random);
        List<SignIn> batch = new java.util.ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            int u = random.nextInt(15);
            SignIn.Builder b = SignIn.builder().id("r" + i).userId("oid-" + u)
                    // now and then a long s, which equalsIgnoreCase equates with s (through upper case)
                    .userPrincipalName((i % 50 == 3 ? "u\u017fer" : u % 2 == 0 ? "User" : "user") + u + "@x.example")
                    // now and then a display name that is another user's object id in other case
                    .userDisplayName(i % 97 == 0 ? "OID-" + random.nextInt(15) : "Name " + u)
                    .ipAddress("198.51.100." + random.nextInt(8)).appId("app-" + random.nextInt(4))
                    .appDisplayName("App " + random.nextInt(4)).errorCode(codes.get(random.nextInt(codes.size())));
            if (i % 300 != 7) {
                b.createdDateTime(T0.plus(Duration.ofMinutes(minutes.get(i))));
            }
            batch.add(b.build());
        }
        BatchIndex index = new BatchIndex(batch);
        for (int n = 0; n < 1000; n++) {
            SignInQuery q = SignInQuery.all();
            switch (random.nextInt(5)) {
                case 0 -> q = q.withUser("USER" + random.nextInt(15) + "@x.example");
                case 1 -> q = q.withIpAddress("198.51.100." + random.nextInt(8));
                case 2 -> q = q.withApp(random.nextBoolean() ? "app-" + random.nextInt(4) : "APP " + random.nextInt(4));
                case 3 -> q = q.withUser((random.nextBoolean() ? "oid-" : "OID-") + random.nextInt(15));
                default -> q = q.withUser("oid-" + random.nextInt(15)).withIpAddress("198.51.100." + random.nextInt(8));
            }
            if (random.nextInt(3) > 0) {
                q = q.withErrorCodes(random.nextBoolean() ? Set.of(codes.get(3 + random.nextInt(4)))
                        : Set.of(50126, 50053, 7000222));
            }
            Instant at = T0.plus(Duration.ofMinutes(random.nextInt(4320)));
            switch (random.nextInt(4)) {
                case 0 -> q = q.around(at, Duration.ofHours(1 + random.nextInt(24)));
                case 1 -> q = q.withWindow(null, at);
                case 2 -> q = q.withWindow(at, null);
                default -> {
                    // no window: sign-ins without a time match too
                }
            }
            int max = random.nextBoolean() ? 5 : 5000;
            SignInQuery query = q;
            List<SignIn> expected = batch.stream().filter(query::matches)
                    .sorted(java.util.Comparator.comparing(SignIn::createdDateTime,
                            java.util.Comparator.nullsLast(java.util.Comparator.reverseOrder())))
                    .limit(max).toList();
            List<SignIn> found = index.find(query, max);
            assertEquals(expected.stream().map(SignIn::createdDateTime).toList(),
                    found.stream().map(SignIn::createdDateTime).toList(), query.toString());
            assertEquals(new java.util.HashSet<>(expected), new java.util.HashSet<>(found), query.toString());
        }
    }
}
