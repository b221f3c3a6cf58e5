package io.signdx.api.model;

/**
 * Where the sign-in came from, as Microsoft geolocated its IP address. Any part may be {@code null}.
 *
 * @param city city
 * @param state state or province
 * @param countryOrRegion two-letter country code
 * @param latitude latitude, or {@code null}
 * @param longitude longitude, or {@code null}
 */
public record Location(String city, String state, String countryOrRegion, Double latitude, Double longitude) {
    /** Nothing known. */
    public static final Location UNKNOWN = new Location(null, null, null, null, null);

    /** "City, State, CC" with the known parts only, or an empty string. */
    public String display() {
        // called for most sign-ins of a bulk run: no array, no builder for the usual one or two parts
        return join(join(known(city), known(state)), known(countryOrRegion));
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : b.isEmpty() ? a : a + ", " + b;
    }

    private static String known(String part) {
        return part == null || part.isBlank() ? "" : part;
    }
}
