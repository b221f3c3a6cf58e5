package io.signdx.api.model;

/** The sign-in log a record belongs to. */
public enum SignInEventType implements GraphEnum {
    INTERACTIVE_USER("interactiveUser"),
    NON_INTERACTIVE_USER("nonInteractiveUser"),
    SERVICE_PRINCIPAL("servicePrincipal"),
    MANAGED_IDENTITY("managedIdentity"),
    /** A value this version does not know (kept as text where it is read). */
    UNKNOWN(null);

    private final String graphValue;

    SignInEventType(String graphValue) {
        this.graphValue = graphValue;
    }

    @Override
    public String graphValue() {
        return graphValue;
    }

    /** Parses a Graph value; unknown or absent values give {@link #UNKNOWN}. */
    public static SignInEventType parse(String value) {
        return GraphEnum.parse(SignInEventType.class, value, UNKNOWN);
    }
}
