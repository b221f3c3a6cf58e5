package io.signdx.api.model;

/** Identity Protection risk state of the user or sign-in. */
public enum RiskState implements GraphEnum {
    NONE("none"),
    CONFIRMED_SAFE("confirmedSafe"),
    REMEDIATED("remediated"),
    DISMISSED("dismissed"),
    AT_RISK("atRisk"),
    CONFIRMED_COMPROMISED("confirmedCompromised"),
    /** A value this version does not know (kept as text where it is read). */
    UNKNOWN(null);

    private final String graphValue;

    RiskState(String graphValue) {
        this.graphValue = graphValue;
    }

    @Override
    public String graphValue() {
        return graphValue;
    }

    /** Parses a Graph value; unknown or absent values give {@link #UNKNOWN}. */
    public static RiskState parse(String value) {
        return GraphEnum.parse(RiskState.class, value, UNKNOWN);
    }
}
