package io.signdx.store.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import io.signdx.api.model.AppliedPolicy;
import io.signdx.api.model.AuthenticationDetail;
import io.signdx.api.model.DeviceDetail;
import io.signdx.api.model.Location;
import io.signdx.api.model.NetworkLocation;
import io.signdx.api.model.RequirementPolicy;
import io.signdx.api.model.Risk;
import io.signdx.api.model.SignIn;
import io.signdx.api.model.Status;
import io.signdx.source.file.graph.GraphJson;

import org.junit.jupiter.api.Test;

/** The stored form: compression, the binary sign-in, the id keys. */
class CodecTest {
    static SignIn rich() {
        return SignIn.builder().id("A1B2C3D4-0000-4000-8000-00000000000F").createdDateTime(Instant.parse("1969-12-31T23:59:59.123456789Z"))
                .correlationId("corr").originalRequestId("orig").userId("u").userPrincipalName("Ånn@x").userDisplayName("Ann")
                .userTypeValue("futureType").appId("a").appDisplayName("App").resourceId("r").resourceDisplayName("R")
                .servicePrincipalId("sp").servicePrincipalName("SP").clientCredentialType("secret")
                .managedIdentityType("system").ipAddress("2001:db8::1")
                .location(new Location("Oslo", null, "NO", -0.0, 181.5)).clientAppUsed("Browser").isInteractive(false)
                .authenticationProtocol("oAuth2").status(new Status(-2147483648, "why", "more"))
                .conditionalAccessStatusValue("failure")
                .appliedConditionalAccessPolicies(List.of(new AppliedPolicy("p", null, "failure", List.of("Block", "Mfa"),
                        List.of(), new LinkedHashSet<>(List.of("users", "application")), Set.of()),
                        new AppliedPolicy(null, null, null, null, null, null, null)))
                .authenticationRequirementValue("mfa")
                .authenticationRequirementPolicies(List.of(new RequirementPolicy("user", null)))
                .authenticationDetails(List.of(new AuthenticationDetail(null, "Password", null, true, "ok", "first"),
                        new AuthenticationDetail(Instant.parse("2026-11-20T08:15:02Z"), null, "", null, null, null)))
                .authenticationMethodsUsed(List.of("Password")).deviceDetail(new DeviceDetail("d", "D", "Windows", null,
                        true, null, "joined"))
                .risk(new Risk("high", null, "atRisk", "x", List.of("leakedCredentials"))).crossTenantAccessTypeValue("b2b")
                .homeTenantId("h").resourceTenantId("rt").flaggedForReview(true).userAgent("UA \u0000 \uD83D\uDE00")
                .signInEventTypes(List.of("interactiveUser", "")).networkLocationDetails(List.of(new NetworkLocation(
                        "trusted", List.of("HQ", "VPN"))))
                .incomingTokenType("none").tokenIssuerType("AzureAD").raw("{\"not\":\"what the fields say\"}").build();
    }

    @Test
    void everyFieldSurvivesTheBinaryForm() {
        for (SignIn s : List.of(rich(), SignIn.builder().build(), rich().toBuilder().raw(null).build())) {
            Codec c = new Codec();
            c.encode(s);
            SignIn back = Codec.decode(Arrays.copyOf(c.bytes(), c.length()), c.length(), "store", null);
            assertEquals(GraphJson.toJson(s), GraphJson.toJson(back));
            assertEquals(s.raw(), back.raw());
            assertEquals(s.appliedConditionalAccessPolicies(), back.appliedConditionalAccessPolicies());
            assertEquals(s.authenticationDetails(), back.authenticationDetails());
            assertEquals(s.location(), back.location());
            assertEquals(s.risk(), back.risk());
            assertEquals(s.createdDateTime(), back.createdDateTime());
            assertEquals("store", back.origin());
        }
    }

