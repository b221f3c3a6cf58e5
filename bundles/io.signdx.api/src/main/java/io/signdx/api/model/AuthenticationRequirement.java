package io.signdx.api.model;

/** Whether the sign-in needed one factor or several. */
public enum AuthenticationRequirement implements GraphEnum {
    SINGLE_FACTOR("singleFactorAuthentication"),
    MULTI_FACTOR("multiFactorAuthentication"),
    /** A value this version does not know (kept as text where it is read). */
    UNKNOWN(null);

    private final String graphValue;

    AuthenticationRequirement(String graphValue) {
        this.graphValue = graphValue;
    }

    @Override
    public String graphValue() {
        return graphValue;
    }

    /** Parses a Graph value; unknown or absent values give {@link #UNKNOWN}. */
    public static AuthenticationRequirement parse(String value) {
        return GraphEnum.parse(AuthenticationRequirement.class, value, UNKNOWN);
    }
}
