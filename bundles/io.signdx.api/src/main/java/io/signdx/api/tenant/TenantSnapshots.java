package io.signdx.api.tenant;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The tenant snapshot the product holds in its data folder, used whenever a sign-in is diagnosed or a
 * What If is asked without a snapshot of its own. Implemented by the platform. @since 1.1
 */
@ProviderType
public interface TenantSnapshots {

    /** The current snapshot; empty when none was installed. */
    Optional<TenantLoader.Snapshot> current();

    /**
     * Reads the files and, only when they load, makes them the current snapshot (replacing the previous
     * one as a whole, so a failed install leaves the previous snapshot in place).
     *
     * @param paths files or folders, as for {@link TenantLoader#load(List)}
     * @return the new current snapshot
     * @throws TenantLoadException when the files do not load; the current snapshot is unchanged
     */
    TenantLoader.Snapshot install(List<Path> paths) throws TenantLoadException;
}
