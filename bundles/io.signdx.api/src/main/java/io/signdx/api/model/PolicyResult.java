package io.signdx.api.model;

/** The result of one Conditional Access policy for one sign-in. */
public enum PolicyResult implements GraphEnum {
    SUCCESS("success"),
    FAILURE("failure"),
    NOT_APPLIED("notApplied"),
    NOT_ENABLED("notEnabled"),
    REPORT_ONLY_SUCCESS("reportOnlySuccess"),
    REPORT_ONLY_FAILURE("reportOnlyFailure"),
    REPORT_ONLY_NOT_APPLIED("reportOnlyNotApplied"),
    REPORT_ONLY_INTERRUPTED("reportOnlyInterrupted"),
    /** A value this version does not know (kept as text where it is read). */
    UNKNOWN(null);

    private final String graphValue;

    PolicyResult(String graphValue) {
        this.graphValue = graphValue;
    }

    @Override
    public String graphValue() {
        return graphValue;
    }

    /** Parses a Graph value; unknown or absent values give {@link #UNKNOWN}. */
    public static PolicyResult parse(String value) {
        return GraphEnum.parse(PolicyResult.class, value, UNKNOWN);
    }
}
