package io.signdx.policy.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import io.signdx.api.tenant.PolicyConditions;
import io.signdx.api.tenant.TenantContext;
import io.signdx.policy.Condition;
import io.signdx.policy.ConditionVerdict;
import io.signdx.policy.Verdict;

/**
 * Users, groups (transitive membership), directory roles (template ids) and guest or external user
 * types with their tenants, include and exclude. Exclusion wins.
 */
final class UsersCheck implements Check {
    private static final String ALL = "all";
    private static final String NONE = "none";
    private static final String GUESTS = "guestsorexternalusers";

    private record Ref(String id, String label) {
        boolean placeholder() {
            return Names.isPlaceholder(id);
        }
    }

    private record Guests(Set<String> types, String kind, Set<String> tenants, String text) {
    }

    private record Side(boolean all, boolean none, boolean guestsKeyword, List<Ref> users, List<Ref> groups,
            List<Ref> roles, Guests guests) {
        boolean isEmpty() {
            return !all && !none && !guestsKeyword && users.isEmpty() && groups.isEmpty() && roles.isEmpty()
                    && guests == null;
        }
    }

    private final Side include;
    private final Side exclude;
    private final boolean workloadPolicy;
    private final String configured;

    private UsersCheck(Side include, Side exclude, boolean workloadPolicy, String configured) {
        this.include = include;
        this.exclude = exclude;
        this.workloadPolicy = workloadPolicy;
        this.configured = configured;
    }

    static Check compile(PolicyConditions.Users users, boolean workloadPolicy, TenantContext tenant, KnownIds known) {
        if (users == null) {
            return new NotConfigured(Condition.USERS, "not configured", Subject::userLabel);
        }
        Side inc = side(users.includeUsers(), users.includeGroups(), users.includeRoles(),
                users.includeGuestsOrExternalUsers(), tenant, known);
        Side exc = side(users.excludeUsers(), users.excludeGroups(), users.excludeRoles(),
                users.excludeGuestsOrExternalUsers(), tenant, known);
        String text = "include: " + (inc.isEmpty() ? "nothing" : describe(inc))
                + (exc.isEmpty() ? "" : "; exclude: " + describe(exc));
        return new UsersCheck(inc, exc, workloadPolicy, text);
    }

    private static Side side(List<String> userIds, List<String> groupIds, List<String> roleIds,
            PolicyConditions.GuestsOrExternalUsers guests, TenantContext tenant, KnownIds known) {
        boolean all = false;
        boolean none = false;
        boolean guestsKeyword = false;
        List<Ref> users = new ArrayList<>();
        for (String u : userIds) {
            String l = Subject.lower(u);
            if (l == null) {
                continue;
            }
            switch (l) {
                case ALL -> all = true;
                case NONE -> none = true;
                case GUESTS -> guestsKeyword = true;
                default -> users.add(new Ref(l, Names.user(u.trim(), tenant)));
            }
        }
        List<Ref> groups = new ArrayList<>();
        for (String g : groupIds) {
            if (!Subject.blank(g)) {
                groups.add(new Ref(g.trim().toLowerCase(Locale.ROOT), Names.group(g.trim(), tenant)));
            }
        }
        List<Ref> roles = new ArrayList<>();
        for (String r : roleIds) {
            if (!Subject.blank(r)) {
                roles.add(new Ref(r.trim().toLowerCase(Locale.ROOT), Names.role(r.trim(), known)));
            }
        }
        return new Side(all, none, guestsKeyword, users, groups, roles, guests(guests));
    }

    private static Guests guests(PolicyConditions.GuestsOrExternalUsers g) {
        if (g == null || g.guestOrExternalUserTypes().isEmpty()) {
            return null;
        }
        Set<String> types = g.guestOrExternalUserTypes().stream().map(Subject::lower).filter(t -> t != null)
                .collect(Collectors.toUnmodifiableSet());
        String kind = Subject.lower(g.membershipKind());
        Set<String> tenants = g.tenantIds().stream().map(Subject::lower).filter(t -> t != null)
                .collect(Collectors.toUnmodifiableSet());
        String text = "guest or external users of type " + String.join(", ", g.guestOrExternalUserTypes())
                + ("enumerated".equals(kind) ? " from tenant " + Names.list(g.tenantIds(), t -> t) : " from any tenant");
        return new Guests(types, kind, tenants, text);
    }

