package io.signdx.policy.internal;

import static io.signdx.policy.internal.Eval.alice;
import static io.signdx.policy.internal.Eval.assertReason;
import static io.signdx.policy.internal.Eval.assertVerdict;
import static io.signdx.policy.internal.PolicyBuilder.policy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.signdx.api.tenant.ConditionalAccessPolicy;
import io.signdx.api.tenant.NamedLocation;
import io.signdx.api.tenant.TenantContext;
import io.signdx.policy.Condition;
import io.signdx.policy.ConditionVerdict;
import io.signdx.policy.Evaluation;
import io.signdx.policy.SignInFacts;
import io.signdx.policy.Verdict;

class LocationsConditionTest {
    static final String HQ = "10c4710c-0000-4000-8000-0000000000a1";
    static final String V6 = "10c4710c-0000-4000-8000-0000000000a2";
    static final String EU = "10c4710c-0000-4000-8000-0000000000a3";
    static final String EU_OR_UNKNOWN = "10c4710c-0000-4000-8000-0000000000a4";
    static final String GPS = "10c4710c-0000-4000-8000-0000000000a5";
    static final String GUEST_WIFI = "10c4710c-0000-4000-8000-0000000000a6";

    static final NamedLocation HQ_LOCATION = new NamedLocation(HQ, "Northwind HQ", NamedLocation.Kind.IP_RANGES, true,
            List.of("203.0.113.0/24", "192.0.2.128/25"), List.of(), false, null);
    static final NamedLocation V6_LOCATION = new NamedLocation(V6, "Lab IPv6", NamedLocation.Kind.IP_RANGES, false,
            List.of("2001:db8:1234::/48"), List.of(), false, null);
    static final NamedLocation EU_LOCATION = new NamedLocation(EU, "EU countries", NamedLocation.Kind.COUNTRIES, false,
            List.of(), List.of("NL", "DE", "fr"), false, "clientIpAddress");
    static final NamedLocation EU_OR_UNKNOWN_LOCATION = new NamedLocation(EU_OR_UNKNOWN, "EU or unknown",
            NamedLocation.Kind.COUNTRIES, false, List.of(), List.of("NL"), true, "clientIpAddress");
    static final NamedLocation GPS_LOCATION = new NamedLocation(GPS, "EU by GPS", NamedLocation.Kind.COUNTRIES, false,
            List.of(), List.of("NL"), false, "authenticatorAppGps");
    static final NamedLocation GUEST_WIFI_LOCATION = new NamedLocation(GUEST_WIFI, "Guest Wi-Fi", NamedLocation.Kind.IP_RANGES,
            false, List.of("198.51.100.0/24", "not-a-range"), List.of(), false, null);

    private static ConditionVerdict locations(ConditionalAccessPolicy p, SignInFacts f) {
        return Eval.verdict(run(p, f), p.id(), Condition.LOCATIONS);
    }

    private static Evaluation run(ConditionalAccessPolicy p, SignInFacts f) {
        TenantContext t = Eval.tenant(p).namedLocation(HQ_LOCATION).namedLocation(V6_LOCATION).namedLocation(EU_LOCATION)
                .namedLocation(EU_OR_UNKNOWN_LOCATION).namedLocation(GPS_LOCATION).namedLocation(GUEST_WIFI_LOCATION).build();
        return Eval.run(t, f);
    }

    private static ConditionalAccessPolicy include(String... ids) {
        return policy("p", "x").locations(List.of(ids), List.of()).build();
    }

    @Test
    void ipv4RangeIncludes() {
        ConditionVerdict v = locations(include(HQ), alice().ipAddress("203.0.113.5").build());
        assertVerdict(Verdict.SATISFIED, v);
        assertEquals("included: IP 203.0.113.5 is in Northwind HQ (trusted)", v.reason());
        assertEquals("include: Northwind HQ (trusted) (2 IP ranges)", v.configured());
        assertVerdict(Verdict.SATISFIED, locations(include(HQ), alice().ipAddress("192.0.2.200").build()));
        ConditionVerdict out = locations(include(HQ), alice().ipAddress("192.0.2.127").build());
        assertVerdict(Verdict.NOT_SATISFIED, out);
        assertEquals("not included: IP 192.0.2.127 is in none of the included locations", out.reason());
    }

    @Test
    void ipv6Range() {
        assertVerdict(Verdict.SATISFIED, locations(include(V6), alice().ipAddress("2001:db8:1234:ff::1").build()));
        assertVerdict(Verdict.NOT_SATISFIED, locations(include(V6), alice().ipAddress("2001:db8:1235::1").build()));
        assertVerdict(Verdict.NOT_SATISFIED, locations(include(V6), alice().ipAddress("203.0.113.5").build()));
    }

    @Test
    void ipv4MappedIpv6AddressMatchesAnIpv4Range() {
        assertVerdict(Verdict.SATISFIED, locations(include(HQ), alice().ipAddress("::ffff:203.0.113.9").build()));
    }

    @Test
    void badRangesInTheSnapshotAreSkipped() {
        ConditionVerdict v = locations(include(GUEST_WIFI), alice().ipAddress("198.51.100.20").build());
        assertVerdict(Verdict.SATISFIED, v);
        assertEquals("include: Guest Wi-Fi (1 IP range; ignored as not valid: not-a-range)", v.configured());
    }

