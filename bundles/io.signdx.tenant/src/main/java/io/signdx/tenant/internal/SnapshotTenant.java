package io.signdx.tenant.internal;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.signdx.api.tenant.ConditionalAccessPolicy;
import io.signdx.api.tenant.DirectoryObject;
import io.signdx.api.tenant.DirectoryUser;
import io.signdx.api.tenant.NamedLocation;
import io.signdx.api.tenant.ServicePrincipal;
import io.signdx.api.tenant.TenantContext;
import io.signdx.api.tenant.TenantPart;

/**
 * A loaded tenant snapshot: immutable, so any number of threads may read it. Look-ups by id, UPN or app id
 * ignore case, as Entra does. Maps are keyed by the lower-case key.
 */
final class SnapshotTenant implements TenantContext {
    private final Set<TenantPart> parts;
    private final List<ConditionalAccessPolicy> policies;
    private final List<NamedLocation> locations;
    private final Map<String, NamedLocation> locationsById;
    private final List<DirectoryUser> users;
    private final Map<String, DirectoryUser> usersByKey;
    private final Map<String, DirectoryObject> groups;
    private final List<ServicePrincipal> servicePrincipals;
    private final Map<String, ServicePrincipal> servicePrincipalsByKey;
    private final Boolean securityDefaults;
    private final Map<String, String> perUserMfa;
    private final List<String> warnings;

    SnapshotTenant(Set<TenantPart> parts, List<ConditionalAccessPolicy> policies, List<NamedLocation> locations,
            Map<String, NamedLocation> locationsById, List<DirectoryUser> users, Map<String, DirectoryUser> usersByKey,
            Map<String, DirectoryObject> groups, List<ServicePrincipal> servicePrincipals,
            Map<String, ServicePrincipal> servicePrincipalsByKey, Boolean securityDefaults,
            Map<String, String> perUserMfa, List<String> warnings) {
        this.parts = Set.copyOf(parts);
        this.policies = List.copyOf(policies);
        this.locations = List.copyOf(locations);
        this.locationsById = Map.copyOf(locationsById);
        this.users = List.copyOf(users);
        this.usersByKey = Map.copyOf(usersByKey);
        this.groups = Map.copyOf(groups);
        this.servicePrincipals = List.copyOf(servicePrincipals);
        this.servicePrincipalsByKey = Map.copyOf(servicePrincipalsByKey);
        this.securityDefaults = securityDefaults;
        this.perUserMfa = Map.copyOf(perUserMfa);
        this.warnings = List.copyOf(warnings);
    }

    private static String key(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    private static <T> Optional<T> find(Map<String, T> map, String key) {
        return key == null ? Optional.empty() : Optional.ofNullable(map.get(key(key)));
    }

    @Override
    public Set<TenantPart> parts() {
        return parts;
    }

    @Override
    public List<ConditionalAccessPolicy> policies() {
        return policies;
    }

    @Override
    public List<NamedLocation> namedLocations() {
        return locations;
    }

    @Override
    public Optional<NamedLocation> namedLocation(String id) {
        return find(locationsById, id);
    }

    @Override
    public Collection<DirectoryUser> users() {
        return users;
    }

    @Override
    public Optional<DirectoryUser> user(String idOrUserPrincipalName) {
        return find(usersByKey, idOrUserPrincipalName);
    }

    @Override
    public Optional<DirectoryObject> group(String id) {
        return find(groups, id);
    }

    @Override
    public Optional<ServicePrincipal> servicePrincipal(String appIdOrId) {
        return find(servicePrincipalsByKey, appIdOrId);
    }

    @Override
    public Collection<ServicePrincipal> servicePrincipals() {
        return servicePrincipals;
    }

    @Override
    public Optional<Boolean> securityDefaultsEnabled() {
        return Optional.ofNullable(securityDefaults);
    }

    @Override
    public Optional<String> perUserMfaState(String userIdOrUserPrincipalName) {
        return find(perUserMfa, userIdOrUserPrincipalName);
    }

    @Override
    public List<String> warnings() {
        return warnings;
    }

    @Override
    public String toString() {
        return "tenant snapshot " + parts + ": " + policies.size() + " policies, " + users.size() + " users";
    }
}