    @Test
    void aSignInWhoseRawRecordSaysSomethingElseKeepsItsFields() {
        Packer p = new Packer();
        SignIn s = rich();
        byte[] dict = Packer.train(List.of(s));
        SignIn back = Packer.unpack(p.pack(s, dict), dict, "store", new GraphJson.RecordReader());
        assertEquals(GraphJson.toJson(s), GraphJson.toJson(back));
        assertEquals(s.raw(), back.raw());
    }

    @Test
    void aDifferenceInAnyOneFieldIsNoticed() {
        SignIn s = rich();
        List<java.util.function.UnaryOperator<SignIn.Builder>> changes = List.of(b -> b.raw("{}"), b -> b.id("other"),
                b -> b.createdDateTime(Instant.EPOCH), b -> b.correlationId("c2"), b -> b.originalRequestId("o2"),
                b -> b.userId("u2"), b -> b.userPrincipalName("p2"), b -> b.userDisplayName("n2"),
                b -> b.userTypeValue("member"), b -> b.appId("a2"), b -> b.appDisplayName("A2"), b -> b.resourceId("r2"),
                b -> b.resourceDisplayName("R2"), b -> b.servicePrincipalId("s2"), b -> b.servicePrincipalName("S2"),
                b -> b.clientCredentialType("cert"), b -> b.managedIdentityType("user"), b -> b.ipAddress("10.0.0.1"),
                b -> b.location(new Location("Oslo", null, "NO", -0.0, 181.6)), b -> b.clientAppUsed("IMAP4"),
                b -> b.isInteractive(null), b -> b.authenticationProtocol("saml20"),
                b -> b.status(new Status(-2147483648, "why", "less")), b -> b.conditionalAccessStatusValue("success"),
                b -> b.appliedConditionalAccessPolicies(List.of()), b -> b.authenticationRequirementValue("single"),
                b -> b.authenticationRequirementPolicies(List.of()), b -> b.authenticationDetails(List.of()),
                b -> b.authenticationMethodsUsed(List.of()), b -> b.deviceDetail(DeviceDetail.UNKNOWN),
                b -> b.risk(Risk.NONE), b -> b.crossTenantAccessTypeValue("none"), b -> b.homeTenantId("h2"),
                b -> b.resourceTenantId("rt2"), b -> b.flaggedForReview(false), b -> b.userAgent("UA2"),
                b -> b.signInEventTypes(List.of()), b -> b.networkLocationDetails(List.of()),
                b -> b.incomingTokenType("prt"), b -> b.tokenIssuerType("ADFS"));
        assertTrue(Codec.same(s, s.toBuilder().origin("elsewhere").build()), "the origin is not stored");
        for (int i = 0; i < changes.size(); i++) {
            SignIn changed = changes.get(i).apply(s.toBuilder()).build();
            assertTrue(!Codec.same(s, changed) && !Codec.same(changed, s), "change " + i + " is noticed");
            Codec a = new Codec();
            Codec b = new Codec();
            a.encode(s);
            b.encode(changed);
            assertTrue(!Arrays.equals(a.bytes(), 0, a.length(), b.bytes(), 0, b.length()), "change " + i + " is stored");
        }
    }

    @Test
    void corruptBytesAreReportedNotMisread() {
        Codec c = new Codec();
        c.encode(rich());
        byte[] good = Arrays.copyOf(c.bytes(), c.length());
        Random r = new Random(7);
        int reported = 0;
        for (int i = 0; i < 2000; i++) {
            byte[] bad = good.clone();
            int cut = r.nextInt(bad.length);
            bad[cut] ^= (byte) (1 + r.nextInt(255));
            int length = r.nextBoolean() ? bad.length : r.nextInt(bad.length);
            try {
                Codec.decode(bad, length, "store", new GraphJson.RecordReader());
            } catch (IllegalStateException e) {
                reported++; // anything else than a clear IllegalStateException fails the test
            }
        }
        assertTrue(reported > 500, "damage is noticed: " + reported);
    }