    @Test
    void unknownOrInvalidAddress() {
        ConditionVerdict none = locations(include(HQ), alice().ipAddress(null).build());
        assertVerdict(Verdict.NOT_ENOUGH_INFORMATION, none);
        assertEquals("the IP address is unknown", none.reason());
        ConditionVerdict bad = locations(include(HQ), alice().ipAddress("999.1.1.1").build());
        assertVerdict(Verdict.NOT_ENOUGH_INFORMATION, bad);
        assertEquals("'999.1.1.1' is not a valid IP address", bad.reason());
    }

    @Test
    void allWithTrustedExcluded() {
        ConditionalAccessPolicy p = policy("p", "MFA outside trusted").locations(List.of("All"), List.of("AllTrusted")).build();
        ConditionVerdict trusted = locations(p, alice().ipAddress("203.0.113.77").build());
        assertVerdict(Verdict.NOT_SATISFIED, trusted);
        assertEquals("excluded: IP 203.0.113.77 is in Northwind HQ (trusted), a trusted location", trusted.reason());
        ConditionVerdict outside = locations(p, alice().ipAddress("198.51.100.7").build());
        assertVerdict(Verdict.SATISFIED, outside);
        assertEquals("included: any location (All); not excluded", outside.reason());
        assertTrue(outside.configured().contains("MFA service's trusted IPs are not in a snapshot"), outside.configured());
    }

    @Test
    void untrustedIpLocationIsNotPartOfAllTrusted() {
        ConditionalAccessPolicy p = policy("p", "x").locations(List.of("AllTrusted"), List.of()).build();
        assertVerdict(Verdict.NOT_SATISFIED, locations(p, alice().ipAddress("2001:db8:1234::5").build()));
    }

    @Test
    void allCoversAnUnknownAddress() {
        ConditionalAccessPolicy p = policy("p", "x").locations(List.of("All"), List.of()).build();
        assertVerdict(Verdict.SATISFIED, locations(p, alice().ipAddress(null).country(null).build()));
    }

    @Test
    void countries() {
        ConditionVerdict nl = locations(include(EU), alice().country("nl").build());
        assertVerdict(Verdict.SATISFIED, nl);
        assertEquals("included: country NL is in EU countries", nl.reason());
        assertVerdict(Verdict.SATISFIED, locations(include(EU), alice().country("FR").build()));
        assertVerdict(Verdict.NOT_SATISFIED, locations(include(EU), alice().country("US").build()));
    }

    @Test
    void countryNotRecordedForAPublicAddressIsNotGuessed() {
        Evaluation e = run(include(EU_OR_UNKNOWN), alice().country(null).ipAddress("198.51.100.7").build());
        ConditionVerdict v = Eval.verdict(e, "p", Condition.LOCATIONS);
        assertVerdict(Verdict.NOT_ENOUGH_INFORMATION, v);
        assertEquals("the country of IP 198.51.100.7 is not known", v.reason());
        assertTrue(e.missing().contains("the country of the sign-in's IP address"), e.missing().toString());
    }

    @Test
    void unresolvableCountryCountsOnlyWhereUnknownCountriesAreIncluded() {
        SignInFacts unmapped = alice().country("unknown").ipAddress("198.51.100.7").build();
        ConditionVerdict in = locations(include(EU_OR_UNKNOWN), unmapped);
        assertVerdict(Verdict.SATISFIED, in);
        assertEquals("included: country unknown for IP 198.51.100.7 (Microsoft could not map it to a country); "
                + "EU or unknown includes unknown countries", in.reason());
        assertVerdict(Verdict.NOT_SATISFIED, locations(include(EU), unmapped));
    }

    @Test
    void privateAddressHasNoCountry() {
        SignInFacts lan = alice().country(null).ipAddress("10.1.2.3").build();
        ConditionVerdict v = locations(include(EU_OR_UNKNOWN), lan);
        assertVerdict(Verdict.SATISFIED, v);
        assertReason(v, "a private address maps to no country");
        assertVerdict(Verdict.NOT_SATISFIED, locations(include(EU), lan));
    }

    @Test
    void gpsLookupNeedsTheAuthenticatorLocation() {
        ConditionVerdict v = locations(include(GPS), alice().build());
        assertVerdict(Verdict.NOT_ENOUGH_INFORMATION, v);
        assertReason(v, "GPS");
    }

    @Test
    void locationMissingFromTheSnapshotIsNamed() {
        String gone = "0dd0dd00-0000-4000-8000-000000000000";
        Evaluation e = run(include(gone), alice().build());
        ConditionVerdict v = Eval.verdict(e, "p", Condition.LOCATIONS);
        assertVerdict(Verdict.NOT_ENOUGH_INFORMATION, v);
        assertEquals("named location " + gone + " is not in the snapshot", v.reason());
        assertTrue(v.configured().contains(gone + " (not in the snapshot)"), v.configured());
        assertTrue(e.missing().stream().anyMatch(m -> m.contains(gone)), e.missing().toString());
    }

    @Test
    void excludedCountryWins() {
        ConditionalAccessPolicy p = policy("p", "Block outside EU").locations(List.of("All"), List.of(EU)).block().build();
        assertVerdict(Verdict.NOT_SATISFIED, locations(p, alice().country("DE").build()));
        assertVerdict(Verdict.SATISFIED, locations(p, alice().country("BR").build()));
    }

    @Test
    void valueShowsIpAndCountry() {
        assertEquals("IP 203.0.113.5, country NL", locations(include(HQ), alice().ipAddress("203.0.113.5").build()).signInValue());
    }
}
