package io.signdx.policy.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import io.signdx.api.tenant.NamedLocation;
import io.signdx.policy.internal.rule.Tri;

/**
 * A named location with its ranges parsed once. An IP location matches when a CIDR range (IPv4 or
 * IPv6) contains the sign-in's address. A country location matches the sign-in's country; an address
 * Microsoft cannot map to any country counts as inside only when the location includes unknown
 * countries and regions. Immutable.
 */
final class CompiledLocation {
    private final NamedLocation location;
    private final String label;
    private final List<IpSpan> ranges;
    private final List<String> badRanges;
    private final Set<String> countries;
    private final boolean gps;

    private CompiledLocation(NamedLocation location) {
        this.location = location;
        this.label = location.label() + (location.trusted() ? " (trusted)" : "");
        List<IpSpan> parsed = new ArrayList<>();
        List<String> bad = new ArrayList<>();
        for (String r : location.ipRanges()) {
            IPAddress a = parseRange(r);
            if (a == null) {
                bad.add(r);
            } else {
                parsed.add(IpSpan.of(a));
            }
        }
        this.ranges = List.copyOf(parsed);
        this.badRanges = List.copyOf(bad);
        this.countries = location.countriesAndRegions().stream().filter(c -> c != null && !c.isBlank())
                .map(c -> c.trim().toUpperCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        this.gps = "authenticatorAppGps".equalsIgnoreCase(location.countryLookupMethod());
    }

    static CompiledLocation of(NamedLocation location) {
        return new CompiledLocation(location);
    }

    private static IPAddress parseRange(String range) {
        if (range == null || range.isBlank()) {
            return null;
        }
        try {
            IPAddress a = new IPAddressString(range.trim()).getAddress();
            return a == null ? null : a.isPrefixed() ? a.toPrefixBlock() : a;
        } catch (RuntimeException e) {
            return null; // text from the snapshot the library refuses: reported as a bad range
        }
    }

    String id() {
        return location.id();
    }

    String label() {
        return label;
    }

    boolean trusted() {
        return location.trusted();
    }

    boolean isIp() {
        return location.kind() != NamedLocation.Kind.COUNTRIES;
    }

    /** A short description for the configured value. */
    String describe() {
        if (isIp()) {
            int valid = ranges.size();
            return label + " (" + valid + (valid == 1 ? " IP range" : " IP ranges")
                    + (badRanges.isEmpty() ? "" : "; ignored as not valid: " + Names.list(badRanges, r -> r)) + ")";
        }
        return label + " (countries " + Names.list(List.copyOf(location.countriesAndRegions()), c -> c)
                + (location.includeUnknownCountriesAndRegions() ? ", unknown countries included" : "")
                + (gps ? ", located by Authenticator GPS" : "") + ")";
    }

    /** True when an IP range of this location contains the address. */
    boolean containsAddress(IpSpan address) {
        for (IpSpan r : ranges) {
            if (r.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the sign-in is in this location.
     *
     * @param m where to record the match (its reasons are prefixed by {@code lead})
     */
    void match(Subject s, Match m, String lead) {
        if (isIp()) {
            if (s.address == null) {
                if (s.ip == null) {
                    m.unknown("the IP address is unknown", "the IP address");
                } else {
                    m.unknown("'" + s.ip + "' is not a valid IP address", "a valid IP address");
                }
            } else if (containsAddress(s.span)) {
                m.yes(lead + "IP " + s.ip + " is in " + label);
            }
            return;
        }
        if (gps) {
            m.unknown(label + " locates by the Authenticator app's GPS, which the sign-in does not carry",
                    "the GPS location from the Authenticator app");
            return;
        }
        Tri t = countryMatch(s);
        if (t == Tri.TRUE) {
            m.yes(lead + (s.country != null ? "country " + s.country + " is in " + label
                    : "country unknown for IP " + (s.ip == null ? "" : s.ip + " ") + "(" + unresolvableWhy(s)
                            + "); " + label + " includes unknown countries"));
        } else if (t == Tri.UNKNOWN) {
            m.unknown("the country of " + (s.ip == null ? "the sign-in" : "IP " + s.ip) + " is not known",
                    "the country of the sign-in's IP address");
        }
    }

    private Tri countryMatch(Subject s) {
        if (s.country != null) {
            return Tri.of(countries.contains(s.country));
        }
        if (s.countryUnresolvable || s.privateAddress) {
            return Tri.of(location.includeUnknownCountriesAndRegions());
        }
        return Tri.UNKNOWN;
    }

    private static String unresolvableWhy(Subject s) {
        return s.countryUnresolvable ? "Microsoft could not map it to a country" : "a private address maps to no country";
    }
}
