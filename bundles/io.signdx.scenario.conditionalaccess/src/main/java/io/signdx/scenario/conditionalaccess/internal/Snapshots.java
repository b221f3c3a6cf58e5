package io.signdx.scenario.conditionalaccess.internal;

import java.util.concurrent.atomic.AtomicReference;

import io.signdx.api.model.SignIn;
import io.signdx.api.tenant.TenantContext;
import io.signdx.api.tenant.TenantPart;

import org.osgi.service.component.ComponentServiceObjects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A detector's view of the optional CA evaluator: which one is bound (if any), and the evaluation of a
 * sign-in against the tenant snapshot, or why there is none. Thread-safe: the binding is swapped
 * atomically while detections run.
 */
final class Snapshots {
    private static final Logger LOG = LoggerFactory.getLogger(Snapshots.class);

    static final String NO_SNAPSHOT = "the tenant's Conditional Access policies (a tenant snapshot): with them each "
            + "condition shows what the policy configures and why the sign-in matched it, e.g. the group through "
            + "which the user is included";
    static final String EMPTY_SNAPSHOT = "Conditional Access policies in the tenant snapshot: it holds none, although "
            + "Conditional Access acted on this sign-in, so it cannot be the policy set the sign-in met";
    static final String NO_EVALUATOR = "the Conditional Access evaluator (bundle io.signdx.policy is not running): "
            + "the tables come from the sign-in record alone, without the reason each condition matched";

    /** The binding: the service objects it came from (to recognise its unbind) and the adapted evaluator. */
    private record Binding(Object source, CaEvaluator evaluator) {
    }

    private final AtomicReference<Binding> binding = new AtomicReference<>();

    /** No evaluator until one is bound. */
    Snapshots() {
    }

    /** A fixed evaluator, for tests. */
    Snapshots(CaEvaluator evaluator) {
        if (evaluator != null) {
            binding.set(new Binding(evaluator, evaluator));
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

    /** True when an evaluator is bound. */
    boolean available() {
        return binding.get() != null;
    }

    /**
     * The evaluation of the sign-in, or why there is none.
     *
     * @param tenant the detection context's tenant, possibly {@code null}
     */
    Lookup lookup(SignIn signIn, TenantContext tenant) {
        if (tenant == null || tenant.policies().isEmpty()) {
            boolean emptySnapshot = tenant != null && tenant.parts().contains(TenantPart.CONDITIONAL_ACCESS_POLICIES);
            return new Lookup(null, emptySnapshot ? EMPTY_SNAPSHOT : NO_SNAPSHOT, false);
        }
        Binding b = binding.get();
        if (b == null) {
            return new Lookup(null, NO_EVALUATOR, true);
        }
        try {
            SnapshotView view = b.evaluator().evaluate(signIn, tenant);
            return view == null ? new Lookup(null, "the Conditional Access evaluation (the evaluator gave no answer)", true)
                    : new Lookup(view, null, true);
        } catch (RuntimeException | LinkageError e) {
            // the evaluator is a separate bundle: its failure must not take the record-based finding with it
            LOG.debug("Conditional Access evaluation of {} failed", signIn.id(), e);
            return new Lookup(null, "the Conditional Access evaluation, which failed: " + Text.quote(e.toString()), true);
        }
    }

    /**
     * The outcome of {@link #lookup}.
     *
     * @param view the evaluation, or null
     * @param missing what was missing when there is no view, else null
     * @param snapshot true when the tenant has Conditional Access policies
     */
    record Lookup(SnapshotView view, String missing, boolean snapshot) {
    }
}
