package io.signdx.engine.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
    private final Map<String, List<SignIn>> byUser = new HashMap<>();
    private final Map<String, List<SignIn>> byIp = new HashMap<>();
    private final Map<String, List<SignIn>> byCorrelation = new HashMap<>();
    private final Map<String, List<SignIn>> byRequest = new HashMap<>();

    BatchIndex(List<SignIn> signIns) {
        List<SignIn> sorted = new ArrayList<>(signIns);
        sorted.sort(BY_TIME);
        this.all = sorted;
        for (SignIn s : sorted) {
            // a query's user may be an object id, a UPN or a display name (SignInQuery.matches)
            put(byUser, s.userId(), s);
            put(byUser, s.userPrincipalName(), s);
            put(byUser, s.userDisplayName(), s);
            put(byIp, s.ipAddress(), s);
            put(byCorrelation, s.correlationId(), s);
            put(byRequest, s.id(), s);
        }
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
        List<SignIn> candidates = q.requestId() != null ? get(byRequest, q.requestId())
                : q.correlationId() != null ? get(byCorrelation, q.correlationId())
                : q.user() != null ? get(byUser, q.user())
                : q.ipAddress() != null ? get(byIp, q.ipAddress())
                : all;
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
