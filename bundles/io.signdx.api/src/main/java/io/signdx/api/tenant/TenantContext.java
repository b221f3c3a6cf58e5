package io.signdx.api.tenant;

import java.util.Collection;
import java.util.List;
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

    /** The Conditional Access policies in the order the snapshot listed them; empty when absent. @since 1.1 */
    default List<ConditionalAccessPolicy> policies() {
        return List.of();
    }

    /** The named locations; empty when absent. @since 1.1 */
    default List<NamedLocation> namedLocations() {
        return List.of();
    }

    /** A named location by id; empty when unknown. @since 1.1 */
    default Optional<NamedLocation> namedLocation(String id) {
        return id == null ? Optional.empty()
                : namedLocations().stream().filter(l -> id.equalsIgnoreCase(l.id())).findFirst();
    }

    /** The directory users; empty when absent. @since 1.1 */
    default Collection<DirectoryUser> users() {
        return List.of();
    }

    /** A group by id (for its name); empty when unknown. @since 1.1 */
    default Optional<DirectoryObject> group(String id) {
        return Optional.empty();
    }

    /** A service principal by app id or object id; empty when unknown. @since 1.1 */
    default Optional<ServicePrincipal> servicePrincipal(String appIdOrId) {
        return Optional.empty();
    }

    /** The service principals; empty when absent. @since 1.1 */
    default Collection<ServicePrincipal> servicePrincipals() {
        return List.of();
    }

    /**
     * What the snapshot said about itself while it was read: placeholders instead of ids, parts that
     * are missing, entries that were skipped. Empty for a complete, clean snapshot. @since 1.1
     */
    default List<String> warnings() {
        return List.of();
    }

    /** True when nothing is known about the tenant. */
    default boolean isEmpty() {
        return parts().isEmpty();
    }

    /** A context that knows nothing, for sign-ins diagnosed without a snapshot. */
    static TenantContext empty() {
        return EmptyTenantContext.INSTANCE;
    }
}
