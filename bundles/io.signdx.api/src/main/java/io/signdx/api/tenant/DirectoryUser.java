package io.signdx.api.tenant;

import java.util.Set;

/**
 * A user as the tenant snapshot knows it.
 *
 * @param id object id
 * @param userPrincipalName UPN
 * @param displayName display name
 * @param userType "Member" or "Guest" as the directory spells it
 * @param groupIds ids of the groups the user belongs to, transitively when the snapshot had that
 * @param roleTemplateIds directory role template ids the user holds
 */
public record DirectoryUser(String id, String userPrincipalName, String displayName, String userType,
        Set<String> groupIds, Set<String> roleTemplateIds) {
    /** Copies the sets so the record stays immutable. */
    public DirectoryUser {
        groupIds = groupIds == null ? Set.of() : Set.copyOf(groupIds);
        roleTemplateIds = roleTemplateIds == null ? Set.of() : Set.copyOf(roleTemplateIds);
    }
}