    @Test
    void compressionRoundTripsAnyBytes() {
        Random r = new Random(11);
        byte[] dict = "{\"id\":\"\",\"createdDateTime\":\"2026-11-20T08:15:02Z\",\"status\":{\"errorCode\":0}}"
                .repeat(40).getBytes(StandardCharsets.UTF_8);
        List<byte[]> inputs = new ArrayList<>();
        inputs.add(new byte[0]);
        inputs.add(new byte[] {1, 2, 3});
        inputs.add("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa".getBytes(StandardCharsets.UTF_8));
        inputs.add(Arrays.copyOf(dict, 2000));
        for (int i = 0; i < 300; i++) {
            byte[] b = new byte[r.nextInt(r.nextBoolean() ? 100 : 90_000)];
            if (r.nextBoolean()) {
                r.nextBytes(b);
            } else {
                for (int k = 0; k < b.length; k++) { // repetitive, with pieces of the dictionary
                    b[k] = r.nextInt(4) == 0 ? (byte) r.nextInt(3) : dict[(k * 7 + i) % dict.length];
                }
            }
            inputs.add(b);
        }
        for (byte[] dictionary : List.of(new byte[0], dict, Arrays.copyOf(dict, Lz.MAX_DICTIONARY))) {
            Lz lz = new Lz(dictionary);
            for (byte[] in : inputs) {
                byte[] out = new byte[Lz.bound(in.length)];
                int n = lz.compress(in, in.length, out);
                byte[] back = new byte[in.length];
                Lz.decompress(dictionary, out, 0, n, back, in.length);
                assertArrayEquals(in, back);
                if (in.length == 2000 && dictionary.length > 0) {
                    assertTrue(n < 100, "text from the dictionary is referenced, not repeated: " + n);
                }
            }
        }
    }

    @Test
    void damagedCompressedDataIsReported() {
        Lz lz = new Lz(new byte[0]);
        byte[] in = "{\"a\":\"bbbbbbbbbbbbbbbbbbbb\",\"a\":\"bbbbbbbbbbbbbbbbbbbb\"}".repeat(20).getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[Lz.bound(in.length)];
        int n = lz.compress(in, in.length, out);
        Random r = new Random(3);
        for (int i = 0; i < 2000; i++) {
            byte[] bad = Arrays.copyOf(out, n);
            bad[r.nextInt(n)] = (byte) r.nextInt(256);
            try {
                Lz.decompress(new byte[0], bad, 0, r.nextInt(n + 1), new byte[in.length], in.length);
            } catch (IllegalStateException e) {
                // reported
            }
        }
        assertThrows(IllegalStateException.class, () -> Lz.decompress(new byte[0], out, 0, n, new byte[10], 10));
    }

    @Test
    void idKeysCompareIgnoringCaseAndNeverOverlap() {
        assertArrayEquals(Keys.id("A1B2C3D4-0000-4000-8000-00000000000F"), Keys.id("a1b2c3d4-0000-4000-8000-00000000000f"));
        assertEquals(17, Keys.id("a1b2c3d4-0000-4000-8000-00000000000f").length, "a GUID takes 16 bytes and a marker");
        assertNotEquals(17, Keys.id("a1b2c3d4-0000-4000-8000-00000000000g").length, "not hex: kept as text");
        byte[][] abc = Keys.requestRange("ABC");
        byte[] exact = Keys.uid(Keys.id("abc"), 5);
        byte[] longer = Keys.uid(Keys.id("abcd"), 5);
        byte[] negative = Keys.uid(Keys.id("abc"), -5);
        assertTrue(inRange(exact, abc) && inRange(negative, abc));
        assertTrue(!inRange(longer, abc), "another id is never inside one id's range");
    }

    private static boolean inRange(byte[] key, byte[][] range) {
        return Arrays.compareUnsigned(key, range[0]) >= 0 && Arrays.compareUnsigned(key, range[1]) <= 0;
    }
}
