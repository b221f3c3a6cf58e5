package io.signdx.api.tenant;

import java.util.Optional;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What is known about the tenant. Any part may be absent: {@link #parts()} says which are present,
 * and a detector that needs a missing part must say so in its finding's completeness rather than guess.
 *
 * <p>Implemented by the platform (tenant snapshot loaders); detectors only read it. New parts arrive
 * as new methods in minor versions of this package.
 */
@ProviderType
public interface TenantContext {

    /** The parts this context holds. */
    Set<TenantPart> parts();

    /** Looks a user up by object id or UPN (case-insensitive); empty when unknown or users are absent. */
    Optional<DirectoryUser> user(String idOrUserPrincipalName);

    /** Whether security defaults are on; empty when the snapshot does not say. */
    Optional<Boolean> securityDefaultsEnabled();

    /** The legacy per-user MFA state of a user (disabled, enabled, enforced); empty when unknown. */
    Optional<String> perUserMfaState(String userId);

    /** True when nothing is known about the tenant. */
    default boolean isEmpty() {
        return parts().isEmpty();
    }

    /** A context that knows nothing, for sign-ins diagnosed without a snapshot. */
    static TenantContext empty() {
        return EmptyTenantContext.INSTANCE;
    }
}
