package io.signdx.console.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.signdx.api.engine.DiagnosisService;
import io.signdx.api.engine.DiagnosisService.Detail;
import io.signdx.api.engine.DiagnosisService.Related;
import io.signdx.api.model.SignIn;
import io.signdx.api.source.Page;
import io.signdx.api.source.SignInQuery;
import io.signdx.api.source.SignInSource;
import io.signdx.api.tenant.TenantContext;
import io.signdx.console.internal.json.SignInJson;

/**
 * The overview's counts over the stored sign-ins of a time range: totals, top scenarios (which needs a
 * diagnosis of each sign-in — the store does not keep scenarios), error codes and apps, and a timeline.
 * The store offers no aggregates beyond a count, so the sign-ins are streamed page by page (never all
 * in memory) and diagnosed in chunks, up to a bound beyond which the answer says it is partial.
 */
final class Overview {
    static final int CHUNK = 5000;

    /** One counted key. */
    record Count(String key, long count) {
    }

    /** One time bucket. */
    record Bucket(String time, long total, long failures, long interrupted) {
    }

    /** The answer. */
    record Result(long total, long failures, long interrupted, long counted, boolean partial, List<Count> byScenario,
            List<Count> byErrorCode, List<Count> byApp, String bucket, List<Bucket> timeline) {
    }

    private final SignInSource source;
    private final DiagnosisService engine;
    private final int max;

    Overview(SignInSource source, DiagnosisService engine, int max) {
        this.source = source;
        this.engine = engine;
        this.max = max;
    }

    Result compute(Instant from, Instant to, TenantContext tenant, int top) {
        SignInQuery q = SignInQuery.all().withWindow(from, to);
        long total = source.count(q);
        Map<String, Long> scenarios = new HashMap<>();
        Map<String, Long> codes = new HashMap<>();
        Map<String, Long> apps = new HashMap<>();
        TreeMap<Instant, long[]> hours = new TreeMap<>();
        long[] sums = new long[3]; // counted, failures, interrupted
        for (int offset = 0; offset < max; offset += CHUNK) {
            Page<SignIn> page = source.query(q.withPage(offset, Math.min(CHUNK, max - offset)));
            if (page.items().isEmpty()) {
                break;
            }
            // each chunk is its own batch, as signdx summary does: asking the store for the related
            // sign-ins of every counted one would cost more than the counting; and only the scenarios are
            // counted, so the detectors may skip their text
            engine.diagnoseAll(page.items(), tenant, Related.BATCH, Detail.SCENARIOS, d -> {
                SignIn s = d.signIn();
                String status = SignInJson.status(s);
                sums[0]++;
                scenarios.merge(d.scenario(), 1L, Long::sum);
                if (s.errorCode() != 0) {
                    codes.merge(String.valueOf(s.errorCode()), 1L, Long::sum);
                }
                apps.merge(s.appLabel(), 1L, Long::sum);
                if (s.createdDateTime() != null) {
                    long[] h = hours.computeIfAbsent(s.createdDateTime().truncatedTo(ChronoUnit.HOURS), k -> new long[3]);
                    h[0]++;
                    h[1] += status.equals("failure") ? 1 : 0;
                    h[2] += status.equals("interrupted") ? 1 : 0;
                }
                sums[1] += status.equals("failure") ? 1 : 0;
                sums[2] += status.equals("interrupted") ? 1 : 0;
            });
            if (page.items().size() < CHUNK) {
                break;
            }
        }
        String bucket = hours.isEmpty()
                || Duration.between(hours.firstKey(), hours.lastKey()).toDays() <= 31 ? "hour" : "day";
        return new Result(total, sums[1], sums[2], sums[0], sums[0] < total, top(scenarios, top), top(codes, top),
                top(apps, top), bucket, timeline(hours, bucket));
    }

    /** Buckets from the first to the last sign-in, empty ones included, so a chart can plot them as they are. */
    private static List<Bucket> timeline(TreeMap<Instant, long[]> hours, String bucket) {
        TreeMap<Instant, long[]> buckets = hours;
        ChronoUnit unit = ChronoUnit.HOURS;
        if (bucket.equals("day")) {
            unit = ChronoUnit.DAYS;
            buckets = new TreeMap<>();
            for (Map.Entry<Instant, long[]> e : hours.entrySet()) {
                long[] d = buckets.computeIfAbsent(e.getKey().truncatedTo(ChronoUnit.DAYS), k -> new long[3]);
                for (int i = 0; i < 3; i++) {
                    d[i] += e.getValue()[i];
                }
            }
        }
        List<Bucket> out = new ArrayList<>();
        if (buckets.isEmpty()) {
            return out;
        }
        // bounded: at most ~31 days of hours, or one bucket per day of the range
        for (Instant t = buckets.firstKey(); !t.isAfter(buckets.lastKey()) && out.size() < 20_000; t = t.plus(1, unit)) {
            long[] v = buckets.getOrDefault(t, new long[3]);
            out.add(new Bucket(t.toString(), v[0], v[1], v[2]));
        }
        return out;
    }

    private static List<Count> top(Map<String, Long> counts, int n) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(n).map(e -> new Count(e.getKey(), e.getValue())).toList();
    }
}
