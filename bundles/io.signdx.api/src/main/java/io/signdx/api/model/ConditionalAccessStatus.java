package io.signdx.api.model;

/** The overall Conditional Access outcome recorded on a sign-in. */
public enum ConditionalAccessStatus implements GraphEnum {
    SUCCESS("success"),
    FAILURE("failure"),
    NOT_APPLIED("notApplied"),
    /** A value this version does not know (kept as text where it is read). */
    UNKNOWN(null);

    private final String graphValue;

    ConditionalAccessStatus(String graphValue) {
        this.graphValue = graphValue;
    }

    @Override
    public String graphValue() {
        return graphValue;
    }

    /** Parses a Graph value; unknown or absent values give {@link #UNKNOWN}. */
    public static ConditionalAccessStatus parse(String value) {
        return GraphEnum.parse(ConditionalAccessStatus.class, value, UNKNOWN);
    }
}
