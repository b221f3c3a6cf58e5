package io.signdx.policy.internal.rule;

import java.util.List;

/**
 * A rule as parsed: its expression, or the error that stopped the parser.
 *
 * @param text the rule text as written
 * @param root the expression; null when the rule has an error
 * @param error what is wrong, naming the column, e.g. {@code unknown operator -eqq at column 21}; null when
 *        the rule parsed
 * @param properties the properties the rule reads, in order of first use
 */
public record ParsedRule(String text, RuleNode root, String error, List<DeviceProperty> properties) {

    /** Copies the list. */
    public ParsedRule {
        properties = List.copyOf(properties);
    }

    /** True when the rule parsed. */
    public boolean ok() {
        return root != null;
    }

    /** The rule's value for a device; UNKNOWN when the rule has an error. */
    public Tri evaluate(DeviceView device) {
        return root == null ? Tri.UNKNOWN : root.evaluate(device);
    }

    /** True when the rule reads one of extensionAttribute1-15. */
    public boolean readsExtensionAttributes() {
        return properties.stream().anyMatch(DeviceProperty::isExtensionAttribute);
    }
}
