package io.signdx.policy.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.signdx.api.tenant.ConditionalAccessPolicy;
import io.signdx.api.tenant.PolicyConditions;
import io.signdx.api.tenant.TenantContext;
import io.signdx.policy.Condition;
import io.signdx.policy.ConditionVerdict;
import io.signdx.policy.PolicyEvaluation;
import io.signdx.policy.Verdict;
import io.signdx.policy.internal.rule.ParsedRule;

/** One policy compiled once per snapshot: a check for every {@link Condition}, its grant and session. Immutable. */
final class CompiledPolicy {
    final ConditionalAccessPolicy policy;
    final PolicyGrant grant;
    final PolicySession session;
    private final List<Check> checks;

    private CompiledPolicy(ConditionalAccessPolicy policy, List<Check> checks, PolicyGrant grant, PolicySession session) {
        this.policy = policy;
        this.checks = List.copyOf(checks);
        this.grant = grant;
        this.session = session;
    }

    static CompiledPolicy compile(ConditionalAccessPolicy p, TenantContext tenant, KnownIds known,
            Map<String, CompiledLocation> locations, List<CompiledLocation> trusted, Function<String, ParsedRule> rules) {
        PolicyConditions c = p.conditions();
        boolean workload = WorkloadCheck.targetsWorkloads(c.clientApplications());
        List<Check> checks = new ArrayList<>(Condition.values().length);
        for (Condition cond : Condition.values()) {
            checks.add(switch (cond) {
                case USERS -> UsersCheck.compile(c.users(), workload, tenant, known);
                case WORKLOAD_IDENTITIES -> WorkloadCheck.compile(c.clientApplications(), tenant);
                case APPLICATIONS -> ApplicationsCheck.compile(c.applications(), tenant, known);
                case USER_ACTIONS -> UserActionsCheck.compile(c.applications());
                case AUTHENTICATION_CONTEXTS -> AuthenticationContextsCheck.compile(c.applications());
                case PLATFORMS -> PlatformsCheck.compile(c.platforms());
                case LOCATIONS -> LocationsCheck.compile(c.locations(), locations, trusted);
                case CLIENT_APP_TYPES -> ClientAppsCheck.compile(c.clientAppTypes());
                case SIGN_IN_RISK -> LevelsCheck.compile(cond, c.signInRiskLevels(), s -> s.facts.signInRisk(), "sign-in risk");
                case USER_RISK -> LevelsCheck.compile(cond, c.userRiskLevels(), s -> s.facts.userRisk(), "user risk");
                case SERVICE_PRINCIPAL_RISK -> LevelsCheck.compile(cond, c.servicePrincipalRiskLevels(),
                        s -> s.facts.servicePrincipalRisk(), "service principal risk");
                case INSIDER_RISK -> LevelsCheck.compile(cond, c.insiderRiskLevels(), s -> s.facts.insiderRisk(), "insider risk");
                case AUTHENTICATION_FLOWS -> LevelsCheck.compile(cond, c.authenticationFlowTransferMethods(),
                        s -> s.facts.authenticationFlow(), "authentication flow");
                case DEVICE_FILTER -> DeviceFilterCheck.compile(c.devices(), rules);
            });
        }
        return new CompiledPolicy(p, checks, PolicyGrant.of(p, known), PolicySession.of(p));
    }

    /** A policy the compiler could not read: every condition undecided, naming the problem. */
    static CompiledPolicy unreadable(ConditionalAccessPolicy p, RuntimeException e, KnownIds known) {
        String why = "SignDx could not read this policy (" + e.getClass().getSimpleName() + ")";
        List<Check> checks = new ArrayList<>();
        for (Condition cond : Condition.values()) {
            checks.add(new Check() {
                @Override
                public Condition condition() {
                    return cond;
                }

                @Override
                public ConditionVerdict evaluate(Subject s) {
                    s.missing("a readable policy " + p.label());
                    return new ConditionVerdict(cond, "unreadable", "", Verdict.NOT_ENOUGH_INFORMATION, why);
                }
            });
        }
        PolicyGrant grant;
        PolicySession session;
        try {
            grant = PolicyGrant.of(p, known);
            session = PolicySession.of(p);
        } catch (RuntimeException again) {
            grant = PolicyGrant.of(new ConditionalAccessPolicy(p.id(), p.displayName(), p.state(), null, null, null,
                    p.origin()), known);
            session = PolicySession.of(new ConditionalAccessPolicy(p.id(), p.displayName(), p.state(), null, null, null,
                    p.origin()));
        }
        return new CompiledPolicy(p, checks, grant, session);
    }

    boolean enabled() {
        return policy.enabled();
    }

    boolean reportOnly() {
        return policy.reportOnly();
    }

    /** Every condition against the sign-in; a disabled policy is evaluated too but never applies. */
    PolicyEvaluation evaluate(Subject s) {
        ConditionVerdict[] verdicts = new ConditionVerdict[checks.size()];
        boolean notSatisfied = false;
        boolean open = false;
        boolean on = enabled() || reportOnly();
        for (int i = 0; i < verdicts.length; i++) {
            ConditionVerdict v = checks.get(i).evaluate(s);
            verdicts[i] = v;
            notSatisfied |= v.verdict() == Verdict.NOT_SATISFIED;
            open |= v.verdict() == Verdict.NOT_ENOUGH_INFORMATION;
        }
        Boolean applies = !on || notSatisfied ? Boolean.FALSE : open ? null : Boolean.TRUE;
        s.endPolicy(applies == null);
        // an immutable list, which PolicyEvaluation keeps as it is instead of copying again
        return new PolicyEvaluation(policy, applies, List.of(verdicts), grant.text, session.texts);
    }
}
