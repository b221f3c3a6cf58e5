package io.signdx.policy.internal.rule;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The device properties a Conditional Access "filter for devices" rule may read, with the operators
 * each one supports (Microsoft Learn, "Conditional Access: Filter for devices"). Rules for dynamic
 * device groups know more properties; a filter for devices does not accept them.
 */
public enum DeviceProperty {
    DEVICE_ID("deviceId", Kind.STRING, Operator.EQUALITY_AND_LISTS),
    DISPLAY_NAME("displayName", Kind.STRING, Operator.ALL_STRING),
    DEVICE_OWNERSHIP("deviceOwnership", Kind.STRING, Operator.EQUALITY),
    ENROLLMENT_PROFILE_NAME("enrollmentProfileName", Kind.STRING, Operator.ALL_STRING),
    IS_COMPLIANT("isCompliant", Kind.BOOLEAN, Operator.EQUALITY),
    MANUFACTURER("manufacturer", Kind.STRING, Operator.ALL_STRING),
    MDM_APP_ID("mdmAppId", Kind.STRING, Operator.EQUALITY_AND_LISTS),
    MODEL("model", Kind.STRING, Operator.ALL_STRING),
    OPERATING_SYSTEM("operatingSystem", Kind.STRING, Operator.ALL_STRING),
    OPERATING_SYSTEM_VERSION("operatingSystemVersion", Kind.STRING, Operator.ALL_STRING),
    PHYSICAL_IDS("physicalIds", Kind.COLLECTION, Operator.CONTAINMENT),
    PROFILE_TYPE("profileType", Kind.STRING, Operator.EQUALITY),
    SYSTEM_LABELS("systemLabels", Kind.COLLECTION, Operator.CONTAINMENT),
    TRUST_TYPE("trustType", Kind.STRING, Operator.EQUALITY),
    EXTENSION_ATTRIBUTE_1("extensionAttribute1", Kind.STRING, Operator.ALL_STRING),
    EXTENSION_ATTRIBUTE_2("extensionAttribute2", Kind.STRING, Operator.ALL_STRING),
    EXTENSION_ATTRIBUTE_3("extensionAttribute3", Kind.STRING, Operator.ALL_STRING),
    EXTENSION_ATTRIBUTE_4("extensionAttribute4", Kind.STRING, Operator.ALL_STRING),
    EXTENSION_ATTRIBUTE_5("extensionAttribute5", Kind.STRING, Operator.ALL_STRING),
    EXTENSION_ATTRIBUTE_6("extensionAttribute6", Kind.STRING, Operator.ALL_STRING),
    EXTENSION_ATTRIBUTE_7("extensionAttribute7", Kind.STRING, Operator.ALL_STRING),
    EXTENSION_ATTRIBUTE_8("extensionAttribute8", Kind.STRING, Operator.ALL_STRING),
    EXTENSION_ATTRIBUTE_9("extensionAttribute9", Kind.STRING, Operator.ALL_STRING),
    EXTENSION_ATTRIBUTE_10("extensionAttribute10", Kind.STRING, Operator.ALL_STRING),
    EXTENSION_ATTRIBUTE_11("extensionAttribute11", Kind.STRING, Operator.ALL_STRING),
    EXTENSION_ATTRIBUTE_12("extensionAttribute12", Kind.STRING, Operator.ALL_STRING),
    EXTENSION_ATTRIBUTE_13("extensionAttribute13", Kind.STRING, Operator.ALL_STRING),
    EXTENSION_ATTRIBUTE_14("extensionAttribute14", Kind.STRING, Operator.ALL_STRING),
    EXTENSION_ATTRIBUTE_15("extensionAttribute15", Kind.STRING, Operator.ALL_STRING);

    /** How a property's value is compared. */
    public enum Kind {
        /** One text value. */
        STRING,
        /** True or False. */
        BOOLEAN,
        /** Several text values; -contains matches a whole element. */
        COLLECTION
    }

    private static final Map<String, DeviceProperty> BY_NAME = new HashMap<>();
    /** Names rules for dynamic device groups use for the same property, to say which one a filter wants. */
    private static final Map<String, DeviceProperty> GROUP_RULE_NAMES = Map.of(
            "devicetrusttype", TRUST_TYPE,
            "deviceostype", OPERATING_SYSTEM,
            "deviceosversion", OPERATING_SYSTEM_VERSION,
            "devicemanufacturer", MANUFACTURER,
            "devicemodel", MODEL,
            "devicephysicalids", PHYSICAL_IDS,
            "devicemanagementappid", MDM_APP_ID);

    static {
        for (DeviceProperty p : values()) {
            BY_NAME.put(p.propertyName.toLowerCase(Locale.ROOT), p);
        }
    }

    private final String propertyName;
    private final String key;
    private final Kind kind;
    private final Set<Operator> operators;

    DeviceProperty(String propertyName, Kind kind, Set<Operator> operators) {
        this.propertyName = propertyName;
        this.key = propertyName.toLowerCase(Locale.ROOT);
        this.kind = kind;
        this.operators = operators;
    }

    /** The name as a rule writes it after {@code device.}, e.g. {@code trustType}. */
    public String propertyName() {
        return propertyName;
    }

    /** The name in lower case, as a key of a case-insensitive property map. */
    public String key() {
        return key;
    }

    /** How the value is compared. */
    public Kind kind() {
        return kind;
    }

    /** The operators a filter for devices accepts on this property. */
    public Set<Operator> operators() {
        return EnumSet.copyOf(operators);
    }

    boolean supports(Operator op) {
        return operators.contains(op);
    }

    /** True for extensionAttribute1-15, whose values Entra only has for managed or hybrid joined devices. */
    public boolean isExtensionAttribute() {
        return propertyName.startsWith("extensionAttribute");
    }

    /** The property of this name, ignoring case; null when a filter for devices has none of that name. */
    public static DeviceProperty byName(String name) {
        return name == null ? null : BY_NAME.get(name.toLowerCase(Locale.ROOT));
    }

    /** For a name dynamic group rules use, the filter property meant; null otherwise. */
    static DeviceProperty groupRuleAlias(String name) {
        return GROUP_RULE_NAMES.get(name.toLowerCase(Locale.ROOT));
    }
}
