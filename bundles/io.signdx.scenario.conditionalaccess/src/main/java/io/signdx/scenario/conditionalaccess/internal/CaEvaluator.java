package io.signdx.scenario.conditionalaccess.internal;

import io.signdx.api.model.SignIn;
import io.signdx.api.tenant.TenantContext;

/**
 * The Conditional Access evaluation of one sign-in against a tenant snapshot, in this bundle's own
 * terms. The detectors see only this interface, so that none of their always-loaded classes needs the
 * optional {@code io.signdx.policy} package: {@link PolicyBridge} adapts the evaluator service to it.
 */
interface CaEvaluator {

    /**
     * Evaluates the sign-in.
     *
     * @throws RuntimeException when the evaluator fails; callers report it as missing information
     */
    SnapshotView evaluate(SignIn signIn, TenantContext tenant);
}
