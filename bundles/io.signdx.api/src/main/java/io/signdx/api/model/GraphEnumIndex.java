package io.signdx.api.model;

import java.util.HashMap;
import java.util.Map;

/**
 * The constants of each {@link GraphEnum} by their Graph spelling, exact and normalised, computed once
 * per enum class: accessors such as {@link SignIn#clientApp()} are called for every sign-in by several
 * detectors, and scanning the constants each time showed up in bulk-diagnosis profiles.
 */
final class GraphEnumIndex {
    private static final ClassValue<Map<String, Object>> INDEX = new ClassValue<>() {
        @Override
        protected Map<String, Object> computeValue(Class<?> type) {
            Map<String, Object> byValue = new HashMap<>();
            for (Object constant : type.getEnumConstants()) {
                String v = ((GraphEnum) constant).graphValue();
                if (v != null) {
                    byValue.putIfAbsent(v, constant);
                    byValue.putIfAbsent(normalize(v), constant);
                }
            }
            return Map.copyOf(byValue);
        }
    };

    private GraphEnumIndex() {
    }

    /** The constant of {@code type} spelled {@code value} (ignoring case, spaces, dashes, underscores), or null. */
    static Object lookup(Class<?> type, String value) {
        Map<String, Object> byValue = INDEX.get(type);
        Object exact = byValue.get(value);
        return exact != null ? exact : byValue.get(normalize(value));
    }

    /** Lower case without spaces, underscores and dashes: exports spell the same value several ways. */
    static String normalize(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != ' ' && c != '_' && c != '-') {
                b.append(Character.toLowerCase(c));
            }
        }
        return b.toString();
    }
}
