package io.signdx.api.tenant;

/**
 * A named directory object a policy refers to: a group or a directory role.
 *
 * @param id object id of a group, or the template id of a directory role
 * @param displayName name
 */
public record DirectoryObject(String id, String displayName) {
    /** The name to show. */
    public String label() {
        return displayName != null && !displayName.isBlank() ? displayName : id;
    }
}
