package io.signdx.api.tenant;

import java.util.List;

/**
 * A named location of Conditional Access: IP ranges or countries.
 *
 * @param id location id
 * @param displayName name
 * @param kind IP ranges or countries
 * @param trusted true when marked trusted (IP ranges only)
 * @param ipRanges CIDR ranges, IPv4 or IPv6
 * @param countriesAndRegions two-letter country codes
 * @param includeUnknownCountriesAndRegions true when addresses that map to no country count as inside
 * @param countryLookupMethod {@code clientIpAddress} or {@code authenticatorAppGps}, as recorded
 */
public record NamedLocation(String id, String displayName, Kind kind, boolean trusted, List<String> ipRanges,
        List<String> countriesAndRegions, boolean includeUnknownCountriesAndRegions, String countryLookupMethod) {

    /** What a named location lists. */
    public enum Kind {
        IP_RANGES,
        COUNTRIES
    }

    /** Null lists become empty. */
    public NamedLocation {
        ipRanges = PolicyConditions.orEmpty(ipRanges);
        countriesAndRegions = PolicyConditions.orEmpty(countriesAndRegions);
    }

    /** The name to show. */
    public String label() {
        return displayName != null && !displayName.isBlank() ? displayName : id;
    }
}
