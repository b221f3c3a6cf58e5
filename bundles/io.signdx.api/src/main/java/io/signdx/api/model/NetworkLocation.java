package io.signdx.api.model;

import java.util.List;

/**
 * A network the sign-in came from ({@code networkLocationDetails}).
 *
 * @param networkType e.g. "namedNetwork", "trustedNamedLocation", "intranet"
 * @param networkNames the names of the matching named locations
 */
public record NetworkLocation(String networkType, List<String> networkNames) {
    /** Copies the names so the record stays immutable. */
    public NetworkLocation {
        networkNames = networkNames == null ? List.of() : List.copyOf(networkNames);
    }
}
