package io.signdx.tenant.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.signdx.api.tenant.ConditionalAccessPolicy;
import io.signdx.api.tenant.DirectoryObject;
import io.signdx.api.tenant.DirectoryUser;
import io.signdx.api.tenant.NamedLocation;
import io.signdx.api.tenant.ServicePrincipal;
import io.signdx.api.tenant.TenantPart;
import io.signdx.tenant.internal.DirectoryReader.Membership;
import io.signdx.tenant.internal.DirectoryReader.RawAssignment;
import io.signdx.tenant.internal.DirectoryReader.RawGroup;
import io.signdx.tenant.internal.DirectoryReader.RawRole;
import io.signdx.tenant.internal.DirectoryReader.RawUser;

/**
 * Gathers what the files of one snapshot held and joins it: duplicates are reported and the first one
 * kept; directory-role object ids are turned into role template ids through the directory roles read;
 * group and role membership is completed through group nesting, group and role member lists and role
 * assignments. Used by one load on one thread.
 */
final class SnapshotBuilder {
    private final List<String> warnings = new ArrayList<>();
    private final Set<TenantPart> parts = EnumSet.noneOf(TenantPart.class);
    private final List<ConditionalAccessPolicy> policies = new ArrayList<>();
    private final Map<String, String> policyOrigins = new HashMap<>();
    private final Map<String, NamedLocation> locations = new LinkedHashMap<>();
    private final Map<String, String> locationOrigins = new HashMap<>();
    private final Map<String, RawUser> users = new LinkedHashMap<>();
    private final Map<String, RawGroup> groups = new LinkedHashMap<>();
    private final Map<String, String> groupNames = new HashMap<>();
    private final Map<String, RawRole> roles = new LinkedHashMap<>();
    private final List<RawAssignment> assignments = new ArrayList<>();
    private final Map<String, ServicePrincipal> servicePrincipals = new LinkedHashMap<>();
    private final Map<String, String> servicePrincipalOrigins = new HashMap<>();
    private Boolean securityDefaults;
    private String securityDefaultsOrigin;
    private final Map<String, String> perUserMfa = new LinkedHashMap<>();
    private final Map<String, String> perUserMfaOrigins = new HashMap<>();
    private final Map<String, String> spelling = new HashMap<>();
    private boolean nestingKnown;
    private boolean groupMembersKnown;
    private int untypedMemberships;

