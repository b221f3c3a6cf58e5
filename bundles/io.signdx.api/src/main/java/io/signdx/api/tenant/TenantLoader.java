package io.signdx.api.tenant;

import java.nio.file.Path;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Reads a tenant snapshot: Graph-shaped files of CA policies, named locations, users with their
 * memberships, groups, service principals, the security-defaults policy and per-user MFA state. Files
 * are recognised by their content, not their names; a folder is read with everything below it.
 * Implemented by the platform; the command line and the console use it. @since 1.1
 */
@ProviderType
public interface TenantLoader {

    /**
     * Reads the files and folders as one snapshot.
     *
     * @param paths files (one part each, a combined file, one policy per file) or folders
     * @return the snapshot with its report
     * @throws TenantLoadException when nothing of a tenant snapshot could be read, naming each file and why
     */
    Snapshot load(List<Path> paths) throws TenantLoadException;

    /**
     * A loaded snapshot.
     *
     * @param tenant the tenant context (its {@link TenantContext#warnings()} repeat the report's warnings)
     * @param files per file: what it held, e.g. "12 conditional access policies"
     * @param warnings problems that did not stop the load, each naming its file (and entry)
     * @param missing the parts no file held
     */
    record Snapshot(TenantContext tenant, List<String> files, List<String> warnings, List<TenantPart> missing) {
        /** Copies the lists. */
        public Snapshot {
            files = List.copyOf(files);
            warnings = List.copyOf(warnings);
            missing = List.copyOf(missing);
        }
    }
}
