package io.signdx.policy.analysis.internal;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.signdx.api.tenant.DirectoryUser;
import io.signdx.api.tenant.TenantContext;
import io.signdx.api.tenant.TenantPart;

/**
 * The snapshot's directory as one lint run needs it: names for ids, member counts of groups, holders of
 * roles, and whether the snapshot can tell at all (a part it lacks says nothing about existence).
 */
final class Directory {
    private final TenantContext tenant;
    private final boolean hasUsers;
    private final boolean hasGroups;
    private final boolean hasRoles;
    private final Map<String, Integer> groupMembers = new HashMap<>();
    private final Map<String, Integer> roleHolders = new HashMap<>();

    Directory(TenantContext tenant) {
        this.tenant = tenant;
        boolean users = tenant.parts().contains(TenantPart.USERS) && !tenant.users().isEmpty();
        boolean roles = false;
        if (users) {
            for (DirectoryUser u : tenant.users()) {
                u.groupIds().forEach(g -> groupMembers.merge(key(g), 1, Integer::sum));
                u.roleTemplateIds().forEach(r -> roleHolders.merge(key(r), 1, Integer::sum));
                roles |= !u.roleTemplateIds().isEmpty();
            }
        }
        this.hasUsers = users;
        this.hasGroups = tenant.parts().contains(TenantPart.GROUPS);
        // a snapshot whose users carry no role at all probably did not export role membership
        this.hasRoles = roles;
    }

    private static String key(String id) {
        return id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
    }

    boolean hasUsers() {
        return hasUsers;
    }

    boolean hasGroups() {
        return hasGroups;
    }

    boolean hasRoles() {
        return hasRoles;
    }

    /** True when the snapshot knows the group (by name or through a member). */
    boolean groupKnown(String id) {
        return tenant.group(id).isPresent() || groupMembers.containsKey(key(id));
    }

    /** Members among the snapshot's users, or -1 when the snapshot has no users. */
    int groupMemberCount(String id) {
        return hasUsers ? groupMembers.getOrDefault(key(id), 0) : -1;
    }

    /** Holders among the snapshot's users, or -1 when the snapshot carries no role membership. */
    int roleHolderCount(String id) {
        return hasRoles ? roleHolders.getOrDefault(key(id), 0) : -1;
    }

    Optional<DirectoryUser> user(String id) {
        return tenant.user(id);
    }

    /** "group Break glass (2 members)" or "group 1234… (not in the snapshot)". */
    String describeGroup(String id) {
        String name = tenant.group(id).map(g -> g.label()).orElse(id);
        StringBuilder s = new StringBuilder("group ").append(PolicyShape.quote(name));
        int members = groupMemberCount(id);
        if (hasGroups && !groupKnown(id)) {
            s.append(" (not in the snapshot)");
        } else if (members >= 0) {
            s.append(" (").append(members).append(members == 1 ? " member" : " members").append(" in the snapshot)");
        }
        return s.toString();
    }

    String describeUser(String id) {
        Optional<DirectoryUser> u = tenant.user(id);
        String name = u.map(x -> x.userPrincipalName() != null ? x.userPrincipalName() : x.id()).orElse(id);
        return "user " + PolicyShape.quote(name) + (hasUsers && u.isEmpty() ? " (not in the snapshot)" : "");
    }

    String describeRole(String id) {
        int holders = roleHolderCount(id);
        return "role " + PolicyShape.quote(id) + (holders >= 0 ? " (" + holders + " holders in the snapshot)" : "");
    }

    boolean userKnown(String id) {
        return tenant.user(id).isPresent();
    }

    /** True when an excluded or included user id names nobody the snapshot has. */
    boolean userMissing(String id) {
        return hasUsers && tenant.user(id).isEmpty();
    }

    /** True when the group is unknown to the snapshot, or has no member among its users. */
    boolean groupIneffective(String id) {
        return (hasGroups && !groupKnown(id)) || groupMemberCount(id) == 0;
    }

    boolean servicePrincipalsKnown() {
        return tenant.parts().contains(TenantPart.SERVICE_PRINCIPALS);
    }

    boolean servicePrincipalMissing(String appIdOrId) {
        return tenant.servicePrincipal(appIdOrId).isEmpty();
    }

    boolean namedLocationsKnown() {
        return tenant.parts().contains(TenantPart.NAMED_LOCATIONS);
    }

    boolean namedLocationMissing(String id) {
        return tenant.namedLocation(id).isEmpty();
    }

    java.util.Collection<DirectoryUser> users() {
        return tenant.users();
    }
}
