package io.signdx.policy.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.signdx.api.tenant.PolicyConditions;
import io.signdx.policy.Condition;
import io.signdx.policy.ConditionVerdict;
import io.signdx.policy.Verdict;
import io.signdx.policy.internal.rule.DeviceProperty;
import io.signdx.policy.internal.rule.DeviceView;
import io.signdx.policy.internal.rule.ParsedRule;
import io.signdx.policy.internal.rule.Tri;

/**
 * Filter for devices. In include mode the policy covers the devices the rule matches, in exclude mode
 * those it does not. An unregistered device has every property null, so positive comparisons
 * (-eq, -startsWith, -contains, -in …) fail and negative ones (-ne, -notIn …) pass, as Microsoft
 * documents. For a registered device, a property the facts do not carry is unknown; extensionAttribute1-15
 * are null unless the device is managed, compliant or hybrid joined (Entra has no value otherwise); an
 * empty string is a property that is not set.
 */
final class DeviceFilterCheck implements Check {
    private final boolean exclude;
    private final ParsedRule rule;
    private final String configured;

    private DeviceFilterCheck(boolean exclude, ParsedRule rule, String configured) {
        this.exclude = exclude;
        this.rule = rule;
        this.configured = configured;
    }

    static Check compile(PolicyConditions.Filter filter, Function<String, ParsedRule> rules) {
        if (filter == null || Subject.blank(filter.rule())) {
            return new NotConfigured(Condition.DEVICE_FILTER, "not configured", s -> s.deviceLabel(DeviceFilterCheck::value));
        }
        boolean exclude = "exclude".equalsIgnoreCase(filter.mode() == null ? null : filter.mode().trim());
        String mode = exclude ? "exclude" : "include";
        return new DeviceFilterCheck(exclude, rules.apply(filter.rule()),
                mode + " devices matching " + filter.rule().trim());
    }

    @Override
    public Condition condition() {
        return Condition.DEVICE_FILTER;
    }

    @Override
    public ConditionVerdict evaluate(Subject s) {
        String value = s.deviceLabel(DeviceFilterCheck::value);
        if (!rule.ok()) {
            s.missing("a valid device filter rule (" + rule.error() + ")");
            return new ConditionVerdict(Condition.DEVICE_FILTER, configured, value, Verdict.NOT_ENOUGH_INFORMATION,
                    "the rule has an error: " + rule.error());
        }
        if (s.device == null) {
            s.missing("device properties (no device filter can be decided)");
            return new ConditionVerdict(Condition.DEVICE_FILTER, configured, value, Verdict.NOT_ENOUGH_INFORMATION,
                    "the device's properties are unknown");
        }
        View view = new View(s.device);
        Tri matches = rule.evaluate(view);
        Tri applies = exclude ? matches.not() : matches;
        StringBuilder why = new StringBuilder();
        if (s.device.isEmpty()) {
            why.append("an unregistered device: every property is null; ");
        }
        why.append(matches == Tri.TRUE ? "the rule matches" : matches == Tri.FALSE ? "the rule does not match"
                : "the rule cannot be decided (" + view.unknownText(rule.properties()) + " unknown)");
        String read = view.readText(rule.properties());
        if (!read.isEmpty() && !s.device.isEmpty()) {
            why.append(" (").append(read).append(')');
        }
        if (view.extensionAttributesWithheld && rule.readsExtensionAttributes()) {
            why.append("; extension attributes count as null: the device is neither managed, compliant nor hybrid joined");
        }
        if (applies != Tri.UNKNOWN) {
            why.append(exclude ? "; matching devices are excluded" : "; matching devices are included");
        } else {
            s.missing("device properties: " + view.unknownText(rule.properties()));
        }
        return new ConditionVerdict(Condition.DEVICE_FILTER, configured, value, Check.verdict(applies), why.toString());
    }

    private static String value(Subject s) {
        if (s.device == null) {
            return "unknown";
        }
        if (s.device.isEmpty()) {
            return "unregistered device";
        }
        String id = s.device.get("deviceid");
        String name = s.device.get("displayname");
        String trust = s.device.get("trusttype");
        return "registered device" + (name == null || name.isEmpty() ? "" : " " + name)
                + (id == null || id.isEmpty() ? "" : " (" + id + ")") + (trust == null || trust.isEmpty() ? "" : ", trustType " + trust);
    }

    /** The device's properties as the rule reads them. */
    private static final class View implements DeviceView {
        private final Map<String, String> props;
        private final boolean unregistered;
        private final Tri extensionAttributesAvailable;
        boolean extensionAttributesWithheld;

        View(Map<String, String> props) {
            this.props = props;
            this.unregistered = props.isEmpty();
            this.extensionAttributesAvailable = unregistered ? Tri.FALSE : available(props);
            this.extensionAttributesWithheld = extensionAttributesAvailable == Tri.FALSE && !unregistered;
        }

        private static Tri available(Map<String, String> props) {
            Tri managed = bool(props.get("ismanaged"));
            Tri compliant = bool(props.get("iscompliant"));
            Tri hybrid = props.containsKey("trusttype") ? Tri.of("ServerAD".equalsIgnoreCase(props.get("trusttype")))
                    : Tri.UNKNOWN;
            return managed.or(compliant).or(hybrid);
        }

        private static Tri bool(String v) {
            return v == null ? Tri.UNKNOWN : Tri.of("true".equalsIgnoreCase(v.trim()));
        }

        @Override
        public boolean isKnown(DeviceProperty p) {
            if (unregistered) {
                return true;
            }
            if (p.isExtensionAttribute() && extensionAttributesAvailable != Tri.TRUE) {
                return extensionAttributesAvailable == Tri.FALSE;
            }
            return props.containsKey(p.key());
        }

        @Override
        public String text(DeviceProperty p) {
            if (unregistered || p.isExtensionAttribute() && extensionAttributesAvailable == Tri.FALSE) {
                return null;
            }
            String v = props.get(p.key());
            return v == null || v.isEmpty() ? null : v;
        }

        @Override
        public List<String> items(DeviceProperty p) {
            return Subject.items(text(p));
        }

        String unknownText(List<DeviceProperty> used) {
            List<String> names = new ArrayList<>();
            for (DeviceProperty p : used) {
                if (!isKnown(p)) {
                    names.add(p.propertyName());
                }
            }
            return String.join(", ", names);
        }

        String readText(List<DeviceProperty> used) {
            List<String> parts = new ArrayList<>();
            for (DeviceProperty p : used) {
                if (isKnown(p)) {
                    String v = text(p);
                    parts.add(p.propertyName() + " " + (v == null ? "null" : v));
                }
            }
            return String.join(", ", parts);
        }
    }
}
