package io.signdx.engine.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

import io.signdx.api.model.SignIn;
import io.signdx.api.source.SignInQuery;

/**
 * The sign-ins of one bulk run, indexed by the keys detectors look up related sign-ins by (user,
 * IP address, correlation id, request id) and kept in time order, so that "same user in the last
 * hour" costs a binary search plus the sign-ins inside the window, not a scan of the user's history
 * or of the whole batch. Bursts (a spray of thousands of attempts from one address) are where a scan
 * per sign-in would turn a bulk run quadratic.
 */
final class BatchIndex {
    static final BatchIndex EMPTY = new BatchIndex(List.of());

    /** Oldest first; sign-ins without a time first of all (they never match a window). */
    private static final Comparator<SignIn> BY_TIME = Comparator.comparing(SignIn::createdDateTime,
            Comparator.nullsFirst(Comparator.naturalOrder()));

    private final List<SignIn> all;
    private final Map<String, List<SignIn>> byUser;
    private final Map<String, List<SignIn>> byIp;
    // built on first use: many runs never ask by these keys, and building them costs per sign-in
    private final Lazy<Map<String, List<SignIn>>> byCorrelation = new Lazy<>(() -> index(SignIn::correlationId));
    private final Lazy<Map<String, List<SignIn>>> byRequest = new Lazy<>(() -> index(SignIn::id));
    private final Lazy<Map<String, List<SignIn>>> byApp = new Lazy<>(() -> index(SignIn::appId,
            SignIn::appDisplayName));
    private final Lazy<Map<Integer, List<SignIn>>> byCode = new Lazy<>(this::codeIndex);
    /** Sign-ins with any of several codes, in time order: detectors ask the same sets again and again. */
    private final Map<Set<Integer>, List<SignIn>> byCodes = new ConcurrentHashMap<>();

    BatchIndex(List<SignIn> signIns) {
        List<SignIn> sorted = new ArrayList<>(signIns);
        sorted.sort(BY_TIME);
        this.all = sorted;
        // the two indexes almost every run asks, built side by side; a query's user may be an
        // object id, a UPN or a display name (SignInQuery.matches)
        CompletableFuture<Map<String, List<SignIn>>> users = CompletableFuture.supplyAsync(
                () -> index(SignIn::userId, SignIn::userPrincipalName, SignIn::userDisplayName));
        this.byIp = index(SignIn::ipAddress);
        this.byUser = users.join();
    }

    /** A value computed on first use, once, by whichever worker asks first. */
    private static final class Lazy<T> {
        private final Supplier<T> compute;
        private volatile T value;

        Lazy(Supplier<T> compute) {
            this.compute = compute;
        }

        T get() {
            T v = value;
            if (v == null) {
                synchronized (this) {
                    if (value == null) {
                        value = compute.get();
                    }
                    v = value;
                }
            }
            return v;
        }
    }

    /** The sign-ins by one or more keys (e.g. app id and app name), each list in time order. */
    @SafeVarargs
    private Map<String, List<SignIn>> index(Function<SignIn, String>... keys) {
        Map<String, List<SignIn>> map = new HashMap<>();
        for (SignIn s : all) {
            for (Function<SignIn, String> key : keys) {
                put(map, key.apply(s), s);
            }
        }
        return map;
    }

    private Map<Integer, List<SignIn>> codeIndex() {
        Map<Integer, List<SignIn>> map = new HashMap<>();
        for (SignIn s : all) {
            map.computeIfAbsent(s.errorCode(), c -> new ArrayList<>()).add(s);
        }
        return map;
    }

    private static void put(Map<String, List<SignIn>> map, String key, SignIn s) {
        if (key != null && !key.isEmpty()) {
            List<SignIn> list = map.computeIfAbsent(key.toLowerCase(Locale.ROOT), k -> new ArrayList<>());
            // id, UPN and name may all point here: keep one entry per sign-in
            if (list.isEmpty() || list.get(list.size() - 1) != s) {
                list.add(s);
            }
        }
    }

    /**
     * The newest {@code max} sign-ins of the batch that match the query (its paging aside), newest
     * first.
     */
    List<SignIn> find(SignInQuery q, int max) {
        List<SignIn> candidates = candidates(q);
        int from = q.from() == null ? 0 : firstAtOrAfter(candidates, q.from());
        int to = q.to() == null ? candidates.size() : firstAtOrAfter(candidates, q.to());
        List<SignIn> out = new ArrayList<>(Math.min(max, Math.max(0, to - from)));
        for (int i = to - 1; i >= from && out.size() < max; i--) {
            SignIn s = candidates.get(i);
            if (q.matches(s)) {
                out.add(s);
            }
        }
        return out;
    }

    /** The shortest time-ordered list that holds every match: the most selective key the query has. */
    private List<SignIn> candidates(SignInQuery q) {
        // an empty key matches sign-ins without that value (SignInQuery.matches), which no index holds
        if (keyed(q.requestId())) {
            return get(byRequest.get(), q.requestId());
        }
        if (keyed(q.correlationId())) {
            return get(byCorrelation.get(), q.correlationId());
        }
        List<SignIn> best = all;
        if (keyed(q.user())) {
            best = shorter(best, get(byUser, q.user()));
        }
        if (keyed(q.ipAddress())) {
            best = shorter(best, get(byIp, q.ipAddress()));
        }
        if (keyed(q.app())) {
            best = shorter(best, get(byApp.get(), q.app()));
        }
        if (!q.errorCodes().isEmpty()) {
            // kept for the sets detectors use; a run that asks for ever new sets stops filling the cache
            List<SignIn> withCodes = byCodes.size() < 256 ? byCodes.computeIfAbsent(q.errorCodes(), this::withAnyOf)
                    : byCodes.getOrDefault(q.errorCodes(), withAnyOf(q.errorCodes()));
            best = shorter(best, withCodes);
        }
        return best;
    }

    private List<SignIn> withAnyOf(Set<Integer> codes) {
        Map<Integer, List<SignIn>> index = byCode.get();
        if (codes.size() == 1) {
            return index.getOrDefault(codes.iterator().next(), List.of());
        }
        List<SignIn> merged = new ArrayList<>();
        for (int code : codes) {
            merged.addAll(index.getOrDefault(code, List.of()));
        }
        merged.sort(BY_TIME);
        return merged;
    }

    private static boolean keyed(String key) {
        return key != null && !key.isEmpty();
    }

    private static List<SignIn> shorter(List<SignIn> a, List<SignIn> b) {
        return b.size() < a.size() ? b : a;
    }

    /** Index of the first sign-in at or after {@code t} in a time-ordered list (size when none). */
    private static int firstAtOrAfter(List<SignIn> sorted, Instant t) {
        int lo = 0;
        int hi = sorted.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            Instant at = sorted.get(mid).createdDateTime();
            if (at == null || at.isBefore(t)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static List<SignIn> get(Map<String, List<SignIn>> map, String key) {
        return map.getOrDefault(key.toLowerCase(Locale.ROOT), List.of());
    }
}
