package io.signdx.engine.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.signdx.api.model.SignIn;
import io.signdx.api.source.SignInQuery;

/**
 * The sign-ins of one bulk run, indexed by the keys detectors look up related sign-ins by (user,
 * IP address, correlation id, request id), so that "same user in the last hour" costs the size of
 * that user's sign-ins, not of the whole batch.
 */
final class BatchIndex {
    static final BatchIndex EMPTY = new BatchIndex(List.of());

    private final List<SignIn> all;
    private final Map<String, List<SignIn>> byUser = new HashMap<>();
    private final Map<String, List<SignIn>> byIp = new HashMap<>();
    private final Map<String, List<SignIn>> byCorrelation = new HashMap<>();
    private final Map<String, List<SignIn>> byRequest = new HashMap<>();

    BatchIndex(List<SignIn> signIns) {
        this.all = signIns;
        for (SignIn s : signIns) {
            put(byUser, s.userId(), s);
            put(byUser, s.userPrincipalName(), s);
            put(byIp, s.ipAddress(), s);
            put(byCorrelation, s.correlationId(), s);
            put(byRequest, s.id(), s);
        }
    }

    private static void put(Map<String, List<SignIn>> map, String key, SignIn s) {
        if (key != null && !key.isEmpty()) {
            List<SignIn> list = map.computeIfAbsent(key.toLowerCase(Locale.ROOT), k -> new ArrayList<>());
            // userId and UPN may both point here: keep one entry per sign-in
            if (list.isEmpty() || list.get(list.size() - 1) != s) {
                list.add(s);
            }
        }
    }

    /** Every sign-in of the batch that matches the query (paging aside). */
    List<SignIn> find(SignInQuery q) {
        List<SignIn> candidates = q.requestId() != null ? get(byRequest, q.requestId())
                : q.correlationId() != null ? get(byCorrelation, q.correlationId())
                : q.user() != null && byUser.containsKey(q.user().toLowerCase(Locale.ROOT)) ? get(byUser, q.user())
                : q.ipAddress() != null ? get(byIp, q.ipAddress())
                : all;
        List<SignIn> out = new ArrayList<>();
        for (SignIn s : candidates) {
            if (q.matches(s)) {
                out.add(s);
            }
        }
        return out;
    }

    private static List<SignIn> get(Map<String, List<SignIn>> map, String key) {
        return map.getOrDefault(key.toLowerCase(Locale.ROOT), List.of());
    }
}