    static String key(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    void warn(String warning) {
        warnings.add(warning);
    }

    /** The part is in the snapshot, even if the file listed none of it. */
    void present(TenantPart part) {
        parts.add(part);
    }

    boolean holdsAnything() {
        return !parts.isEmpty();
    }

    boolean policy(ConditionalAccessPolicy p, String label) {
        present(TenantPart.CONDITIONAL_ACCESS_POLICIES);
        if (p.id() != null) {
            String first = policyOrigins.putIfAbsent(key(p.id()), p.origin());
            if (first != null) {
                warn(label + ": policy " + PolicyReader.quote(p.label()) + " has the id of the policy from " + first
                        + "; the first one is kept");
                return false;
            }
        }
        policies.add(p);
        return true;
    }

    boolean location(NamedLocation l, String origin, String label) {
        present(TenantPart.NAMED_LOCATIONS);
        String first = locationOrigins.putIfAbsent(key(l.id()), origin);
        if (first != null) {
            warn(label + ": named location " + PolicyReader.quote(l.label()) + " has the id of the one from "
                    + first + "; the first one is kept");
            return false;
        }
        locations.put(key(l.id()), l);
        return true;
    }

    boolean user(RawUser u, String label) {
        present(TenantPart.USERS);
        RawUser first = users.putIfAbsent(u.key(), u);
        if (first != null) {
            warn(label + ": user " + PolicyReader.quote(u.userPrincipalName() != null ? u.userPrincipalName() : u.id())
                    + " is also in " + first.origin() + "; the first one is kept");
            return false;
        }
        for (Membership m : new Membership[] {u.direct(), u.transitive()}) {
            if (m != null) {
                m.groupNames().forEach((id, name) -> groupNames.putIfAbsent(k(id), name));
                untypedMemberships += m.untyped();
            }
        }
        if (u.perUserMfaState() != null) {
            String key = u.id() != null ? u.id() : u.userPrincipalName();
            mfa(key(key), u.perUserMfaState(), u.origin(), label);
        }
        return true;
    }

    /** Groups may come from several files (names from one, nesting from another): they are merged. */
    void group(RawGroup g) {
        present(TenantPart.GROUPS);
        nestingKnown |= g.memberOf() != null || g.members() != null && !g.members().groups().isEmpty();
        groupMembersKnown |= g.members() != null;
        k(g.id());
        if (g.displayName() != null) {
            groupNames.put(key(g.id()), g.displayName());
        }
        if (g.memberOf() != null) {
            g.memberOf().groupNames().forEach((id, name) -> groupNames.putIfAbsent(k(id), name));
        }
        RawGroup before = groups.get(key(g.id()));
        if (before == null) {
            groups.put(key(g.id()), g);
            return;
        }
        groups.put(key(g.id()), new RawGroup(before.id(), before.displayName() != null ? before.displayName()
                : g.displayName(), merge(before.memberOf(), g.memberOf()), merge(before.members(), g.members()), true));
    }

    void role(RawRole r) {
        RawRole before = roles.putIfAbsent(r.id() == null ? "template:" + key(r.roleTemplateId()) : key(r.id()), r);
        if (before == null && r.members() != null) {
            groupMembersKnown = true;
        }
    }

    void assignment(RawAssignment a) {
        assignments.add(a);
    }

    boolean servicePrincipal(ServicePrincipal sp, String origin, String label) {
        present(TenantPart.SERVICE_PRINCIPALS);
        String k = key(sp.id() != null ? sp.id() : sp.appId());
        String first = servicePrincipalOrigins.putIfAbsent(k, origin);
        if (first == null && sp.appId() != null) {
            first = servicePrincipalOrigins.putIfAbsent("app:" + key(sp.appId()), origin);
        }
        if (first != null) {
            warn(label + ": service principal " + PolicyReader.quote(sp.label()) + " is also in " + first
                    + "; the first one is kept");
            return false;
        }
        servicePrincipals.put(k, sp);
        return true;
    }

    void securityDefaults(boolean enabled, String origin, String label) {
        present(TenantPart.SECURITY_DEFAULTS);
        if (securityDefaults != null) {
            if (securityDefaults != enabled) {
                warn(label + ": says security defaults are " + (enabled ? "on" : "off") + " but " + securityDefaultsOrigin
                        + " says " + (securityDefaults ? "on" : "off") + "; the first one is kept");
            }
            return;
        }
        securityDefaults = enabled;
        securityDefaultsOrigin = origin;
    }

    void mfa(String userKey, String state, String origin, String label) {
        present(TenantPart.PER_USER_MFA);
        if (!DirectoryReader.MFA_STATES.contains(state) && !state.equals("unknownfuturevalue")) {
            warn(label + ": per-user MFA state " + PolicyReader.quote(state) + " of " + PolicyReader.quote(userKey)
                    + " is none of disabled, enabled, enforced; kept as recorded");
        }
        String before = perUserMfa.putIfAbsent(userKey, state);
        perUserMfaOrigins.putIfAbsent(userKey, origin);
        if (before != null && !before.equals(state)) {
            warn(label + ": per-user MFA state of " + PolicyReader.quote(userKey) + " is " + state + " but "
                    + perUserMfaOrigins.get(userKey) + " says " + before + "; the first one is kept");
        }
    }

    /** The parts no file held. */
    List<TenantPart> missing() {
        return EnumSet.allOf(TenantPart.class).stream().filter(p -> !parts.contains(p)).toList();
    }

    List<String> warnings() {
        return warnings;
    }

    SnapshotTenant build() {
        Map<String, String> roleTemplateOfObject = new HashMap<>();
        Map<String, Set<String>> roleMembers = new HashMap<>();
        for (RawRole r : roles.values()) {
            String template = k(r.roleTemplateId());
            if (r.id() != null) {
                roleTemplateOfObject.put(k(r.id()), template);
            }
            if (r.members() != null) {
                r.members().users().forEach(u -> roleMembers.computeIfAbsent(k(u), x -> new HashSet<>()).add(template));
                r.members().groups().forEach(g -> roleMembers.computeIfAbsent(k(g), x -> new HashSet<>()).add(template));
            }
        }
        for (RawAssignment a : assignments) {
            // Conditional Access counts roles assigned for the whole directory only
            if ("/".equals(a.scope())) {
                roleMembers.computeIfAbsent(k(a.principalId()), x -> new HashSet<>()).add(k(a.roleTemplateId()));
            }
        }
        Map<String, Set<String>> parents = new HashMap<>();
        Map<String, Set<String>> groupRoles = new HashMap<>();
        Map<String, Set<String>> userGroupsFromMembers = new HashMap<>();
        Set<String> unresolvedRoles = new LinkedHashSet<>();
        for (RawGroup g : groups.values()) {
            String id = k(g.id());
            if (g.memberOf() != null) {
                parents.computeIfAbsent(id, x -> new HashSet<>()).addAll(keys(g.memberOf().groups()));
                Set<String> r = groupRoles.computeIfAbsent(id, x -> new HashSet<>());
                r.addAll(keys(g.memberOf().roleTemplates()));
                resolve(keys(g.memberOf().roleObjectIds()), roleTemplateOfObject, r, unresolvedRoles);
            }
            if (g.members() != null) {
                g.members().groups().forEach(child -> parents.computeIfAbsent(k(child), x -> new HashSet<>()).add(id));
                g.members().users().forEach(u -> userGroupsFromMembers.computeIfAbsent(k(u), x -> new HashSet<>())
                        .add(id));
            }
        }
        List<DirectoryUser> out = new ArrayList<>();
        Map<String, DirectoryUser> byKey = new HashMap<>();
        int directOnly = 0;
        int unknownMembership = 0;
        int noType = 0;
        for (RawUser u : users.values()) {
            String id = u.id() == null ? null : k(u.id());
            Set<String> direct = new LinkedHashSet<>();
            Set<String> roleSet = new LinkedHashSet<>();
            for (Membership m : new Membership[] {u.direct(), u.transitive()}) {
                if (m != null) {
                    direct.addAll(keys(m.groups()));
                    roleSet.addAll(keys(m.roleTemplates()));
                    resolve(keys(m.roleObjectIds()), roleTemplateOfObject, roleSet, unresolvedRoles);
                }
            }
            if (id != null) {
                direct.addAll(userGroupsFromMembers.getOrDefault(id, Set.of()));
                roleSet.addAll(roleMembers.getOrDefault(id, Set.of()));
            }
            Set<String> all = nestingKnown ? closure(direct, parents) : direct;
            for (String g : all) {
                roleSet.addAll(groupRoles.getOrDefault(g, Set.of()));
                roleSet.addAll(roleMembers.getOrDefault(g, Set.of()));
            }
            if (u.transitive() == null && u.direct() != null && !nestingKnown) {
                directOnly++;
            }
            if (u.transitive() == null && u.direct() == null && !groupMembersKnown) {
                unknownMembership++;
            }
            if (u.userType() == null) {
                noType++;
            }
            DirectoryUser du = new DirectoryUser(u.id(), u.userPrincipalName(), u.displayName(), u.userType(),
                    spelt(all), spelt(roleSet));
            out.add(du);
            if (u.id() != null) {
                byKey.putIfAbsent(key(u.id()), du);
            }
            if (u.userPrincipalName() != null) {
                byKey.putIfAbsent(key(u.userPrincipalName()), du);
            }
        }
        if (directOnly > 0) {
            warn(count(directOnly, "user has", "users have") + " only direct memberOf and no group file gives the "
                    + "groups' own memberOf: membership through nested groups is not known (export transitiveMemberOf, "
                    + "or the groups with their memberOf)");
        }
        if (unknownMembership > 0) {
            warn(count(unknownMembership, "user carries", "users carry") + " neither memberOf nor transitiveMemberOf: "
                    + "their group and role membership is not known (export the users with transitiveMemberOf)");
        }
        if (noType > 0) {
            warn(count(noType, "user has", "users have") + " no userType: whether they are guests is not known "
                    + "(export the users with userType)");
        }
        if (untypedMemberships > 0) {
            warn(count(untypedMemberships, "membership entry has", "membership entries have") + " no @odata.type and "
                    + (untypedMemberships == 1 ? "was" : "were") + " taken as a group");
        }
        if (!unresolvedRoles.isEmpty()) {
            warn("role membership names directory role object " + (unresolvedRoles.size() == 1 ? "id " : "ids ")
                    + Json.names(new ArrayList<>(spelt(unresolvedRoles)), 5) + " that no directory roles file maps to "
                    + "a roleTemplateId; those roles are not counted (export the directory roles too, or memberOf with "
                    + "roleTemplateId)");
        }
        Map<String, DirectoryObject> groupObjects = new HashMap<>();
        for (RawGroup g : groups.values()) {
            groupObjects.put(key(g.id()), new DirectoryObject(g.id(), g.displayName() != null ? g.displayName()
                    : groupNames.get(key(g.id()))));
        }
        groupNames.forEach((id, name) -> groupObjects.putIfAbsent(id, new DirectoryObject(spelling.getOrDefault(id, id),
                name)));
        Map<String, String> mfa = new HashMap<>(perUserMfa);
        for (DirectoryUser u : out) {
            // an entry keyed by id also answers to the UPN, and the other way round
            String state = u.id() != null ? perUserMfa.get(key(u.id())) : null;
            if (state == null && u.userPrincipalName() != null) {
                state = perUserMfa.get(key(u.userPrincipalName()));
            }
            if (state != null) {
                if (u.id() != null) {
                    mfa.putIfAbsent(key(u.id()), state);
                }
                if (u.userPrincipalName() != null) {
                    mfa.putIfAbsent(key(u.userPrincipalName()), state);
                }
            }
        }
        Map<String, ServicePrincipal> spByKey = new HashMap<>();
        for (ServicePrincipal sp : servicePrincipals.values()) {
            if (sp.appId() != null) {
                spByKey.putIfAbsent(key(sp.appId()), sp);
            }
            if (sp.id() != null) {
                spByKey.putIfAbsent(key(sp.id()), sp);
            }
        }
        List<TenantPart> missing = missing();
        if (!missing.isEmpty()) {
            warn("no file held " + describe(missing) + ": what depends on " + (missing.size() == 1 ? "it" : "them")
                    + " cannot be decided");
        }
        return new SnapshotTenant(parts, policies, new ArrayList<>(locations.values()), locations, out, byKey,
                groupObjects, new ArrayList<>(servicePrincipals.values()), spByKey, securityDefaults, mfa, warnings);
    }

    /** The lower-case key of an id, remembering how the files first spelt it. */
    private String k(String id) {
        String key = key(id);
        spelling.putIfAbsent(key, id);
        return key;
    }

    private Set<String> keys(Set<String> ids) {
        Set<String> out = new LinkedHashSet<>();
        ids.forEach(id -> out.add(k(id)));
        return out;
    }

    /** The ids as the files first spelt them. */
    private Set<String> spelt(Set<String> keys) {
        Set<String> out = new LinkedHashSet<>();
        keys.forEach(key -> out.add(spelling.getOrDefault(key, key)));
        return out;
    }

    private static void resolve(Set<String> objectIds, Map<String, String> templates, Set<String> into,
            Set<String> unresolved) {
        for (String id : objectIds) {
            String t = templates.get(id);
            if (t != null) {
                into.add(t);
            } else {
                unresolved.add(id);
            }
        }
    }

    private static Set<String> closure(Set<String> start, Map<String, Set<String>> parents) {
        Set<String> seen = new LinkedHashSet<>(start);
        Deque<String> todo = new ArrayDeque<>(start);
        while (!todo.isEmpty()) {
            for (String p : parents.getOrDefault(todo.pop(), Set.of())) {
                if (seen.add(p)) {
                    todo.push(p);
                }
            }
        }
        return seen;
    }

    private static Membership merge(Membership a, Membership b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        Membership m = Membership.empty();
        for (Membership x : List.of(a, b)) {
            m.groups().addAll(x.groups());
            m.roleTemplates().addAll(x.roleTemplates());
            m.roleObjectIds().addAll(x.roleObjectIds());
            m.groupNames().putAll(x.groupNames());
        }
        return m;
    }

    private static DirectoryReader.Members merge(DirectoryReader.Members a, DirectoryReader.Members b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        DirectoryReader.Members m = new DirectoryReader.Members(new LinkedHashSet<>(a.users()),
                new LinkedHashSet<>(a.groups()));
        m.users().addAll(b.users());
        m.groups().addAll(b.groups());
        return m;
    }

    static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    static String describe(List<TenantPart> parts) {
        List<String> names = parts.stream().map(SnapshotBuilder::name).toList();
        return names.size() == 1 ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }

    static String name(TenantPart p) {
        return switch (p) {
            case CONDITIONAL_ACCESS_POLICIES -> "conditional access policies";
            case NAMED_LOCATIONS -> "named locations";
            case USERS -> "users";
            case GROUPS -> "groups";
            case SERVICE_PRINCIPALS -> "service principals";
            case SECURITY_DEFAULTS -> "the security defaults policy";
            case PER_USER_MFA -> "per-user MFA state";
        };
    }
}
