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
    private static final Comparator<SignIn> BY_TIME = (a, b) -> {
        Instant x = a.createdDateTime();
        Instant y = b.createdDateTime();
        return x == y ? 0 : x == null ? -1 : y == null ? 1 : x.compareTo(y);
    };

    private final List<SignIn> all;
    /** By object id exactly, as SignInQuery.matches compares it. */
    private final Map<String, List<SignIn>> byUserId;
    /** By UPN and display name in lower case (matches compares them ignoring case). */
    private final Map<String, List<SignIn>> byUserName;
    private final Map<String, List<SignIn>> byIp;
    // built on first use: many runs never ask by these keys, and building them costs per sign-in
    private final Lazy<Map<String, List<SignIn>>> byCorrelation = new Lazy<>(() -> index(SignIn::correlationId));
    private final Lazy<Map<String, List<SignIn>>> byRequest = new Lazy<>(() -> index(SignIn::id));
    private final Lazy<Map<String, List<SignIn>>> byApp = new Lazy<>(() -> index(SignIn::appId,
            SignIn::appDisplayName));
    private final Lazy<Map<Integer, List<SignIn>>> byCode = new Lazy<>(this::codeIndex);
    /** Sign-ins with any of several codes, in time order: detectors ask the same sets again and again. */
    private final Map<Set<Integer>, List<SignIn>> byCodes = new ConcurrentHashMap<>();
    // A key's failed sign-ins split by error code: "this app's 50011 failures in the last day" must not
    // walk the app's thousands of successes to find them (most of a bulk run's look-ups were such walks).
    private final Lazy<Map<String, Map<Integer, List<SignIn>>>> byUserCode = new Lazy<>(this::userCodes);
    private final Lazy<Map<String, Map<Integer, List<SignIn>>>> byIpCode = new Lazy<>(this::ipCodes);
    private final Lazy<Map<String, Map<Integer, List<SignIn>>>> byAppCode = new Lazy<>(this::appCodes);

    BatchIndex(List<SignIn> signIns) {
        List<SignIn> sorted = new ArrayList<>(signIns);
        // exports list the newest first: turned round, the list is nearly in order and sorts in one pass
        if (sorted.size() > 1 && BY_TIME.compare(sorted.get(0), sorted.get(sorted.size() - 1)) > 0) {
            java.util.Collections.reverse(sorted);
        }
        sorted.sort(BY_TIME);
        this.all = sorted;
        // the indexes almost every run asks, built side by side; a query's user may be an
        // object id, a UPN or a display name (SignInQuery.matches)
        CompletableFuture<Map<String, List<SignIn>>> names = CompletableFuture.supplyAsync(
                () -> index(SignIn::userPrincipalName, SignIn::userDisplayName));
        this.byIp = index(SignIn::ipAddress);
        this.byUserId = exactIndex(SignIn::userId);
        this.byUserName = names.join();
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

    private Map<String, List<SignIn>> exactIndex(Function<SignIn, String> key) {
        Map<String, List<SignIn>> map = new HashMap<>();
        for (SignIn s : all) {
            String k = key.apply(s);
            if (k != null && !k.isEmpty()) {
                map.computeIfAbsent(k, x -> new ArrayList<>()).add(s);
            }
        }
        return map;
    }

    /**
     * The sign-ins of a user criterion, in time order: those whose object id is the value, and those whose UPN
     * or display name is, ignoring case. Rarely both (a value that is one user's id and another's name).
     */
    private List<SignIn> userList(String user) {
        List<SignIn> ids = byUserId.getOrDefault(user, List.of());
        List<SignIn> names = get(byUserName, user);
        if (ids.isEmpty() || names.isEmpty()) {
            return names.isEmpty() ? ids : ids.isEmpty() ? names : null;
        }
        java.util.LinkedHashSet<SignIn> both = new java.util.LinkedHashSet<>(ids);
        both.addAll(names);
        List<SignIn> merged = new ArrayList<>(both);
        merged.sort(BY_TIME);
        return merged;
    }

    private Map<Integer, List<SignIn>> codeIndex() {
        Map<Integer, List<SignIn>> map = new HashMap<>();
        for (SignIn s : all) {
            map.computeIfAbsent(s.errorCode(), c -> new ArrayList<>()).add(s);
        }
        return map;
    }

    private Map<String, Map<Integer, List<SignIn>>> userCodes() {
        return failuresByCode(SignIn::userId, SignIn::userPrincipalName, SignIn::userDisplayName);
    }

    private Map<String, Map<Integer, List<SignIn>>> ipCodes() {
        return failuresByCode(SignIn::ipAddress);
    }

    private Map<String, Map<Integer, List<SignIn>>> appCodes() {
        return failuresByCode(SignIn::appId, SignIn::appDisplayName);
    }

    /**
     * The failed sign-ins by key, then by error code, each list in time order. Successes are left out: they
     * are most of a batch and a query for code 0 takes the general path.
     */
    @SafeVarargs
    private Map<String, Map<Integer, List<SignIn>>> failuresByCode(Function<SignIn, String>... keys) {
        Map<String, Map<Integer, List<SignIn>>> map = new HashMap<>();
        for (SignIn s : all) {
            int code = s.errorCode();
            if (code == 0) {
                continue;
            }
            for (Function<SignIn, String> key : keys) {
                String k = key.apply(s);
                if (k != null && !k.isEmpty()) {
                    put(map.computeIfAbsent(fold(k), x -> new HashMap<>(4)), code, s);
                }
            }
        }
        return map;
    }

    private static void put(Map<Integer, List<SignIn>> map, int code, SignIn s) {
        List<SignIn> list = map.computeIfAbsent(code, c -> new ArrayList<>(4));
        if (list.isEmpty() || list.get(list.size() - 1) != s) {
            list.add(s);
        }
    }

    private static void put(Map<String, List<SignIn>> map, String key, SignIn s) {
        if (key != null && !key.isEmpty()) {
            List<SignIn> list = map.computeIfAbsent(fold(key), k -> new ArrayList<>());
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
        List<SignIn> exact = exactly(q);
        if (exact != null) {
            // every sign-in of the list matches: the window's newest, without looking at one of them; with
            // any bound, sign-ins without a time (first in the list) do not match
            int from = q.from() != null ? firstAtOrAfter(exact, q.from())
                    : q.to() != null ? firstAtOrAfter(exact, Instant.MIN) : 0;
            int to = q.to() == null ? exact.size() : firstAtOrAfter(exact, q.to());
            List<SignIn> out = new ArrayList<>(Math.min(max, Math.max(0, to - from)));
            for (int i = to - 1; i >= from && out.size() < max; i--) {
                out.add(exact.get(i));
            }
            return out;
        }
        List<List<SignIn>> parts = byKeyAndCode(q);
        if (parts != null) {
            return newestOf(parts, q, max);
        }
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

    /**
     * For the commonest query, one user or one IP address in a time window and nothing else, the list that
     * holds exactly the matches (apart from the window); null for any other query. Exact, because the list's
     * key compares as SignInQuery.matches does: the object id as it is; UPN, display name and address
     * ignoring case ({@link #fold}); a criterion outside ASCII takes the general path, which checks each
     * candidate.
     */
    private List<SignIn> exactly(SignInQuery q) {
        if (q.app() != null || q.correlationId() != null || q.requestId() != null || q.flaggedOnly()
                || q.status() != SignInQuery.StatusFilter.ANY || !q.errorCodes().isEmpty()
                || (q.user() == null) == (q.ipAddress() == null)) {
            return null;
        }
        String key = q.user() != null ? q.user() : q.ipAddress();
        if (key.isEmpty() || !ascii(key)) {
            return null;
        }
        if (q.ipAddress() != null) {
            return get(byIp, key);
        }
        List<SignIn> ids = byUserId.getOrDefault(key, List.of());
        List<SignIn> names = get(byUserName, key);
        return names.isEmpty() ? ids : ids.isEmpty() ? names : null;
    }

    private static boolean ascii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /**
     * For a query with error codes and a user, IP address or app (and no request or correlation id, which
     * are more selective still): the key's sign-ins with each code, one time-ordered list per code; null
     * for any other query.
     */
    private List<List<SignIn>> byKeyAndCode(SignInQuery q) {
        if (q.errorCodes().isEmpty() || q.errorCodes().contains(0) || keyed(q.requestId())
                || keyed(q.correlationId())) {
            return null;
        }
        // of the keys the query has, the one with the fewest failures with these codes
        List<List<SignIn>> best = null;
        if (keyed(q.user())) {
            best = fewer(best, parts(byUserCode.get(), q.user(), q.errorCodes()));
        }
        if (keyed(q.ipAddress())) {
            best = fewer(best, parts(byIpCode.get(), q.ipAddress(), q.errorCodes()));
        }
        if (keyed(q.app())) {
            best = fewer(best, parts(byAppCode.get(), q.app(), q.errorCodes()));
        }
        return best;
    }

    private static List<List<SignIn>> parts(Map<String, Map<Integer, List<SignIn>>> index, String key,
            Set<Integer> codes) {
        Map<Integer, List<SignIn>> byCode = index.getOrDefault(fold(key), Map.of());
        List<List<SignIn>> parts = new ArrayList<>(codes.size());
        for (Integer code : codes) {
            List<SignIn> part = byCode.get(code);
            if (part != null) {
                parts.add(part);
            }
        }
        return parts;
    }

    private static List<List<SignIn>> fewer(List<List<SignIn>> a, List<List<SignIn>> b) {
        return a == null || size(b) < size(a) ? b : a;
    }

    private static int size(List<List<SignIn>> parts) {
        int n = 0;
        for (List<SignIn> p : parts) {
            n += p.size();
        }
        return n;
    }

    /** The newest {@code max} matches of several time-ordered lists, newest first: a merge from their ends. */
    private static List<SignIn> newestOf(List<List<SignIn>> parts, SignInQuery q, int max) {
        int n = parts.size();
        int[] from = new int[n];
        int[] next = new int[n];
        for (int i = 0; i < n; i++) {
            List<SignIn> part = parts.get(i);
            from[i] = q.from() == null ? 0 : firstAtOrAfter(part, q.from());
            next[i] = (q.to() == null ? part.size() : firstAtOrAfter(part, q.to())) - 1;
        }
        List<SignIn> out = new ArrayList<>(Math.min(max, 64));
        while (out.size() < max) {
            int newest = -1;
            Instant at = null;
            for (int i = 0; i < n; i++) {
                if (next[i] >= from[i]) {
                    Instant t = parts.get(i).get(next[i]).createdDateTime();
                    // sign-ins without a time sort first in every list: they are reached last
                    if (newest < 0 || t != null && (at == null || t.isAfter(at))) {
                        newest = i;
                        at = t;
                    }
                }
            }
            if (newest < 0) {
                break;
            }
            SignIn s = parts.get(newest).get(next[newest]--);
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
            best = shorter(best, userList(q.user()));
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
        return map.getOrDefault(fold(key), List.of());
    }

    /**
     * The key under which text is indexed: two texts get the same key exactly when String.equalsIgnoreCase
     * (what SignInQuery.matches uses) says they are equal. Lower case alone is not that: equalsIgnoreCase
     * also equates the dotless i with i, or the long s with s, through their upper case.
     */
    static String fold(String text) {
        int n = text.length();
        int i = 0;
        while (i < n && text.charAt(i) < 0x80) {
            i++;
        }
        if (i == n) {
            return text.toLowerCase(Locale.ROOT);
        }
        char[] c = text.toCharArray();
        for (int j = 0; j < n; j++) {
            c[j] = Character.toLowerCase(Character.toUpperCase(c[j]));
        }
        return new String(c);
    }
}
