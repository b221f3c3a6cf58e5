package io.signdx.policy.internal.rule;

import java.util.List;

/** A parsed rule expression. Immutable; evaluation is thread-safe. */
public sealed interface RuleNode permits RuleNode.And, RuleNode.Or, RuleNode.Not, RuleNode.Comparison {

    /** The rule's value for a device; UNKNOWN only where an unknown property could change it. */
    Tri evaluate(DeviceView device);

    /** {@code left -and right}. */
    record And(RuleNode left, RuleNode right) implements RuleNode {
        @Override
        public Tri evaluate(DeviceView device) {
            Tri l = left.evaluate(device);
            return l == Tri.FALSE ? Tri.FALSE : l.and(right.evaluate(device));
        }
    }

    /** {@code left -or right}. */
    record Or(RuleNode left, RuleNode right) implements RuleNode {
        @Override
        public Tri evaluate(DeviceView device) {
            Tri l = left.evaluate(device);
            return l == Tri.TRUE ? Tri.TRUE : l.or(right.evaluate(device));
        }
    }

    /** {@code -not operand}. */
    record Not(RuleNode operand) implements RuleNode {
        @Override
        public Tri evaluate(DeviceView device) {
            return operand.evaluate(device).not();
        }
    }

    /**
     * {@code device.property operator value}. Text comparisons ignore case, as the rule syntax does.
     *
     * @param property the device property
     * @param operator the operator
     * @param value the value; null for the {@code null} keyword (and unused for lists)
     * @param list the values of {@code -in} / {@code -notIn}; empty otherwise
     */
    record Comparison(DeviceProperty property, Operator operator, String value, List<String> list)
            implements RuleNode {

        /** Copies the list. */
        public Comparison {
            list = List.copyOf(list);
        }

        @Override
        public Tri evaluate(DeviceView device) {
            if (!device.isKnown(property)) {
                return Tri.UNKNOWN;
            }
            boolean positive = property.kind() == DeviceProperty.Kind.COLLECTION
                    ? matchesCollection(device.items(property))
                    : matches(device.text(property));
            return Tri.of(operator.negative() != positive);
        }

        private boolean matchesCollection(List<String> items) {
            // only -contains / -notContains reach here: an element equal to the value, ignoring case
            for (String item : items) {
                if (item != null && item.equalsIgnoreCase(value)) {
                    return true;
                }
            }
            return false;
        }

        private boolean matches(String actual) {
            Operator op = operator.positive();
            if (op == Operator.EQ && value == null) {
                return actual == null;
            }
            if (actual == null) {
                return false;
            }
            return switch (op) {
                case EQ -> actual.equalsIgnoreCase(value);
                case STARTS_WITH -> actual.regionMatches(true, 0, value, 0, value.length());
                case ENDS_WITH -> actual.length() >= value.length()
                        && actual.regionMatches(true, actual.length() - value.length(), value, 0, value.length());
                case CONTAINS -> containsIgnoreCase(actual, value);
                case IN -> list.stream().anyMatch(actual::equalsIgnoreCase);
                default -> false; // -match never passes the parser
            };
        }

        private static boolean containsIgnoreCase(String text, String part) {
            int last = text.length() - part.length();
            for (int i = 0; i <= last; i++) {
                if (text.regionMatches(true, i, part, 0, part.length())) {
                    return true;
                }
            }
            return false;
        }
    }
}
