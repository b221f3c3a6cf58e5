package io.signdx.api.model;

/** Identity Protection risk level. */
public enum RiskLevel implements GraphEnum {
    NONE("none"),
    LOW("low"),
    MEDIUM("medium"),
    HIGH("high"),
    HIDDEN("hidden"),
    /** A value this version does not know (kept as text where it is read). */
    UNKNOWN(null);

    private final String graphValue;

    RiskLevel(String graphValue) {
        this.graphValue = graphValue;
    }

    @Override
    public String graphValue() {
        return graphValue;
    }

    /** Parses a Graph value; unknown or absent values give {@link #UNKNOWN}. */
    public static RiskLevel parse(String value) {
        return GraphEnum.parse(RiskLevel.class, value, UNKNOWN);
    }
}
