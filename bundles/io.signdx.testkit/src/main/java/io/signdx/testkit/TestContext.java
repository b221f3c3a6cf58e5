package io.signdx.testkit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import io.signdx.api.detector.DetectionContext;
import io.signdx.api.model.SignIn;
import io.signdx.api.source.SignInQuery;
import io.signdx.api.tenant.TenantContext;

/**
 * A {@link DetectionContext} for tests: a tenant and a fixed set of sign-ins that
 * {@link #related(SignInQuery)} answers from, with the same meaning (filters, newest first, paging)
 * as the engine gives it.
 */
public final class TestContext implements DetectionContext {
    private static final Comparator<SignIn> OLDEST_FIRST = Comparator.comparing(SignIn::createdDateTime,
            Comparator.nullsFirst(Comparator.<Instant>naturalOrder()));

    private final TenantContext tenant;
    private final List<SignIn> signIns;
    /** Every query asked, in order: tests check that a detector's look-ups stay bounded. */
    private final List<SignInQuery> asked = java.util.Collections.synchronizedList(new ArrayList<>());


    private final boolean detailed;

    private TestContext(TenantContext tenant, List<SignIn> signIns) {
        this(tenant, signIns, true);
    }

    private TestContext(TenantContext tenant, List<SignIn> signIns, boolean detailed) {
        this.tenant = Objects.requireNonNull(tenant, "tenant");
        this.signIns = List.copyOf(signIns);
        this.detailed = detailed;
    }

    /**
     * This context asking without detail ({@link DetectionContext#detailed()} false), as a count by scenario
     * does.
     *
     * @since 1.2
     */
    public TestContext brief() {
        return new TestContext(tenant, signIns, false);
    }

    @Override
    public boolean detailed() {
        return detailed;
    }

    /** A context with an empty tenant and no other sign-ins. */
    public static TestContext empty() {
        return new TestContext(TenantContext.empty(), List.of());
    }

    /** A context with an empty tenant whose related sign-ins come from {@code signIns}. */
    public static TestContext of(Collection<SignIn> signIns) {
        return new TestContext(TenantContext.empty(), new ArrayList<>(signIns));
    }

    /** This context with another tenant. */
    public TestContext withTenant(TenantContext value) {
        return new TestContext(value, signIns, detailed);
    }

    /** This context with more sign-ins to relate to. */
    public TestContext with(Collection<SignIn> more) {
        List<SignIn> all = new ArrayList<>(signIns);
        all.addAll(more);
        return new TestContext(tenant, all, detailed);
    }

    @Override
    public TenantContext tenant() {
        return tenant;
    }

    /** The queries {@link #related} was asked so far, in order. */
    public List<SignInQuery> asked() {
        synchronized (asked) {
            return List.copyOf(asked);
        }
    }

    @Override
    public List<SignIn> related(SignInQuery query) {
        asked.add(query);
        List<SignIn> hits = new ArrayList<>();
        for (SignIn s : signIns) {
            if (query.matches(s)) {
                hits.add(s);
            }
        }
        // as the engine answers: newest first, the later of two sign-ins with the same time first
        hits.sort(OLDEST_FIRST);
        java.util.Collections.reverse(hits);
        int from = Math.min(query.offset(), hits.size());
        return List.copyOf(hits.subList(from, (int) Math.min(hits.size(), (long) from + query.limit())));
    }
}
