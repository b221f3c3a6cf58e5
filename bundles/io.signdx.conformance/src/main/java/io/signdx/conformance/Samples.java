package io.signdx.conformance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import io.signdx.api.model.AppliedPolicy;
import io.signdx.api.model.AuthenticationDetail;
import io.signdx.api.model.DeviceDetail;
import io.signdx.api.model.Location;
import io.signdx.api.model.NetworkLocation;
import io.signdx.api.model.RequirementPolicy;
import io.signdx.api.model.Risk;
import io.signdx.api.model.SignIn;
import io.signdx.api.model.Status;

/**
 * Sign-ins that real exports produce and detectors forget: records with nothing but an id, with only
 * an error code, with enum values Microsoft added after the detector was written, with empty, huge,
 * markup-laden or non-Latin text, with lists holding half-empty entries. Reproducible from a seed.
 */
public final class Samples {
    /** The error codes exercised when a detector declares none (it sees every sign-in). */
    private static final int[] COMMON_CODES = {0, 50126, 50053, 50074, 50076, 53003, 53000, 500121, 50011, 65001};
    private static final Instant AT = Instant.parse("2026-11-16T09:00:00Z");
    private static final String HUGE = "x".repeat(20_000);

    /** Text that breaks naive code: null, blank, markup, non-Latin, control characters, huge. */
    private static final String[] ODD_TEXT = {null, "", " ", "<script>alert(1)</script>", "Ünïcødé ✓ 名前 اسم",
        "line\nbreak\ttab\u0000nul", "12345", "-1", "null", HUGE, "unknownFutureValue"};

    private Samples() {
    }

    /** The sign-ins of the quick check the engine runs when a detector arrives (a few dozen). */
    public static List<SignIn> quick(Declaration d) {
        List<SignIn> out = new ArrayList<>();
        out.add(SignIn.builder().build());
        out.add(SignIn.builder().id("conformance-only-id").build());
        int n = 0;
        for (int code : codes(d)) {
            out.add(SignIn.builder().id("conformance-code-" + code).errorCode(code).build());
            // times at the ends of the range: a window around them overflows if computed carelessly
            out.add(realistic(code, new SplittableRandom(code)).id("conformance-max-time-" + code)
                    .createdDateTime(Instant.MAX).build());
            out.add(realistic(code, new SplittableRandom(code)).id("conformance-min-time-" + code)
                    .createdDateTime(Instant.MIN).build());
            if (n++ < 8) {
                out.add(realistic(code, new SplittableRandom(code)).build());
                out.add(unknownEnums(code).build());
                out.add(oddText(code, n).build());
            }
        }
        return out;
    }

    /** The quick sign-ins plus {@code count} random ones over the declared codes, from {@code seed}. */
    public static List<SignIn> full(Declaration d, long seed, int count) {
        List<SignIn> out = new ArrayList<>(quick(d));
        SplittableRandom r = new SplittableRandom(seed);
        int[] codes = codes(d);
        for (int i = 0; i < count; i++) {
            int code = codes[r.nextInt(codes.length)];
            out.add(switch (r.nextInt(4)) {
                case 0 -> realistic(code, r).build();
                case 1 -> unknownEnums(code).id("conformance-fuzz-" + i).build();
                case 2 -> oddText(code, r.nextInt(ODD_TEXT.length)).id("conformance-fuzz-" + i).build();
                default -> sparse(code, r).id("conformance-fuzz-" + i).build();
            });
        }
        return out;
    }

    private static int[] codes(Declaration d) {
        if (d.errorCodes() == null || d.errorCodes().isEmpty()) {
            return COMMON_CODES;
        }
        return d.errorCodes().stream().mapToInt(Integer::intValue).distinct().toArray();
    }

