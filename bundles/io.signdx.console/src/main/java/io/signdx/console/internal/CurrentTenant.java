package io.signdx.console.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import io.signdx.api.tenant.TenantContext;
import io.signdx.api.tenant.TenantLoadException;
import io.signdx.api.tenant.TenantLoader;
import io.signdx.api.tenant.TenantSnapshots;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The product's tenant snapshot as the console sees it. The snapshot service is optional and may come
 * and go: without it sign-ins are diagnosed without a tenant, as the command line does.
 */
@Component(service = CurrentTenant.class)
public final class CurrentTenant {
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile TenantSnapshots snapshots;

    public CurrentTenant() {
        // activated by DS; the snapshot service is bound into the field
    }

    CurrentTenant(TenantSnapshots snapshots) {
        this.snapshots = snapshots;
    }

    /** True when the product can hold a snapshot at all. */
    boolean available() {
        return snapshots != null;
    }

    Optional<TenantLoader.Snapshot> snapshot() {
        TenantSnapshots s = snapshots;
        return s == null ? Optional.empty() : s.current();
    }

    /** The current tenant, or an empty one. */
    TenantContext context() {
        return snapshot().map(TenantLoader.Snapshot::tenant).orElse(TenantContext.empty());
    }

    /** @throws IllegalStateException when no snapshot service is installed */
    TenantLoader.Snapshot install(List<Path> paths) throws TenantLoadException {
        TenantSnapshots s = snapshots;
        if (s == null) {
            throw new IllegalStateException("tenant snapshots are not available: the bundle that reads them is not installed");
        }
        return s.install(paths);
    }
}
