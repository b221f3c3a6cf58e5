package io.signdx.api.model;

/**
 * An enumeration of values that Microsoft Graph spells as camel-case strings.
 * Every implementation has an {@code UNKNOWN} constant for values this version does not know.
 */
public interface GraphEnum {
    /** The value as Graph spells it, or {@code null} for {@code UNKNOWN}. */
    String graphValue();

    /**
     * Maps a Graph value to a constant, ignoring letter case, spaces, dashes and underscores
     * (exports spell the same value several ways). Unknown or absent values map to {@code unknown}.
     */
    static <E extends Enum<E> & GraphEnum> E parse(Class<E> type, String value, E unknown) {
        if (value == null) {
            return unknown;
        }
        E e = type.cast(GraphEnumIndex.lookup(type, value));
        return e == null ? unknown : e;
    }
}
