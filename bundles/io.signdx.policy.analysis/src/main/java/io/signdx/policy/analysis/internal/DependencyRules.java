package io.signdx.policy.analysis.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import io.signdx.api.tenant.ConditionalAccessPolicy;
import io.signdx.api.tenant.TenantContext;
import io.signdx.api.tenant.TenantPart;
import io.signdx.policy.LintFinding;
import io.signdx.policy.LintFinding.Severity;
import io.signdx.policy.analysis.internal.ServiceDependencies.Dependency;
import io.signdx.policy.analysis.internal.ServiceDependencies.Service;

/**
 * Service dependencies: a policy that targets one side of a documented dependency and not the other.
 * <ul>
 * <li>It covers the downstream service but not the app that calls it (a policy on SharePoint, not on
 * Teams): users of the calling app meet the policy anyway, at its sign-in (early-bound) or when it reaches
 * the service (late-bound), and do not expect it.</li>
 * <li>It covers the calling app but not the service behind it (a policy on Teams, not on Exchange): the
 * data the app shows stays reachable straight through the service without the control.</li>
 * </ul>
 * A side counts as covered when another policy in the same mode, for the same users, with the same grant,
 * covers it ("covered alike"). Apps the snapshot shows are absent from the tenant are left out.
 */
final class DependencyRules {
    static final String CALLER_NOT_COVERED = "service-dependency-caller-not-covered";
    static final String RESOURCE_NOT_COVERED = "service-dependency-resource-not-covered";

    private final TenantContext tenant;
    private final boolean knowsApps;

    DependencyRules(TenantContext tenant) {
        this.tenant = tenant;
        this.knowsApps = tenant.parts().contains(TenantPart.SERVICE_PRINCIPALS) && !tenant.servicePrincipals().isEmpty();
    }

    List<LintFinding> check(List<ConditionalAccessPolicy> active) {
        List<LintFinding> out = new ArrayList<>();
        for (ConditionalAccessPolicy p : active) {
            if (!PolicyShape.grants(p) || p.conditions().applications() == null) {
                continue;
            }
            Set<String> callers = new LinkedHashSet<>();
            Set<String> resources = new LinkedHashSet<>();
            Severity callerSeverity = Severity.LOW;
            Severity resourceSeverity = Severity.LOW;
            for (Dependency d : ServiceDependencies.ALL) {
                if (!present(d.caller()) || !present(d.downstream())) {
                    continue;
                }
                boolean coversCaller = d.caller().coveredBy(p.conditions().applications(), tenant);
                boolean coversDownstream = d.downstream().coveredBy(p.conditions().applications(), tenant);
                if (coversDownstream && !coversCaller && !coveredAlike(p, d.caller(), active)) {
                    callers.add(describe(d.caller(), d.downstream(), d.earlyBound()));
                    Severity s = !d.earlyBound() ? Severity.LOW : p.blocks() ? Severity.HIGH : Severity.MEDIUM;
                    callerSeverity = s.compareTo(callerSeverity) < 0 ? s : callerSeverity;
                } else if (coversCaller && !coversDownstream && !coveredAlike(p, d.downstream(), active)) {
                    resources.add(describe(d.caller(), d.downstream(), d.earlyBound()));
                    Severity s = d.earlyBound() ? Severity.MEDIUM : Severity.LOW;
                    resourceSeverity = s.compareTo(resourceSeverity) < 0 ? s : resourceSeverity;
                }
            }
            String name = PolicyShape.quote(p.label());
            String grant = PolicyShape.grantWords(p);
            if (!callers.isEmpty()) {
                out.add(new LintFinding(CALLER_NOT_COVERED, callerSeverity, List.of(String.valueOf(p.id())),
                        List.of(String.valueOf(p.label())),
                        "The policy " + name + " ('" + grant + "') targets services that other apps call for the "
                                + "user, but not those apps: " + String.join("; ", callers) + ". Users of those apps "
                                + "meet this policy anyway, early-bound at their sign-in to the app, late-bound when "
                                + "the app reaches the service" + (p.blocks() ? ", and early-bound callers stop "
                                        + "working altogether" : "") + ".",
                        "Target the calling apps alike (the same users, the same grant), or target the Office 365 app "
                                + "group instead of single Microsoft 365 services, so that the whole chain gets one "
                                + "consistent policy.", List.of()));
            }
            if (!resources.isEmpty()) {
                out.add(new LintFinding(RESOURCE_NOT_COVERED, resourceSeverity, List.of(String.valueOf(p.id())),
                        List.of(String.valueOf(p.label())),
                        "The policy " + name + " ('" + grant + "') targets apps without the services they depend on: "
                                + String.join("; ", resources) + ". The data these apps show stays reachable through "
                                + "the services themselves (e.g. mail through Exchange, files through SharePoint) "
                                + "without this control.",
                        "Target the downstream services alike (the same users, the same grant), or target the Office "
                                + "365 app group instead of single Microsoft 365 services.", List.of()));
            }
        }
        return out;
    }

    /** False only when the snapshot lists the tenant's apps and this one is not among them. */
    private boolean present(Service s) {
        return !knowsApps || s.inTenant(tenant);
    }

    private boolean coveredAlike(ConditionalAccessPolicy p, Service s, List<ConditionalAccessPolicy> active) {
        for (ConditionalAccessPolicy other : active) {
            if (other != p && other.reportOnly() == p.reportOnly()
                    && Objects.equals(other.conditions().users(), p.conditions().users())
                    && PolicyShape.grantSignature(other).equals(PolicyShape.grantSignature(p))
                    && s.coveredBy(other.conditions().applications(), tenant)) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Service caller, Service downstream, boolean earlyBound) {
        return caller.name() + " calls " + downstream.name() + " (" + (earlyBound ? "early-bound" : "late-bound") + ")";
    }
}