    private static String describe(Side s) {
        List<String> parts = new ArrayList<>();
        if (s.all) {
            parts.add("All users");
        }
        if (s.none) {
            parts.add("None");
        }
        if (s.guestsKeyword) {
            parts.add("all guest or external users");
        }
        if (!s.users.isEmpty()) {
            parts.add(Names.list(s.users, Ref::label));
        }
        if (!s.groups.isEmpty()) {
            parts.add(Names.list(s.groups, Ref::label));
        }
        if (!s.roles.isEmpty()) {
            parts.add(Names.list(s.roles, Ref::label));
        }
        if (s.guests != null) {
            parts.add(s.guests.text);
        }
        return String.join(", ", parts);
    }

    @Override
    public Condition condition() {
        return Condition.USERS;
    }

    @Override
    public ConditionVerdict evaluate(Subject s) {
        String value = value(s);
        if (s.workload) {
            return workloadPolicy
                    ? new ConditionVerdict(Condition.USERS, configured, value, Verdict.NOT_CONFIGURED,
                            "a workload identity sign-in: this policy targets workload identities, not users")
                    : new ConditionVerdict(Condition.USERS, configured, value, Verdict.NOT_SATISFIED,
                            "a workload identity (service principal) sign-in: this policy targets users");
        }
        Match inc = match(include, s, true);
        Match exc = match(exclude, s, false);
        return IncludeExclude.verdict(Condition.USERS, configured, value, inc, exc, !exclude.isEmpty(),
                this::notIncluded, s);
    }

    private String notIncluded() {
        if (workloadPolicy && !include.all && include.users.isEmpty() && include.groups.isEmpty() && include.roles.isEmpty()
                && include.guests == null && !include.guestsKeyword) {
            return "not included: the policy targets workload identities and includes no users";
        }
        if (include.isEmpty() || include.none && !include.all && include.users.isEmpty() && include.groups.isEmpty()
                && include.roles.isEmpty() && include.guests == null && !include.guestsKeyword) {
            return "not included: the policy includes no users (None)";
        }
        List<String> parts = new ArrayList<>();
        if (!include.users.isEmpty()) {
            parts.add("is not one of the included users");
        }
        if (!include.groups.isEmpty()) {
            parts.add("is not a member of the included groups");
        }
        if (!include.roles.isEmpty()) {
            parts.add("holds none of the included roles");
        }
        if (include.guests != null || include.guestsKeyword) {
            parts.add("is not an included guest or external user");
        }
        return "not included: the user " + String.join(", ", parts);
    }

    private static Match match(Side side, Subject s, boolean including) {
        Match m = new Match();
        if (side.all) {
            m.yes(including ? "included as All users" : "excluded: All users");
        }
        if (!m.matched() && side.guestsKeyword) {
            if (s.guestType == null) {
                m.unknown("whether the user is a guest or external user is unknown", "guest or external user type of the user");
            } else if (!s.guestType.equals("none")) {
                m.yes(including ? "included as a guest or external user (" + s.facts.guestOrExternalUserType() + ")"
                        : "excluded: a guest or external user (" + s.facts.guestOrExternalUserType() + ")");
            }
        }
        if (!m.matched() && !side.users.isEmpty()) {
            users(side, s, including, m);
        }
        if (!m.matched() && !side.groups.isEmpty()) {
            groups(side, s, including, m);
        }
        if (!m.matched() && !side.roles.isEmpty()) {
            roles(side, s, including, m);
        }
        if (!m.matched() && side.guests != null) {
            guests(side.guests, s, including, m);
        }
        return m;
    }

    private static void users(Side side, Subject s, boolean including, Match m) {
        if (s.userId == null) {
            m.unknown("the user's object id is unknown (the policy names users by id)", "the user's object id");
            return;
        }
        for (Ref r : side.users) {
            if (r.id.equals(s.userId)) {
                m.yes(including ? "included as " + r.label : "excluded: " + r.label);
                return;
            }
        }
    }

