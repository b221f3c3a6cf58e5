package io.signdx.conformance;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.signdx.api.detector.Detector;

/**
 * What a detector declares about itself through {@link Detector}: read from its service properties
 * (in the engine) or from the annotation on its class (in a test).
 *
 * @param scenario scenario id, empty when absent
 * @param family family, empty when absent
 * @param title title, empty when absent
 * @param errorCodes pre-filter codes (empty = every sign-in), or {@code null} when the property is not
 *        a list of integers
 * @param specificity ranking weight
 * @param timeBudgetMillis time budget of one call, 0 = the engine's default
 */
public record Declaration(String scenario, String family, String title, List<Integer> errorCodes, int specificity,
        long timeBudgetMillis) {

    /** Lower-case dotted words: {@code family.name} or {@code partner.vendor.name}. */
    private static final Pattern SCENARIO_ID = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*(?:\\.[a-z0-9]+(?:-[a-z0-9]+)*)+");

    /** Copies the codes; {@code null} codes stay {@code null} (an invalid declaration). */
    public Declaration {
        scenario = scenario == null ? "" : scenario.trim();
        family = family == null ? "" : family.trim();
        title = title == null ? "" : title.trim();
        errorCodes = errorCodes == null ? null : List.copyOf(errorCodes);
    }

    /** The declaration in a detector service's properties (what {@link Detector} on a component produces). */
    public static Declaration of(Map<String, ?> properties) {
        return new Declaration(text(properties.get(Detector.SCENARIO)), text(properties.get(Detector.FAMILY)),
                text(properties.get(Detector.TITLE)), ints(properties.get(Detector.ERROR_CODES)),
                (int) number(properties.get(Detector.SPECIFICITY), 50),
                number(properties.get(Detector.TIME_BUDGET_MILLIS), 0));
    }

    /**
     * The declaration on a detector class: its {@link Detector} annotation, or an empty declaration
     * (which fails {@link #problems()}) when the class has none.
     */
    public static Declaration of(Class<?> detectorClass) {
        Detector d = detectorClass.getAnnotation(Detector.class);
        if (d == null) {
            return new Declaration("", "", "", List.of(), 50, 0);
        }
        List<Integer> codes = new ArrayList<>();
        for (int c : d.errorCodes()) {
            codes.add(c);
        }
        return new Declaration(d.scenario(), d.family(), d.title(), codes, d.specificity(), d.timeBudgetMillis());
    }

    /** True when the detector wants sign-ins with this error code. */
    public boolean accepts(int code) {
        return errorCodes == null || errorCodes.isEmpty() || errorCodes.contains(code);
    }

    /** What is wrong with the declaration; empty when it is valid. */
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        if (scenario.isEmpty()) {
            out.add("no scenario id declared (put @Detector on the component)");
        } else if (!SCENARIO_ID.matcher(scenario).matches()) {
            out.add("scenario id '" + scenario + "' is not lower-case dotted words (e.g. partner.vendor.name)");
        }
        if (family.isEmpty()) {
            out.add("no family declared");
        }
        if (title.isEmpty()) {
            out.add("no title declared");
        }
        if (errorCodes == null) {
            out.add("errorCodes is not a list of integers");
        } else {
            Set<Integer> seen = new HashSet<>();
            for (int c : errorCodes) {
                if (c < 0) {
                    out.add("error code " + c + " is negative");
                } else if (!seen.add(c)) {
                    out.add("error code " + c + " is declared twice");
                }
            }
        }
        if (specificity < 0 || specificity > 100) {
            out.add("specificity " + specificity + " is outside 0..100");
        }
        if (timeBudgetMillis < 0) {
            out.add("time budget " + timeBudgetMillis + " ms is negative");
        }
        return out;
    }

    private static String text(Object v) {
        return v == null ? "" : v.toString();
    }

    private static long number(Object v, long fallback) {
        if (v instanceof Number n) {
            return n.longValue();
        }
        if (v instanceof String s) {
            try {
                return Long.parseLong(s.trim());
            } catch (NumberFormatException e) {
                return fallback;
            }
        }
        return fallback;
    }

    /** A single value, an array or a collection of integers (or their text); {@code null} when not that. */
    private static List<Integer> ints(Object v) {
        if (v == null) {
            return List.of();
        }
        List<Object> items = new ArrayList<>();
        if (v.getClass().isArray()) {
            for (int i = 0; i < Array.getLength(v); i++) {
                items.add(Array.get(v, i));
            }
        } else if (v instanceof Iterable<?> it) {
            it.forEach(items::add);
        } else {
            items.add(v);
        }
        List<Integer> out = new ArrayList<>();
        for (Object o : items) {
            if (o instanceof Number n) {
                out.add(n.intValue());
            } else {
                try {
                    out.add(Integer.parseInt(String.valueOf(o).trim()));
                } catch (NumberFormatException e) {
                    return null;
                }
            }
        }
        return out;
    }
}
