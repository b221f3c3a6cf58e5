package io.signdx.policy.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.signdx.api.tenant.PolicyConditions;
import io.signdx.api.tenant.TenantContext;
import io.signdx.policy.Condition;
import io.signdx.policy.ConditionVerdict;
import io.signdx.policy.Verdict;

/**
 * Target resources: {@code All}, {@code None}, app ids, the app groups {@code Office365} and
 * {@code MicrosoftAdminPortals}, include and exclude, and the application filter (custom security
 * attributes, which a snapshot does not hold). The app evaluated is the resource the sign-in asked a
 * token for, as Conditional Access targets resources, not clients.
 */
final class ApplicationsCheck implements Check {
    private record Ref(String id, String label) {
    }

    private record AppGroup(String key, String label, Set<String> members) {
    }

    private record Side(boolean all, boolean none, List<Ref> apps, List<AppGroup> groups, List<String> unknownWords,
            boolean filter) {
        boolean isEmpty() {
            return !all && !none && apps.isEmpty() && groups.isEmpty() && unknownWords.isEmpty() && !filter;
        }
    }

    private final Side include;
    private final Side exclude;
    private final String configured;

    private ApplicationsCheck(Side include, Side exclude, String configured) {
        this.include = include;
        this.exclude = exclude;
        this.configured = configured;
    }

    /** True when the policy targets resources (apps) rather than user actions or authentication contexts. */
    static boolean targetsApps(PolicyConditions.Applications a) {
        return a != null && (!a.includeApplications().isEmpty() || !a.excludeApplications().isEmpty()
                || a.applicationFilter() != null && !Subject.blank(a.applicationFilter().rule()));
    }

    static Check compile(PolicyConditions.Applications a, TenantContext tenant, KnownIds known) {
        if (!targetsApps(a)) {
            return new NotConfigured(Condition.APPLICATIONS, "not configured", Subject::appLabel);
        }
        PolicyConditions.Filter f = a.applicationFilter();
        boolean hasFilter = f != null && !Subject.blank(f.rule());
        boolean includeFilter = hasFilter && !"exclude".equalsIgnoreCase(f.mode());
        Side inc = side(a.includeApplications(), includeFilter, tenant, known);
        Side exc = side(a.excludeApplications(), hasFilter && !includeFilter, tenant, known);
        String text = "include: " + (inc.isEmpty() ? "nothing" : describe(inc, f))
                + (exc.isEmpty() ? "" : "; exclude: " + describe(exc, f));
        return new ApplicationsCheck(inc, exc, text);
    }

    private static Side side(List<String> values, boolean filter, TenantContext tenant, KnownIds known) {
        boolean all = false;
        boolean none = false;
        List<Ref> apps = new ArrayList<>();
        List<AppGroup> groups = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String v : values) {
            String l = Subject.lower(v);
            if (l == null) {
                continue;
            }
            switch (l) {
                case "all" -> all = true;
                case "none" -> none = true;
                case KnownIds.OFFICE_365 -> groups.add(new AppGroup(l, "Office 365", known.group(l)));
                case KnownIds.ADMIN_PORTALS -> groups.add(new AppGroup(l, "Microsoft Admin Portals", known.group(l)));
                default -> {
                    if (looksLikeId(l)) {
                        apps.add(new Ref(l, Names.app(v.trim(), tenant, known)));
                    } else {
                        unknown.add(v.trim());
                    }
                }
            }
        }
        return new Side(all, none, apps, groups, unknown, filter);
    }

    /** App ids are GUIDs; anything else is an app group or keyword this version does not know. */
    private static boolean looksLikeId(String v) {
        return v.length() == 36 && v.chars().allMatch(c -> c == '-' || Character.digit(c, 16) >= 0);
    }

    private static String describe(Side s, PolicyConditions.Filter f) {
        List<String> parts = new ArrayList<>();
        if (s.all) {
            parts.add("All resources");
        }
        if (s.none) {
            parts.add("None");
        }
        for (AppGroup g : s.groups) {
            parts.add(g.label + " (app group)");
        }
        if (!s.apps.isEmpty()) {
            parts.add(Names.list(s.apps, Ref::label));
        }
        for (String w : s.unknownWords) {
            parts.add(w + " (an app group SignDx does not know)");
        }
        if (s.filter) {
            parts.add("apps matching the filter " + f.rule());
        }
        return String.join(", ", parts);
    }

    @Override
    public Condition condition() {
        return Condition.APPLICATIONS;
    }

    @Override
    public ConditionVerdict evaluate(Subject s) {
        String value = s.appLabel();
        if (s.userAction != null && s.appId == null) {
            return new ConditionVerdict(Condition.APPLICATIONS, configured, "user action " + s.facts.userAction(),
                    Verdict.NOT_SATISFIED, "the sign-in is the user action " + s.facts.userAction()
                            + ", not access to a resource: policies on resources do not apply to it");
        }
        return IncludeExclude.verdict(Condition.APPLICATIONS, configured, value, match(include, s, true),
                match(exclude, s, false), !exclude.isEmpty(), () -> notIncluded(s), s);
    }

    private String notIncluded(Subject s) {
        if (include.none && !include.all && include.apps.isEmpty() && include.groups.isEmpty()) {
            return "not included: the policy includes no resources (None)";
        }
        StringBuilder b = new StringBuilder("not included: ").append(s.appLabel()).append(" is not among the included resources");
        for (AppGroup g : include.groups) {
            b.append("; it is not in SignDx's list of the ").append(g.label).append(" group (")
                    .append(g.members.size()).append(" apps as Microsoft documents the group)");
        }
        return b.toString();
    }

    private static Match match(Side side, Subject s, boolean including) {
        Match m = new Match();
        String lead = including ? "included: " : "excluded: ";
        if (side.all) {
            m.yes(including ? "included: All resources" : "excluded: All resources");
        }
        if (!m.matched() && !side.none && (!side.apps.isEmpty() || !side.groups.isEmpty()) && s.appId == null) {
            m.unknown("the application is unknown", "the application (resource) signed in to");
        }
        if (!m.matched() && s.appId != null) {
            for (Ref r : side.apps) {
                if (r.id.equals(s.appId)) {
                    m.yes(lead + "app " + r.label);
                    break;
                }
            }
            for (AppGroup g : side.groups) {
                if (!m.matched() && g.members.contains(s.appId)) {
                    m.yes(lead + s.appLabel() + " is part of " + g.label);
                }
            }
        }
        if (!m.matched() && !side.unknownWords.isEmpty()) {
            m.unknown("the policy names " + side.unknownWords.get(0) + ", which SignDx does not know",
                    "the members of the app group " + side.unknownWords.get(0));
        }
        if (!m.matched() && side.filter) {
            m.unknown("the application filter reads custom security attributes of apps, which a snapshot does not hold",
                    "custom security attributes of applications (application filter)");
        }
        return m;
    }
}
