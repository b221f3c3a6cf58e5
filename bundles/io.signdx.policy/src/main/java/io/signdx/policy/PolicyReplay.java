package io.signdx.policy;

import io.signdx.api.model.SignIn;
import io.signdx.api.tenant.TenantContext;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The impact of a policy change before it is enabled: past sign-ins replayed against a changed policy
 * set, and which of them would get a different outcome.
 */
@ProviderType
public interface PolicyReplay {

    /**
     * Replays sign-ins.
     *
     * @param before the policy set the sign-ins met; {@code null} to take each sign-in's outcome as
     *        its record carries it ({@code appliedConditionalAccessPolicies}, status)
     * @param after the changed policy set, with the directory to evaluate it
     * @param signIns the past sign-ins
     * @param examplesPerChange how many example sign-ins to keep per kind of change
     */
    ReplayReport replay(TenantContext before, TenantContext after, Iterable<SignIn> signIns, int examplesPerChange);
}
