package io.signdx.scenario.credentials.internal;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import io.signdx.api.model.SignIn;
import io.signdx.api.tenant.ConditionalAccessPolicy;
import io.signdx.api.tenant.GrantControls;
import io.signdx.api.tenant.TenantContext;

import org.osgi.service.component.ComponentServiceObjects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code credentials.success}'s view of the optional CA evaluator: which one is bound, whether a tenant
 * has any policy that could have interrupted a sign-in, and the check of one sign-in. Thread-safe.
 */
final class Snapshot {
    private static final Logger LOG = LoggerFactory.getLogger(Snapshot.class);

    /** The binding: the service objects it came from (to recognise its unbind) and the adapted check. */
    private record Binding(Object source, MissedPolicies.Check check) {
    }

    /** The last tenant asked about and whether it has a policy that could interrupt: one tenant at a time. */
    private record Relevance(TenantContext tenant, boolean any) {
    }

    private final AtomicReference<Binding> binding = new AtomicReference<>();
    private final AtomicReference<Relevance> relevance = new AtomicReference<>();

    /** No evaluator until one is bound. */
    Snapshot() {
    }

    /** A fixed check, for tests. */
    Snapshot(MissedPolicies.Check check) {
        if (check != null) {
            binding.set(new Binding(check, check));
        }
    }

    /** Binds an evaluator service; a service this bundle cannot use is logged and ignored. */
    <S> void bind(ComponentServiceObjects<S> objects) {
        S service = objects.getService();
        if (service == null) {
            return;
        }
        try {
            binding.set(new Binding(objects, PolicyBridge.wrap(service)));
        } catch (LinkageError | ClassCastException e) {
            // typically the evaluator bundle arrived after this one was resolved without it: a refresh wires it
            LOG.warn("the Conditional Access evaluator service cannot be used by this bundle (refresh the bundle if "
                    + "io.signdx.policy was installed after it): {}", e.toString());
            objects.ungetService(service);
        }
    }

    /** Unbinds the evaluator of these service objects, if it is the bound one. */
    void unbind(ComponentServiceObjects<?> objects) {
        Binding current = binding.get();
        if (current != null && current.source() == objects) {
            binding.compareAndSet(current, null);
        }
    }

    /** The bound check, or null. */
    MissedPolicies.Check check() {
        Binding b = binding.get();
        return b == null ? null : b.check();
    }

    /**
     * True when the tenant has an enabled or report-only policy that blocks or requires MFA or an
     * authentication strength. Remembered for the last tenant, because bulk runs ask about one tenant for
     * every single-factor success.
     */
    boolean anyInterrupting(TenantContext tenant) {
        Relevance r = relevance.get();
        if (r != null && r.tenant() == tenant) {
            return r.any();
        }
        boolean any = false;
        List<ConditionalAccessPolicy> policies = tenant.policies();
        for (ConditionalAccessPolicy p : policies) {
            if (p != null && (p.enabled() || p.reportOnly()) && interrupts(p)) {
                any = true;
                break;
            }
        }
        relevance.set(new Relevance(tenant, any));
        return any;
    }

    /** True when the policy's grant blocks or asks for MFA or an authentication strength. */
    static boolean interrupts(ConditionalAccessPolicy p) {
        GrantControls g = p.grantControls();
        if (g == null) {
            return false;
        }
        if (g.authenticationStrength() != null) {
            return true;
        }
        for (String c : g.builtInControls()) {
            if ("block".equalsIgnoreCase(c) || "mfa".equalsIgnoreCase(c)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The check of the sign-in.
     *
     * @return the result, or the reason there is none
     */
    static Outcome run(MissedPolicies.Check check, SignIn signIn, TenantContext tenant) {
        try {
            MissedPolicies result = check.check(signIn, tenant);
            return result == null ? new Outcome(null, "the evaluator gave no answer") : new Outcome(result, null);
        } catch (RuntimeException | LinkageError e) {
            // the evaluator is a separate bundle: its failure must not take the record-based finding with it
            LOG.debug("Conditional Access evaluation of {} failed", signIn.id(), e);
            return new Outcome(null, SignInFacts.quote(e.toString()));
        }
    }

    /**
     * The outcome of {@link #run}.
     *
     * @param result the check's result, or null
     * @param failure why there is no result, else null
     */
    record Outcome(MissedPolicies result, String failure) {
    }
}
