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
        StringBuilder b = new StringBuilder();
        for (String part : new String[] {city, state, countryOrRegion}) {
            if (part != null && !part.isBlank()) {
                if (b.length() > 0) {
                    b.append(", ");
                }
                b.append(part);
            }
        }
        return b.toString();
    }
}
