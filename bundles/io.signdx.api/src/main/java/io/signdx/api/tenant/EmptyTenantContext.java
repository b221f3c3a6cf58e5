package io.signdx.api.tenant;

import java.util.Optional;
import java.util.Set;

/** The context of a tenant about which nothing is known. Stateless, so one shared value is safe. */
final class EmptyTenantContext implements TenantContext {
    static final TenantContext INSTANCE = new EmptyTenantContext();

    private EmptyTenantContext() {
    }

    @Override
    public Set<TenantPart> parts() {
        return Set.of();
    }

    @Override
    public Optional<DirectoryUser> user(String idOrUserPrincipalName) {
        return Optional.empty();
    }

    @Override
    public Optional<Boolean> securityDefaultsEnabled() {
        return Optional.empty();
    }

    @Override
    public Optional<String> perUserMfaState(String userId) {
        return Optional.empty();
    }
}
