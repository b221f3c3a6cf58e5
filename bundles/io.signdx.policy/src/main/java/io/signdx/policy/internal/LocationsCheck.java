package io.signdx.policy.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.signdx.api.tenant.PolicyConditions;
import io.signdx.policy.Condition;
import io.signdx.policy.ConditionVerdict;

/**
 * Network locations: {@code All}, {@code AllTrusted} (the trusted IP named locations; the MFA service's
 * trusted IPs are outside the snapshot and not considered) and named locations by id, include and
 * exclude. A location id the snapshot does not have leaves the verdict open, naming it.
 */
final class LocationsCheck implements Check {
    private sealed interface Ref permits All, AllTrusted, Named, Missing {
    }

    private record All() implements Ref {
    }

    private record AllTrusted() implements Ref {
    }

    private record Named(CompiledLocation location) implements Ref {
    }

    private record Missing(String id) implements Ref {
    }

    private final List<Ref> include;
    private final List<Ref> exclude;
    private final List<CompiledLocation> trusted;
    private final String configured;

    private LocationsCheck(List<Ref> include, List<Ref> exclude, List<CompiledLocation> trusted, String configured) {
        this.include = include;
        this.exclude = exclude;
        this.trusted = trusted;
        this.configured = configured;
    }

    static Check compile(PolicyConditions.IncludeExclude locations, Map<String, CompiledLocation> byId,
            List<CompiledLocation> trusted) {
        if (locations == null || locations.include().isEmpty()) {
            return new NotConfigured(Condition.LOCATIONS, "not configured", Subject::networkLabel);
        }
        List<Ref> inc = refs(locations.include(), byId);
        List<Ref> exc = refs(locations.exclude(), byId);
        String text = "include: " + describe(inc) + (exc.isEmpty() ? "" : "; exclude: " + describe(exc));
        return new LocationsCheck(inc, exc, trusted, text);
    }

    private static List<Ref> refs(List<String> values, Map<String, CompiledLocation> byId) {
        List<Ref> out = new ArrayList<>();
        for (String v : values) {
            String l = Subject.lower(v);
            if (l == null) {
                continue;
            }
            if (l.equals("all")) {
                out.add(new All());
            } else if (l.equals("alltrusted")) {
                out.add(new AllTrusted());
            } else {
                CompiledLocation c = byId.get(l);
                out.add(c == null ? new Missing(v.trim()) : new Named(c));
            }
        }
        return List.copyOf(out);
    }

    private static String describe(List<Ref> refs) {
        return Names.list(refs, LocationsCheck::describe);
    }

    private static String describe(Ref r) {
        if (r instanceof All) {
            return "any location (All)";
        }
        if (r instanceof AllTrusted) {
            return "all trusted locations (AllTrusted: the trusted named locations; the MFA service's trusted IPs are not in a snapshot)";
        }
        if (r instanceof Named n) {
            return n.location().describe();
        }
        String id = ((Missing) r).id();
        return "named location " + id + (Names.isPlaceholder(id) ? " (a placeholder)" : " (not in the snapshot)");
    }

    @Override
    public Condition condition() {
        return Condition.LOCATIONS;
    }

    @Override
    public ConditionVerdict evaluate(Subject s) {
        Match inc = match(include, s, "included: ");
        Match exc = match(exclude, s, "excluded: ");
        return IncludeExclude.verdict(Condition.LOCATIONS, configured, s.networkLabel(), inc, exc, !exclude.isEmpty(),
                () -> "not included: " + (s.ip == null ? "the sign-in" : "IP " + s.ip) + " is in none of the included locations",
                s);
    }

    private Match match(List<Ref> refs, Subject s, String lead) {
        Match m = new Match();
        for (Ref r : refs) {
            if (m.matched()) {
                break;
            }
            if (r instanceof All) {
                m.yes(lead + "any location (All)");
            } else if (r instanceof AllTrusted) {
                allTrusted(s, m, lead);
            } else if (r instanceof Named n) {
                n.location().match(s, m, lead);
            } else {
                String id = ((Missing) r).id();
                m.unknown("named location " + id + (Names.isPlaceholder(id) ? " is a placeholder, not a location id"
                        : " is not in the snapshot"), "named location " + id + " (not in the snapshot; export the named locations)");
            }
        }
        return m;
    }

    private void allTrusted(Subject s, Match m, String lead) {
        if (s.address == null) {
            m.unknown(s.ip == null ? "the IP address is unknown" : "'" + s.ip + "' is not a valid IP address",
                    s.ip == null ? "the IP address" : "a valid IP address");
            return;
        }
        for (CompiledLocation c : trusted) {
            if (c.containsAddress(s.span)) {
                m.yes(lead + "IP " + s.ip + " is in " + c.label() + ", a trusted location");
                return;
            }
        }
    }
}
