package io.signdx.testkit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
 * Builds a {@link TenantContext} for tests. Each part is present only once something of it was added,
 * so a test can also check what a detector says when a part is missing.
 */
public final class Tenants {
    private final Set<TenantPart> parts = EnumSet.noneOf(TenantPart.class);
    private final Map<String, DirectoryUser> users = new HashMap<>();
    private final Map<String, String> perUserMfa = new HashMap<>();
    private final List<ConditionalAccessPolicy> policies = new ArrayList<>();
    private final List<NamedLocation> locations = new ArrayList<>();
    private final Map<String, DirectoryObject> groups = new HashMap<>();
    private final Map<String, ServicePrincipal> servicePrincipals = new LinkedHashMap<>();
    private final List<String> warnings = new ArrayList<>();
    private Boolean securityDefaults;

    /** A builder of an empty tenant. */
    public static Tenants builder() {
        return new Tenants();
    }

    /** Adds a directory user (makes {@link TenantPart#USERS} present). */
    public Tenants user(DirectoryUser user) {
        parts.add(TenantPart.USERS);
        users.put(user.id().toLowerCase(Locale.ROOT), user);
        if (user.userPrincipalName() != null) {
            users.put(user.userPrincipalName().toLowerCase(Locale.ROOT), user);
        }
        return this;
    }

    /** Says whether security defaults are on (makes {@link TenantPart#SECURITY_DEFAULTS} present). */
    public Tenants securityDefaults(boolean enabled) {
        parts.add(TenantPart.SECURITY_DEFAULTS);
        securityDefaults = enabled;
        return this;
    }

    /** Sets a user's legacy per-user MFA state (makes {@link TenantPart#PER_USER_MFA} present). */
    public Tenants perUserMfa(String userId, String state) {
        parts.add(TenantPart.PER_USER_MFA);
        perUserMfa.put(userId.toLowerCase(Locale.ROOT), state);
        return this;
    }

    /** Adds a Conditional Access policy (makes {@link TenantPart#CONDITIONAL_ACCESS_POLICIES} present). */
    public Tenants policy(ConditionalAccessPolicy policy) {
        parts.add(TenantPart.CONDITIONAL_ACCESS_POLICIES);
        policies.add(policy);
        return this;
    }

    /** Says the snapshot has policies, even when none was added: a tenant without any policy. */
    public Tenants noPolicies() {
        parts.add(TenantPart.CONDITIONAL_ACCESS_POLICIES);
        return this;
    }

    /** Adds a named location (makes {@link TenantPart#NAMED_LOCATIONS} present). */
    public Tenants namedLocation(NamedLocation location) {
        parts.add(TenantPart.NAMED_LOCATIONS);
        locations.add(location);
        return this;
    }

    /** Adds a group's name (makes {@link TenantPart#GROUPS} present). */
    public Tenants group(String id, String displayName) {
        parts.add(TenantPart.GROUPS);
        groups.put(id.toLowerCase(Locale.ROOT), new DirectoryObject(id, displayName));
        return this;
    }

    /** Adds a service principal (makes {@link TenantPart#SERVICE_PRINCIPALS} present). */
    public Tenants servicePrincipal(ServicePrincipal sp) {
        parts.add(TenantPart.SERVICE_PRINCIPALS);
        servicePrincipals.put(sp.appId() == null ? sp.id() : sp.appId(), sp);
        return this;
    }

    /** Adds a warning the snapshot would have reported while it was read. */
    public Tenants warning(String text) {
        warnings.add(text);
        return this;
    }

    /** The tenant context. */
    public TenantContext build() {
        Set<TenantPart> p = Set.copyOf(parts);
        Map<String, DirectoryUser> u = Map.copyOf(users);
        Map<String, String> mfa = Map.copyOf(perUserMfa);
        Boolean defaults = securityDefaults;
        List<ConditionalAccessPolicy> pol = List.copyOf(policies);
        List<NamedLocation> loc = List.copyOf(locations);
        Map<String, DirectoryObject> grp = Map.copyOf(groups);
        List<ServicePrincipal> sps = List.copyOf(servicePrincipals.values());
        List<String> warn = List.copyOf(warnings);
        Collection<DirectoryUser> everyone = List.copyOf(new java.util.LinkedHashSet<>(users.values()));
        return new TenantContext() {
            @Override
            public List<ConditionalAccessPolicy> policies() {
                return pol;
            }

            @Override
            public List<NamedLocation> namedLocations() {
                return loc;
            }

            @Override
            public Collection<DirectoryUser> users() {
                return everyone;
            }

            @Override
            public Optional<DirectoryObject> group(String id) {
                return id == null ? Optional.empty() : Optional.ofNullable(grp.get(id.toLowerCase(Locale.ROOT)));
            }

            @Override
            public Optional<ServicePrincipal> servicePrincipal(String appIdOrId) {
                return sps.stream().filter(sp -> appIdOrId != null
                        && (appIdOrId.equalsIgnoreCase(sp.appId()) || appIdOrId.equalsIgnoreCase(sp.id()))).findFirst();
            }

            @Override
            public Collection<ServicePrincipal> servicePrincipals() {
                return sps;
            }

            @Override
            public List<String> warnings() {
                return warn;
            }

            @Override
            public Set<TenantPart> parts() {
                return p;
            }

            @Override
            public Optional<DirectoryUser> user(String idOrUserPrincipalName) {
                return idOrUserPrincipalName == null ? Optional.empty()
                        : Optional.ofNullable(u.get(idOrUserPrincipalName.toLowerCase(Locale.ROOT)));
            }

            @Override
            public Optional<Boolean> securityDefaultsEnabled() {
                return Optional.ofNullable(defaults);
            }

            @Override
            public Optional<String> perUserMfaState(String userId) {
                return userId == null ? Optional.empty()
                        : Optional.ofNullable(mfa.get(userId.toLowerCase(Locale.ROOT)));
            }
        };
    }
}
