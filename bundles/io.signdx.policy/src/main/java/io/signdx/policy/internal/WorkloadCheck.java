package io.signdx.policy.internal;

import java.util.ArrayList;
import java.util.List;

import io.signdx.api.tenant.PolicyConditions;
import io.signdx.api.tenant.TenantContext;
import io.signdx.policy.Condition;
import io.signdx.policy.ConditionVerdict;
import io.signdx.policy.Verdict;

/**
 * Workload identities (service principals) a policy targets. A user sign-in is never in scope of such
 * a policy, and managed identities are outside Conditional Access altogether.
 */
final class WorkloadCheck implements Check {
    private static final String ALL_IN_TENANT = "serviceprincipalsinmytenant";

    private record Side(boolean allInTenant, List<String> ids, List<String> labels, boolean filter) {
        boolean isEmpty() {
            return !allInTenant && ids.isEmpty() && !filter;
        }
    }

    private final Side include;
    private final Side exclude;
    private final String configured;

    private WorkloadCheck(Side include, Side exclude, String configured) {
        this.include = include;
        this.exclude = exclude;
        this.configured = configured;
    }

    /** True when the policy targets workload identities rather than users. */
    static boolean targetsWorkloads(PolicyConditions.ClientApplications apps) {
        return apps != null && (!apps.includeServicePrincipals().isEmpty() || apps.servicePrincipalFilter() != null
                && "include".equalsIgnoreCase(apps.servicePrincipalFilter().mode()));
    }

    static Check compile(PolicyConditions.ClientApplications apps, TenantContext tenant) {
        if (!targetsWorkloads(apps)) {
            return new NotConfigured(Condition.WORKLOAD_IDENTITIES, "not configured", WorkloadCheck::value);
        }
        PolicyConditions.Filter f = apps.servicePrincipalFilter();
        boolean includeFilter = f != null && "include".equalsIgnoreCase(f.mode());
        boolean excludeFilter = f != null && !includeFilter;
        Side inc = side(apps.includeServicePrincipals(), includeFilter, tenant);
        Side exc = side(apps.excludeServicePrincipals(), excludeFilter, tenant);
        String text = "include: " + describe(inc, f) + (exc.isEmpty() ? "" : "; exclude: " + describe(exc, f));
        return new WorkloadCheck(inc, exc, text);
    }

    private static Side side(List<String> values, boolean filter, TenantContext tenant) {
        boolean all = false;
        List<String> ids = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (String v : values) {
            String l = Subject.lower(v);
            if (l == null) {
                continue;
            }
            if (l.equals(ALL_IN_TENANT)) {
                all = true;
            } else {
                ids.add(l);
                labels.add("service principal " + Names.servicePrincipal(v.trim(), tenant));
            }
        }
        return new Side(all, ids, labels, filter);
    }

    private static String describe(Side s, PolicyConditions.Filter f) {
        List<String> parts = new ArrayList<>();
        if (s.allInTenant) {
            parts.add("all service principals in the tenant");
        }
        if (!s.labels.isEmpty()) {
            parts.add(Names.list(s.labels, x -> x));
        }
        if (s.filter) {
            parts.add("service principals matching the filter " + f.rule());
        }
        return String.join(", ", parts);
    }

    @Override
    public Condition condition() {
        return Condition.WORKLOAD_IDENTITIES;
    }

    @Override
    public ConditionVerdict evaluate(Subject s) {
        String value = value(s);
        if (!s.workload) {
            return new ConditionVerdict(Condition.WORKLOAD_IDENTITIES, configured, value, Verdict.NOT_SATISFIED,
                    "a user sign-in is not in scope of a policy for workload identities");
        }
        if (s.managedIdentity) {
            return new ConditionVerdict(Condition.WORKLOAD_IDENTITIES, configured, value, Verdict.NOT_SATISFIED,
                    "a managed identity: Conditional Access for workload identities does not cover managed identities");
        }
        return IncludeExclude.verdict(Condition.WORKLOAD_IDENTITIES, configured, value, match(include, s, true),
                match(exclude, s, false), !exclude.isEmpty(),
                () -> "not included: the service principal is not among the included ones", s);
    }

    private static Match match(Side side, Subject s, boolean including) {
        Match m = new Match();
        if (side.allInTenant) {
            m.yes(including ? "included as a service principal in the tenant (policies for workload identities "
                    + "cover single-tenant service principals registered in the tenant)" : "excluded: all service principals");
        }
        if (!m.matched() && !side.ids.isEmpty()) {
            if (s.servicePrincipalId == null) {
                m.unknown("the service principal's id is unknown", "the service principal id");
            } else {
                for (int i = 0; i < side.ids.size(); i++) {
                    String id = side.ids.get(i);
                    if (id.equals(s.servicePrincipalId) || id.equals(s.servicePrincipalAppId)) {
                        m.yes((including ? "included as " : "excluded: ") + side.labels.get(i));
                        break;
                    }
                }
            }
        }
        if (!m.matched() && side.filter) {
            m.unknown("the filter reads custom security attributes of service principals, which a snapshot does not hold",
                    "custom security attributes of service principals (service principal filter)");
        }
        return m;
    }

    private static String value(Subject s) {
        return s.workload ? s.userLabel() + (s.managedIdentity ? " (managed identity)" : "") : "a user sign-in";
    }
}
