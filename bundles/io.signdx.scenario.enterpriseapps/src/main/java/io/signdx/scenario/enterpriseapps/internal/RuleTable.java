package io.signdx.scenario.enterpriseapps.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The rules of one scenario, by code; immutable. */
final class RuleTable {
    private final Map<Integer, List<AppRule>> byCode;

    RuleTable(List<AppRule> rules) {
        Map<Integer, List<AppRule>> m = new LinkedHashMap<>();
        for (AppRule r : rules) {
            m.computeIfAbsent(r.code(), c -> new ArrayList<>()).add(r);
        }
        m.replaceAll((code, variants) -> List.copyOf(variants));
        this.byCode = Map.copyOf(m);
    }

    /** Whether the table has rules for the code: the cheap question to ask before anything else. */
    boolean has(int code) {
        return byCode.containsKey(code);
    }

    /** The first rule of the sign-in's code whose condition holds, if the code is in the table. */
    Optional<AppRule> match(Facts facts) {
        List<AppRule> variants = byCode.get(facts.signIn().errorCode());
        if (variants == null) {
            return Optional.empty();
        }
        for (AppRule r : variants) {
            if (r.when().test(facts)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** The codes in the table. */
    Set<Integer> codes() {
        return byCode.keySet();
    }

    /** Every rule of every code. */
    List<AppRule> rules() {
        return byCode.values().stream().flatMap(List::stream).toList();
    }
}
