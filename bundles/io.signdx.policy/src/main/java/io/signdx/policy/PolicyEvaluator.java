package io.signdx.policy;

import io.signdx.api.model.SignIn;
import io.signdx.api.tenant.TenantContext;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Evaluates every enabled and report-only Conditional Access policy of a tenant against a sign-in.
 * Disabled policies are listed as not applying. Thread-safe; offered as a service.
 */
@ProviderType
public interface PolicyEvaluator {

    /**
     * Evaluates a real or hypothetical sign-in. Facts left {@code null} are unknown: a condition that
     * needs them gets {@link Verdict#NOT_ENOUGH_INFORMATION}, never a guess. Group and role membership
     * not given in the facts is taken from the tenant's user, when the snapshot has the user.
     */
    Evaluation evaluate(SignInFacts facts, TenantContext tenant);

    /**
     * Evaluates a recorded sign-in, and compares the result with the policy results the record carries
     * ({@link Evaluation#disagreements()}).
     */
    default Evaluation evaluate(SignIn signIn, TenantContext tenant) {
        return evaluate(SignInFacts.of(signIn), tenant);
    }
}
