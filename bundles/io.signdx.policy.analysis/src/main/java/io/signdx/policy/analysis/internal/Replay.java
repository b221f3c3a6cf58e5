package io.signdx.policy.analysis.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.signdx.api.model.SignIn;
import io.signdx.api.tenant.TenantContext;
import io.signdx.policy.PolicyEvaluator;
import io.signdx.policy.PolicyReplay;
import io.signdx.policy.ReplayReport;
import io.signdx.policy.ReplayReport.Change;
import io.signdx.policy.ReplayReport.Example;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Replays past sign-ins against a changed policy set. The outcome before is what each record says (or the
 * old snapshot's evaluation), the outcome after is the new snapshot's evaluation; the difference is one of
 * {@link Change}. Sign-ins are read once, one at a time: only counts, a few examples per change and the
 * policies involved are kept, so any number of sign-ins replays in bounded memory. Stateless.
 */
@Component(service = PolicyReplay.class)
public final class Replay implements PolicyReplay {
    private final PolicyEvaluator evaluator;

    @Activate
    public Replay(@Reference PolicyEvaluator evaluator) {
        this.evaluator = evaluator;
    }

    @Override
    public ReplayReport replay(TenantContext before, TenantContext after, Iterable<SignIn> signIns,
            int examplesPerChange) {
        if (after == null) {
            throw new IllegalArgumentException("the changed policy set (after) is required");
        }
        int keep = Math.max(0, examplesPerChange);
        Map<Change, Long> counts = new EnumMap<>(Change.class);
        Map<Change, List<Example>> examples = new EnumMap<>(Change.class);
        Map<Change, Map<String, Long>> involved = new EnumMap<>(Change.class);
        for (Change c : Change.values()) {
            counts.put(c, 0L);
            examples.put(c, new ArrayList<>());
            involved.put(c, new LinkedHashMap<>());
        }
        long total = 0;
        for (SignIn s : signIns) {
            total++;
            Outcome was;
            Outcome now;
            try {
                was = before == null ? Outcome.recorded(s) : Outcome.evaluated(evaluator.evaluate(s, before).grant());
                now = Outcome.evaluated(evaluator.evaluate(s, after).grant());
            } catch (RuntimeException e) {
                // one record the evaluator cannot take must not end the replay of the others
                was = new Outcome(Outcome.Kind.UNKNOWN, Map.of(), "not evaluated");
                now = new Outcome(Outcome.Kind.UNKNOWN, Map.of(), "evaluation failed: " + e.getMessage());
            }
            Classified c = classify(was, now);
            counts.merge(c.change(), 1L, Long::sum);
            Map<String, Long> perPolicy = involved.get(c.change());
            c.policies().forEach(p -> perPolicy.merge(p, 1L, Long::sum));
            List<Example> ex = examples.get(c.change());
            if (ex.size() < keep) {
                ex.add(new Example(s.id(), s.userLabel(), s.appLabel(), was.text(), now.text(), c.policies()));
            }
        }
        Map<Change, List<Example>> frozen = new EnumMap<>(Change.class);
        examples.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
        Map<Change, Map<String, Long>> frozenInvolved = new EnumMap<>(Change.class);
        involved.forEach((k, v) -> frozenInvolved.put(k, java.util.Collections.unmodifiableMap(new LinkedHashMap<>(v))));
        return new ReplayReport(total, counts, frozen, frozenInvolved);
    }

    /** A change and the policies that make it. */
    record Classified(Change change, List<String> policies) {
    }

    /** Compares two outcomes; block wins over requirements, MFA over other controls. */
    static Classified classify(Outcome was, Outcome now) {
        if (was.kind() == Outcome.Kind.UNKNOWN || now.kind() == Outcome.Kind.UNKNOWN) {
            List<String> open = new ArrayList<>(now.byPolicy().keySet());
            if (open.isEmpty()) {
                open.addAll(was.byPolicy().keySet());
            }
            return new Classified(Change.UNDECIDED, open);
        }
        boolean wasBlocked = was.kind() == Outcome.Kind.BLOCKED;
        boolean nowBlocked = now.kind() == Outcome.Kind.BLOCKED;
        if (wasBlocked && nowBlocked) {
            return new Classified(Change.UNCHANGED, List.of());
        }
        if (nowBlocked) {
            return new Classified(Change.NEWLY_BLOCKED, List.copyOf(now.byPolicy().keySet()));
        }
        if (wasBlocked) {
            return new Classified(Change.NO_LONGER_BLOCKED, List.copyOf(was.byPolicy().keySet()));
        }
        if (now.mfa() && !was.mfa()) {
            return new Classified(Change.NEWLY_REQUIRES_MFA, now.policiesWith(Outcome::mfaLike));
        }
        Set<String> before = was.controls();
        List<String> added = now.controls().stream().filter(c -> !Outcome.mfaLike(c) && !before.contains(c)).toList();
        if (!added.isEmpty()) {
            return new Classified(Change.NEWLY_REQUIRES_OTHER, now.policiesWith(added::contains));
        }
        if (!before.isEmpty() && now.controls().isEmpty()) {
            return new Classified(Change.NO_LONGER_PROTECTED, List.copyOf(was.byPolicy().keySet()));
        }
        return new Classified(Change.UNCHANGED, List.of());
    }
}
