package io.signdx.policy;

/**
 * The conditions of a Conditional Access policy. {@link #recordName()} is the name sign-in records use
 * in {@code conditionsSatisfied} / {@code conditionsNotSatisfied}.
 */
public enum Condition {
    USERS("users", "Users"),
    WORKLOAD_IDENTITIES("servicePrincipals", "Workload identities"),
    APPLICATIONS("application", "Target resources"),
    USER_ACTIONS("application", "User actions"),
    AUTHENTICATION_CONTEXTS("application", "Authentication context"),
    PLATFORMS("devicePlatform", "Device platforms"),
    LOCATIONS("location", "Locations"),
    CLIENT_APP_TYPES("clientType", "Client apps"),
    SIGN_IN_RISK("signInRisk", "Sign-in risk"),
    USER_RISK("userRisk", "User risk"),
    SERVICE_PRINCIPAL_RISK("servicePrincipalRisk", "Service principal risk"),
    INSIDER_RISK("insiderRisk", "Insider risk"),
    AUTHENTICATION_FLOWS("authenticationFlows", "Authentication flows"),
    DEVICE_FILTER("deviceState", "Filter for devices");

    private final String recordName;
    private final String label;

    Condition(String recordName, String label) {
        this.recordName = recordName;
        this.label = label;
    }

    /** The name in a sign-in record's {@code conditionsSatisfied}, e.g. {@code users}, {@code location}. */
    public String recordName() {
        return recordName;
    }

    /** The name the Entra admin center shows. */
    public String label() {
        return label;
    }
}
