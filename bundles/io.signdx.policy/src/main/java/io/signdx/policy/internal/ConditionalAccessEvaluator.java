package io.signdx.policy.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

import org.osgi.service.component.annotations.Component;

import io.signdx.api.tenant.TenantContext;
import io.signdx.policy.Evaluation;
import io.signdx.policy.Grant;
import io.signdx.policy.PolicyEvaluation;
import io.signdx.policy.PolicyEvaluator;
import io.signdx.policy.SignInFacts;
import io.signdx.policy.internal.rule.ParsedRule;
import io.signdx.policy.internal.rule.RuleParser;

/**
 * The offline What If: every policy of a snapshot against one sign-in, a verdict for every condition,
 * then the combined grant and session controls. Policies are compiled once per snapshot (names resolved,
 * IP ranges and device filter rules parsed) and kept in a small weak cache keyed by the
 * {@link TenantContext} instance, so a replay of thousands of sign-ins against one snapshot compiles it
 * once. Thread-safe.
 *
 * <p>How facts are read, beyond {@link SignInFacts}' own contract:
 * <ul>
 * <li>Memberships, user type and object id missing from the facts come from the snapshot's user (looked
 * up by id, else UPN); the completed facts are {@link Evaluation#facts()}.</li>
 * <li>The guest or external user type, when the facts do not give it, is derived from the user type and
 * the directory's UPN ({@code #EXT#}: B2B collaboration guest or member; a guest without it in the
 * directory: internal guest; a member without it: {@code none}); otherwise it stays unknown and only
 * matters where a policy names guest types.</li>
 * <li>A country of {@code unknown} means Microsoft could not map the IP address to a country; a private
 * or reserved address maps to none either. A missing country for a public address is unknown, so
 * locations "including unknown countries" are not guessed.</li>
 * <li>A platform of {@code unknown} is one Entra does not recognise: covered by {@code all} only.</li>
 * <li>Device properties: an empty map is an unregistered device (every property null); in a non-empty
 * map a property that is absent is unknown and an empty string is a property that is not set;
 * {@code isManaged} tells whether extension attributes are available; collections (physicalIds,
 * systemLabels) are a list literal {@code ["a","b"]} or comma separated.</li>
 * <li>The MFA service's trusted IPs are not in a snapshot: {@code AllTrusted} means the trusted IP named
 * locations.</li>
 * </ul>
 */
@Component(service = PolicyEvaluator.class)
public final class ConditionalAccessEvaluator implements PolicyEvaluator {
    /** Snapshots kept compiled at once; a CLI or console holds one or two (before / after a change). */
    static final int MAX_TENANTS = 8;
    /** Parsed rules kept by text; far above the number of distinct filters a tenant has. */
    static final int MAX_RULES = 512;

    private final KnownIds known;
    private final Map<TenantContext, CompiledTenant> tenants = new WeakHashMap<>();
    private final Map<String, ParsedRule> rules = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ParsedRule> eldest) {
            return size() > MAX_RULES;
        }
    };

    /** The evaluator with the well-known ids shipped in the bundle. */
    public ConditionalAccessEvaluator() {
        this.known = KnownIds.load();
    }

    @Override
    public Evaluation evaluate(SignInFacts facts, TenantContext tenant) {
        if (facts == null) {
            throw new IllegalArgumentException("facts must not be null (use SignInFacts.builder() for an unknown sign-in)");
        }
        TenantContext t = tenant == null ? TenantContext.empty() : tenant;
        CompiledTenant compiled = compiled(t);
        Subject s = Subject.of(facts, t, known);
        List<PolicyEvaluation> evaluations = new ArrayList<>(compiled.policies.size());
        List<Grants.Part> enforced = new ArrayList<>();
        List<Grants.Part> reportOnly = new ArrayList<>();
        List<PolicySession> sessions = new ArrayList<>();
        Set<String> missing = new LinkedHashSet<>();
        for (CompiledPolicy p : compiled.policies) {
            PolicyEvaluation e = p.evaluate(s);
            evaluations.add(e);
            if (p.enabled()) {
                enforced.add(new Grants.Part(p.grant, e.applies()));
                if (Boolean.TRUE.equals(e.applies()) && !p.session.isEmpty()) {
                    sessions.add(p.session);
                } else if (e.applies() == null && !p.session.isEmpty()) {
                    missing.add("whether policy " + p.policy.label() + " applies (its session controls may add to the ones listed)");
                }
            } else if (p.reportOnly()) {
                reportOnly.add(new Grants.Part(p.grant, e.applies()));
            }
        }
        Grant grant = Grants.combine(enforced);
        Grant reportOnlyGrant = Grants.combine(reportOnly);
        if (!compiled.hasPolicies) {
            missing.add("the Conditional Access policies (the snapshot has none: nothing was evaluated)");
        }
        Set<String> all = new LinkedHashSet<>(s.missing);
        all.addAll(missing);
        return new Evaluation(s.facts, evaluations, grant, reportOnlyGrant, PolicySession.combine(sessions),
                s.recorded == null ? List.of() : Disagreements.of(s.recorded, evaluations), List.copyOf(all));
    }

    private CompiledTenant compiled(TenantContext tenant) {
        synchronized (tenants) {
            CompiledTenant c = tenants.get(tenant);
            if (c != null && c.compiledFrom(tenant)) {
                return c;
            }
        }
        // compiled outside the lock: two threads may both compile a new snapshot, which costs time, never correctness
        CompiledTenant c = CompiledTenant.compile(tenant, known, this::rule);
        synchronized (tenants) {
            if (tenants.size() >= MAX_TENANTS) {
                tenants.clear();
            }
            tenants.put(tenant, c);
        }
        return c;
    }

    /** The parsed rule for a rule text, parsed once. */
    ParsedRule rule(String text) {
        synchronized (rules) {
            ParsedRule r = rules.get(text);
            if (r != null) {
                return r;
            }
        }
        ParsedRule parsed = RuleParser.parse(text);
        synchronized (rules) {
            rules.put(text, parsed);
        }
        return parsed;
    }
}
