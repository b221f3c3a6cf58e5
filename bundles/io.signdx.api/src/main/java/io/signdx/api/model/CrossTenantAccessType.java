package io.signdx.api.model;

/** How the user reached a tenant that is not (or is) their home tenant. */
public enum CrossTenantAccessType implements GraphEnum {
    NONE("none"),
    B2B_COLLABORATION("b2bCollaboration"),
    B2B_DIRECT_CONNECT("b2bDirectConnect"),
    MICROSOFT_SUPPORT("microsoftSupport"),
    SERVICE_PROVIDER("serviceProvider"),
    PASSTHROUGH("passthrough"),
    /** A value this version does not know (kept as text where it is read). */
    UNKNOWN(null);

    private final String graphValue;

    CrossTenantAccessType(String graphValue) {
        this.graphValue = graphValue;
    }

    @Override
    public String graphValue() {
        return graphValue;
    }

    /** Parses a Graph value; unknown or absent values give {@link #UNKNOWN}. */
    public static CrossTenantAccessType parse(String value) {
        return GraphEnum.parse(CrossTenantAccessType.class, value, UNKNOWN);
    }
}
