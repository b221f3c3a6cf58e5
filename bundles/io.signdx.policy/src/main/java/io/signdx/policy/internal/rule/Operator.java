package io.signdx.policy.internal.rule;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The comparison operators of the rule syntax. Each negative operator is the negation of its positive
 * twin, so a property that is null (every property of an unregistered device) fails every positive
 * comparison and passes every negative one, as Microsoft documents for filters for devices.
 */
public enum Operator {
    EQ("-eq", false),
    NE("-ne", true),
    STARTS_WITH("-startsWith", false),
    NOT_STARTS_WITH("-notStartsWith", true),
    ENDS_WITH("-endsWith", false),
    NOT_ENDS_WITH("-notEndsWith", true),
    CONTAINS("-contains", false),
    NOT_CONTAINS("-notContains", true),
    IN("-in", false),
    NOT_IN("-notIn", true),
    /** Known to the rule syntax of dynamic groups; a filter for devices does not accept it. */
    MATCH("-match", false),
    /** Known to the rule syntax of dynamic groups; a filter for devices does not accept it. */
    NOT_MATCH("-notMatch", true);

    static final Set<Operator> EQUALITY = EnumSet.of(EQ, NE);
    static final Set<Operator> EQUALITY_AND_LISTS = EnumSet.of(EQ, NE, IN, NOT_IN);
    static final Set<Operator> CONTAINMENT = EnumSet.of(CONTAINS, NOT_CONTAINS);
    static final Set<Operator> ALL_STRING = EnumSet.of(EQ, NE, STARTS_WITH, NOT_STARTS_WITH, ENDS_WITH,
            NOT_ENDS_WITH, CONTAINS, NOT_CONTAINS, IN, NOT_IN);

    private static final Map<String, Operator> BY_NAME = new HashMap<>();

    static {
        for (Operator op : values()) {
            BY_NAME.put(op.text.substring(1).toLowerCase(Locale.ROOT), op);
        }
    }

    private final String text;
    private final boolean negative;

    Operator(String text, boolean negative) {
        this.text = text;
        this.negative = negative;
    }

    /** As a rule writes it, e.g. {@code -startsWith}. */
    public String text() {
        return text;
    }

    /** True for the "not" operators. */
    public boolean negative() {
        return negative;
    }

    /** The positive operator this one negates (itself when positive). */
    Operator positive() {
        return switch (this) {
            case NE -> EQ;
            case NOT_STARTS_WITH -> STARTS_WITH;
            case NOT_ENDS_WITH -> ENDS_WITH;
            case NOT_CONTAINS -> CONTAINS;
            case NOT_IN -> IN;
            case NOT_MATCH -> MATCH;
            default -> this;
        };
    }

    /** The operator named {@code word} (with or without the leading hyphen, any case); null if none. */
    static Operator byName(String word) {
        String w = word.startsWith("-") ? word.substring(1) : word;
        return BY_NAME.get(w.toLowerCase(Locale.ROOT));
    }
}