    private static void groups(Side side, Subject s, boolean including, Match m) {
        for (Ref g : side.groups) {
            if (s.groups != null && s.groups.contains(g.id)) {
                m.yes(including ? "included through " + g.label : "excluded: member of " + g.label);
                return;
            }
        }
        for (Ref g : side.groups) {
            if (g.placeholder()) {
                m.unknown("the policy names " + g.label + " instead of a group id",
                        "group ids instead of the placeholders in the policies (re-export them from the tenant)");
                return;
            }
        }
        if (s.groups == null) {
            m.unknown("the user's group membership is unknown (" + (s.userInSnapshot ? "the snapshot gives none"
                    : "the user is not in the snapshot") + " and the facts give no groups)",
                    "group membership of the user");
        }
    }

    private static void roles(Side side, Subject s, boolean including, Match m) {
        if (s.roles == null) {
            m.unknown("the user's directory roles are unknown (" + (s.userInSnapshot ? "the snapshot gives none"
                    : "the user is not in the snapshot") + " and the facts give no roles)", "directory roles of the user");
            return;
        }
        for (Ref r : side.roles) {
            if (s.roles.contains(r.id)) {
                m.yes(including ? "included through " + r.label : "excluded: holds " + r.label);
                return;
            }
        }
    }

    private static void guests(Guests g, Subject s, boolean including, Match m) {
        if (s.guestType == null) {
            m.unknown("the user's guest or external user type is unknown", "guest or external user type of the user");
            return;
        }
        if (s.guestType.equals("none") || !g.types.contains(s.guestType)) {
            return;
        }
        String type = s.facts.guestOrExternalUserType();
        String lead = including ? "included as " : "excluded: ";
        if (s.guestType.equals("internalguest") || g.kind == null || g.kind.equals("all")) {
            m.yes(lead + "guest or external user of type " + type);
            return;
        }
        if (s.homeTenant == null) {
            m.unknown("the external user's home tenant is unknown (the policy names tenants)", "home tenant of the external user");
            return;
        }
        if (g.tenants.contains(s.homeTenant)) {
            m.yes(lead + "guest or external user of type " + type + " from tenant " + s.facts.homeTenantId());
        }
    }

    private String value(Subject s) {
        if (s.workload) {
            return s.userBase();
        }
        boolean policyHasGroups = !include.groups.isEmpty() || !exclude.groups.isEmpty();
        boolean policyHasRoles = !include.roles.isEmpty() || !exclude.roles.isEmpty();
        if (!policyHasGroups && !policyHasRoles) {
            return s.userBase() + "; " + s.groupsKnownLabel();
        }
        StringBuilder b = new StringBuilder(s.userBase());
        List<String> in = new ArrayList<>();
        if (s.groups != null && policyHasGroups) {
            for (Ref g : include.groups) {
                if (s.groups.contains(g.id)) {
                    in.add(g.label);
                }
            }
            for (Ref g : exclude.groups) {
                if (s.groups.contains(g.id)) {
                    in.add(g.label);
                }
            }
        }
        b.append("; ");
        if (!in.isEmpty()) {
            b.append("in ").append(String.join(", ", in)).append(" (").append(s.groupsKnownLabel()).append(')');
        } else {
            b.append(s.groupsKnownLabel());
        }
        if (!include.roles.isEmpty() || !exclude.roles.isEmpty()) {
            if (s.roles == null) {
                b.append("; roles unknown");
            } else {
                List<String> held = new ArrayList<>();
                for (Ref r : include.roles) {
                    if (s.roles.contains(r.id)) {
                        held.add(r.label);
                    }
                }
                for (Ref r : exclude.roles) {
                    if (s.roles.contains(r.id)) {
                        held.add(r.label);
                    }
                }
                b.append(held.isEmpty() ? "; holds none of the roles the policy names" : "; holds " + String.join(", ", held));
            }
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return "UsersCheck[" + configured + "]";
    }
}
