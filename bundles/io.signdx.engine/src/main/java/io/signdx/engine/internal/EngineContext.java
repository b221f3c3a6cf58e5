package io.signdx.engine.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.signdx.api.detector.DetectionContext;
import io.signdx.api.model.SignIn;
import io.signdx.api.source.SignInQuery;
import io.signdx.api.source.SignInSource;
import io.signdx.api.tenant.TenantContext;

/**
 * The {@link DetectionContext} of one sign-in: the tenant, the batch it is diagnosed with and the
 * registered sources. A source that fails is left out and noted on the diagnosis.
 */
final class EngineContext implements DetectionContext {
    private static final Comparator<SignIn> NEWEST_FIRST = Comparator.comparing(SignIn::createdDateTime,
            Comparator.nullsLast(Comparator.<Instant>reverseOrder()));

    private final TenantContext tenant;
    private final BatchIndex batch;
    private final List<SignInSource> sources;
    private final List<String> notes;
    private final boolean detailed;

    EngineContext(TenantContext tenant, BatchIndex batch, List<SignInSource> sources, List<String> notes,
            boolean detailed) {
        this.detailed = detailed;
        this.tenant = tenant;
        this.batch = batch;
        this.sources = sources;
        this.notes = notes;
    }

    @Override
    public boolean detailed() {
        return detailed;
    }

    @Override
    public TenantContext tenant() {
        return tenant;
    }

    @Override
    public List<SignIn> related(SignInQuery query) {
        Map<String, SignIn> byId = new LinkedHashMap<>();
        int wanted = (int) Math.min((long) query.offset() + query.limit(), Integer.MAX_VALUE);
        List<SignIn> fromBatch = batch.find(query, wanted);
        if (sources.isEmpty()) {
            // the batch alone answers newest first already: no merging, no sorting
            int from = Math.min(query.offset(), fromBatch.size());
            return from == 0 ? Collections.unmodifiableList(fromBatch)
                    : Collections.unmodifiableList(fromBatch.subList(from, fromBatch.size()));
        }
        for (SignIn s : fromBatch) {
            byId.putIfAbsent(key(s), s);
        }
        for (SignInSource source : sources) {
            try {
                for (SignIn s : source.query(query.withPage(0, wanted)).items()) {
                    byId.putIfAbsent(key(s), s);
                }
            } catch (RuntimeException e) {
                notes.add("a sign-in source could not be queried for related sign-ins: " + e.getMessage());
            }
        }
        List<SignIn> all = new ArrayList<>(byId.values());
        all.sort(NEWEST_FIRST);
        int from = Math.min(query.offset(), all.size());
        return List.copyOf(all.subList(from, (int) Math.min(all.size(), (long) from + query.limit())));
    }

    private static String key(SignIn s) {
        return s.id() != null ? s.id() : System.identityHashCode(s) + "";
    }
}
