package io.signdx.api.model;

/** The kind of account: a member of the tenant or a guest. */
public enum UserType implements GraphEnum {
    MEMBER("member"),
    GUEST("guest"),
    /** A value this version does not know (kept as text where it is read). */
    UNKNOWN(null);

    private final String graphValue;

    UserType(String graphValue) {
        this.graphValue = graphValue;
    }

    @Override
    public String graphValue() {
        return graphValue;
    }

    /** Parses a Graph value; unknown or absent values give {@link #UNKNOWN}. */
    public static UserType parse(String value) {
        return GraphEnum.parse(UserType.class, value, UNKNOWN);
    }
}
