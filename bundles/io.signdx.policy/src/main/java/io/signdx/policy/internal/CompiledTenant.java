package io.signdx.policy.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.signdx.api.tenant.ConditionalAccessPolicy;
import io.signdx.api.tenant.NamedLocation;
import io.signdx.api.tenant.TenantContext;
import io.signdx.api.tenant.TenantPart;
import io.signdx.policy.internal.rule.ParsedRule;

/**
 * The policies of one tenant snapshot, compiled once and reused for every sign-in evaluated against
 * it. Immutable.
 */
final class CompiledTenant {
    private static final Logger LOG = LoggerFactory.getLogger(CompiledTenant.class);

    final List<CompiledPolicy> policies;
    final boolean hasPolicies;
    private final List<ConditionalAccessPolicy> policySource;
    private final List<NamedLocation> locationSource;

    private CompiledTenant(List<CompiledPolicy> policies, boolean hasPolicies, List<ConditionalAccessPolicy> policySource,
            List<NamedLocation> locationSource) {
        this.policies = List.copyOf(policies);
        this.hasPolicies = hasPolicies;
        this.policySource = policySource;
        this.locationSource = locationSource;
    }

    static CompiledTenant compile(TenantContext tenant, KnownIds known, Function<String, ParsedRule> rules) {
        List<ConditionalAccessPolicy> policies = tenant.policies();
        List<NamedLocation> locations = tenant.namedLocations();
        Map<String, CompiledLocation> byId = new HashMap<>();
        List<CompiledLocation> trusted = new ArrayList<>();
        for (NamedLocation l : locations) {
            if (l == null || l.id() == null) {
                continue;
            }
            CompiledLocation c = CompiledLocation.of(l);
            byId.put(l.id().trim().toLowerCase(Locale.ROOT), c);
            if (c.isIp() && c.trusted()) {
                trusted.add(c);
            }
        }
        List<CompiledPolicy> compiled = new ArrayList<>(policies.size());
        for (ConditionalAccessPolicy p : policies) {
            if (p == null) {
                continue;
            }
            try {
                compiled.add(CompiledPolicy.compile(p, tenant, known, Map.copyOf(byId), List.copyOf(trusted), rules));
            } catch (RuntimeException e) {
                // a policy the compiler cannot read must not take the other policies down
                LOG.warn("Conditional Access policy {} could not be compiled; every condition stays undecided", p.id(), e);
                compiled.add(CompiledPolicy.unreadable(p, e, known));
            }
        }
        boolean has = tenant.parts().contains(TenantPart.CONDITIONAL_ACCESS_POLICIES) || !policies.isEmpty();
        return new CompiledTenant(compiled, has, policies, locations);
    }

    /** True when the tenant still holds the policies and locations this was compiled from. */
    boolean compiledFrom(TenantContext tenant) {
        List<ConditionalAccessPolicy> p = tenant.policies();
        List<NamedLocation> l = tenant.namedLocations();
        return (p == policySource || p.equals(policySource)) && (l == locationSource || l.equals(locationSource));
    }
}