    /** A complete, plausible record. */
    static SignIn.Builder realistic(int code, SplittableRandom r) {
        Instant when = AT.plusSeconds(r.nextInt(7 * 24 * 3600));
        boolean legacy = r.nextInt(5) == 0;
        return SignIn.builder().id("conformance-" + code + "-" + r.nextInt(1_000_000)).createdDateTime(when)
                .correlationId("corr-" + r.nextInt(1000)).userId("oid-" + r.nextInt(50))
                .userPrincipalName("user" + r.nextInt(50) + "@contoso.example").userDisplayName("User")
                .userTypeValue(r.nextBoolean() ? "member" : "guest").appId("00000002-0000-0ff1-ce00-000000000000")
                .appDisplayName("Office 365 Exchange Online").resourceDisplayName("Office 365 Exchange Online")
                .ipAddress("198.51.100." + r.nextInt(256)).location(new Location("Oslo", null, "NO", 59.9, 10.7))
                .clientAppUsed(legacy ? "IMAP4" : "Browser").isInteractive(!legacy).authenticationProtocol("none")
                .status(new Status(code, code == 0 ? null : "failure " + code, "details"))
                .conditionalAccessStatusValue(code == 53003 ? "failure" : "success")
                .appliedConditionalAccessPolicies(List.of(new AppliedPolicy("p1", "Require MFA",
                        code == 53003 ? "failure" : "success", List.of("Mfa"), List.of(), java.util.Set.of(),
                        java.util.Set.of())))
                .authenticationRequirementValue("multiFactorAuthentication")
                .authenticationRequirementPolicies(List.of(new RequirementPolicy("multiConditionalAccess", "MFA")))
                .authenticationDetails(List.of(new AuthenticationDetail(when, "Password", "Password Hash Sync",
                        code == 0, "Correct password", "Primary authentication")))
                .deviceDetail(new DeviceDetail("dev-1", "LAPTOP-1", "Windows 10", "Edge 120", true, true,
                        "Azure AD joined"))
                .risk(new Risk("low", "low", "atRisk", "none", List.of("unfamiliarFeatures")))
                .crossTenantAccessTypeValue("none").homeTenantId("tenant-a").resourceTenantId("tenant-a")
                .userAgent("Mozilla/5.0").signInEventTypes(List.of("interactiveUser"))
                .networkLocationDetails(List.of(new NetworkLocation("trustedNamedLocation", List.of("HQ"))));
    }

    /** Every enum-valued field holds a value no detector has seen. */
    static SignIn.Builder unknownEnums(int code) {
        String v = "valueAddedIn2031";
        return SignIn.builder().id("conformance-enums-" + code).createdDateTime(AT).errorCode(code).userTypeValue(v)
                .clientAppUsed(v).conditionalAccessStatusValue(v).authenticationRequirementValue(v)
                .crossTenantAccessTypeValue(v).risk(new Risk(v, v, v, v, List.of(v)))
                .appliedConditionalAccessPolicies(List.of(new AppliedPolicy("p", "p", v, List.of(v), List.of(v),
                        java.util.Set.of(v), java.util.Set.of(v))))
                .authenticationRequirementPolicies(List.of(new RequirementPolicy(v, v)))
                .signInEventTypes(List.of(v)).networkLocationDetails(List.of(new NetworkLocation(v, List.of(v))));
    }

    /** Every text field holds the same odd text; records inside hold nothing. */
    static SignIn.Builder oddText(int code, int which) {
        String t = ODD_TEXT[Math.floorMod(which, ODD_TEXT.length)];
        return SignIn.builder().id(t == null ? "conformance-odd" : t).createdDateTime(AT).correlationId(t).userId(t)
                .userPrincipalName(t).userDisplayName(t).userTypeValue(t).appId(t).appDisplayName(t).ipAddress(t)
                .clientAppUsed(t).userAgent(t).authenticationProtocol(t).servicePrincipalId(t)
                .servicePrincipalName(t).clientCredentialType(t).homeTenantId(t).resourceTenantId(t)
                .status(new Status(code, t, t)).location(new Location(t, t, t, null, null))
                .deviceDetail(new DeviceDetail(t, t, t, t, null, null, t))
                .appliedConditionalAccessPolicies(List.of(new AppliedPolicy(null, null, null, null, null, null, null)))
                .authenticationRequirementPolicies(List.of(new RequirementPolicy(null, null)))
                .authenticationDetails(List.of(new AuthenticationDetail(null, null, null, null, null, null)))
                .risk(new Risk(null, null, null, null, null)).authenticationMethodsUsed(t == null ? List.of() : List.of(t, t));
    }

    /** A random subset of the realistic fields: what partial exports (CSV, Log Analytics) look like. */
    static SignIn.Builder sparse(int code, SplittableRandom r) {
        SignIn full = realistic(code, r).build();
        SignIn.Builder b = SignIn.builder().errorCode(code);
        if (r.nextBoolean()) {
            b.createdDateTime(full.createdDateTime());
        }
        if (r.nextBoolean()) {
            b.userPrincipalName(full.userPrincipalName()).userId(full.userId());
        }
        if (r.nextBoolean()) {
            b.appDisplayName(full.appDisplayName());
        }
        if (r.nextBoolean()) {
            b.ipAddress(full.ipAddress());
        }
        if (r.nextBoolean()) {
            b.clientAppUsed(full.clientAppUsed());
        }
        if (r.nextBoolean()) {
            b.appliedConditionalAccessPolicies(full.appliedConditionalAccessPolicies())
                    .conditionalAccessStatusValue(full.conditionalAccessStatusValue());
        }
        if (r.nextBoolean()) {
            b.authenticationDetails(full.authenticationDetails());
        }
        if (r.nextBoolean()) {
            b.risk(full.risk());
        }
        return b;
    }
}
