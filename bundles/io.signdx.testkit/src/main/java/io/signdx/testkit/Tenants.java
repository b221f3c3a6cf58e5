package io.signdx.testkit;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.signdx.api.tenant.DirectoryUser;
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

    /** The tenant context. */
    public TenantContext build() {
        Set<TenantPart> p = Set.copyOf(parts);
        Map<String, DirectoryUser> u = Map.copyOf(users);
        Map<String, String> mfa = Map.copyOf(perUserMfa);
        Boolean defaults = securityDefaults;
        return new TenantContext() {
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
