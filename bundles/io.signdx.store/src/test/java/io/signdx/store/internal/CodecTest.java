package io.signdx.store.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import io.signdx.api.model.AppliedPolicy;
import io.signdx.api.model.AuthenticationContext;
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

/** The stored form: the binary sign-in, its zstd compression with a store's dictionary, the id keys. */
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
                .incomingTokenType("none").tokenIssuerType("AzureAD").originalTransferMethod("deviceCodeFlow")
                .authenticationContextClassReferences(List.of(new AuthenticationContext("c1", "required"),
                        new AuthenticationContext("urn:user:registersecurityinfo", null)))
                .raw("{\"not\":\"what the fields say\"}").build();
    }

    @Test
    void everyFieldSurvivesTheBinaryForm() {
        for (SignIn s : List.of(rich(), SignIn.builder().build(), rich().toBuilder().raw(null).build())) {
            Codec c = new Codec();
            c.encode(s);
            SignIn back = Codec.decode(Arrays.copyOf(c.bytes(), c.length()), c.length(), "store", null);
            Fields.assertSame(s, back, "decoded");
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

    /** Graph-like sign-ins of one tenant, their raw record the JSON of their fields plus what Graph adds. */
    static List<SignIn> tenant(int n, long seed) {
        List<SignIn> out = new ArrayList<>();
        for (SignIn s : SqliteSignInStoreTest.sample(n, seed)) {
            String json = GraphJson.toJson(s);
            out.add(s.toBuilder().raw(json.substring(0, json.length() - 1) + ",\"processingTimeInMilliseconds\":"
                    + (s.id().hashCode() & 0xfff) + ",\"tokenProtectionStatusDetails\":{}}").build());
        }
        return out;
    }

    private static CompressionDictionary dictionary(Packer p, List<SignIn> batch) {
        return new CompressionDictionary(1, p.train(batch));
    }

    private static boolean trained(CompressionDictionary d) {
        // zstd's dictionary format starts with its magic number, 0xEC30A437 little-endian
        return d.bytes.length > 4 && (d.bytes[0] & 0xff) == 0x37 && (d.bytes[1] & 0xff) == 0xA4
                && (d.bytes[2] & 0xff) == 0x30 && (d.bytes[3] & 0xff) == 0xEC;
    }

    @Test
    void everySignInComesBackWholeThroughEitherKindOfDictionary() {
        List<SignIn> batch = tenant(600, 41);
        try (Packer p = new Packer()) {
            CompressionDictionary trainedDictionary = dictionary(p, batch);
            CompressionDictionary payloads = dictionary(p, batch.subList(0, 5));
            assertTrue(trained(trainedDictionary), "600 sign-ins are enough to train zstd's dictionary");
            assertTrue(!trained(payloads) && payloads.bytes.length > 0, "5 are not: their payloads are the dictionary");
            List<SignIn> signIns = new ArrayList<>(tenant(50, 42));
            signIns.addAll(List.of(rich(), SignIn.builder().build(), rich().toBuilder().raw(null).build(),
                    rich().toBuilder().raw("x".repeat(300_000)).build()));
            for (CompressionDictionary d : List.of(trainedDictionary, payloads)) {
                for (SignIn s : signIns) {
                    byte[] packed = p.pack(s, d);
                    SignIn back = p.unpack(packed, d, "store");
                    assertEquals(GraphJson.toJson(s), GraphJson.toJson(back));
                    assertEquals(s.raw(), back.raw());
                    Fields.assertSame(s, back, "unpacked");
                    assertEquals("store", back.origin());
                }
            }
            trainedDictionary.close();
            payloads.close();
        }
    }

    @Test
    void aTrainedDictionaryStoresASignInWithItsFieldsInAFractionOfItsRawRecord() {
        List<SignIn> batch = tenant(1000, 43);
        try (Packer p = new Packer()) {
            CompressionDictionary d = dictionary(p, batch);
            long raw = 0;
            long packed = 0;
            for (SignIn s : tenant(200, 44)) {
                raw += s.raw().length();
                packed += p.pack(s, d).length;
            }
            assertTrue(packed * 4 < raw, packed + " bytes for raw records of " + raw);
            d.close();
        }
    }

    @Test
    void aPayloadWrittenBeforeTheTransferAndContextFieldsReadsThemAsNotRecorded() {
        SignIn s = rich();
        Codec c = new Codec();
        c.encode(s.toBuilder().originalTransferMethod(null).authenticationContextClassReferences(null).build());
        // such a payload ends with the token issuer type: one empty string and one "not recorded" count less
        int before = c.length() - 2;
        assertEquals(0, c.bytes()[before] | c.bytes()[before + 1], "the two trailing fields are empty");
        SignIn back = Codec.decode(Arrays.copyOf(c.bytes(), before), before, "store", null);
        assertEquals(s.tokenIssuerType(), back.tokenIssuerType());
        assertEquals(null, back.originalTransferMethod());
        assertEquals(null, back.authenticationContextClassReferences());
        assertEquals(s.userAgent(), back.userAgent());
    }

    @Test
    void aDifferenceInAnyOneFieldIsStoredAndComesBack() {
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
                b -> b.incomingTokenType("prt"), b -> b.tokenIssuerType("ADFS"), b -> b.originalTransferMethod(null),
                b -> b.authenticationContextClassReferences(null), b -> b.authenticationContextClassReferences(List.of()),
                b -> b.authenticationContextClassReferences(List.of(new AuthenticationContext("c1", "previouslySatisfied"))));
        try (Packer p = new Packer()) {
            CompressionDictionary d = dictionary(p, List.of(s));
            for (int i = 0; i < changes.size(); i++) {
                SignIn changed = changes.get(i).apply(s.toBuilder()).build();
                Codec a = new Codec();
                Codec b = new Codec();
                a.encode(s);
                b.encode(changed);
                assertTrue(!Arrays.equals(a.bytes(), 0, a.length(), b.bytes(), 0, b.length()), "change " + i + " is stored");
                SignIn back = p.unpack(p.pack(changed, d), d, "store");
                assertEquals(GraphJson.toJson(changed), GraphJson.toJson(back), "change " + i + " comes back");
                assertEquals(changed.raw(), back.raw(), "change " + i + " comes back");
                Fields.assertSame(changed, back, "change " + i);
                assertTrue(!Fields.same(s, back), "change " + i + " is noticed");
            }
            d.close();
        }
    }

    @Test
    void anyDamageToStoredBytesIsReportedNotMisread() {
        Random r = new Random(5);
        try (Packer p = new Packer()) {
            CompressionDictionary d = dictionary(p, tenant(300, 45));
            CompressionDictionary other = dictionary(p, tenant(300, 46));
            for (SignIn s : List.of(rich(), tenant(1, 47).get(0))) {
                byte[] good = p.pack(s, d);
                int reported = 0;
                for (int i = 0; i < 1500; i++) {
                    byte[] bad = good.clone();
                    bad[r.nextInt(bad.length)] ^= (byte) (1 + r.nextInt(255));
                    if (r.nextInt(4) == 0) {
                        bad = Arrays.copyOf(bad, r.nextInt(bad.length));
                    }
                    try {
                        SignIn x = p.unpack(bad, d, "store");
                        // a change zstd's decoder does not depend on (say, an unused bit): the same sign-in
                        assertEquals(GraphJson.toJson(s), GraphJson.toJson(x), "damage " + i + " is not read as another sign-in");
                        assertEquals(s.raw(), x.raw(), "damage " + i);
                    } catch (IllegalStateException e) {
                        reported++;
                    }
                }
                // the zstd checksum: every change of the content is noticed
                assertTrue(reported > 1400, "damage is reported: " + reported + " of 1500");
                assertThrows(IllegalStateException.class, () -> p.unpack(good, other, "store"),
                        "bytes packed with another dictionary");
                assertEquals(GraphJson.toJson(s), GraphJson.toJson(p.unpack(good, d, "store")), "the context recovers");
            }
            d.close();
            other.close();
        }
    }

    @Test
    void aPayloadOfTheRawRecordAloneIsReadOnlyWhenUpgrading() {
        SignIn s = tenant(1, 48).get(0);
        byte[] raw = s.raw().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] payload = new byte[raw.length + 3];
        payload[0] = Codec.RAW;
        payload[1] = (byte) ((raw.length + 1) & 0x7F | 0x80);
        payload[2] = (byte) ((raw.length + 1) >>> 7);
        System.arraycopy(raw, 0, payload, 3, raw.length);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Codec.decode(payload, payload.length,
                "store", null));
        assertTrue(e.getMessage().contains("payload format 2"), e.getMessage());
        SignIn upgrading = Codec.decode(payload, payload.length, "store", new GraphJson.RecordReader());
        assertEquals(s.raw(), upgrading.raw(), "while upgrading: the sign-in the file reader makes of the raw record");
        assertEquals(s.id(), upgrading.id());
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
