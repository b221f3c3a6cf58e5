package io.signdx.scenario.mfa.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.signdx.api.model.AppliedPolicy;
import io.signdx.api.model.AuthenticationDetail;
import io.signdx.api.model.Location;
import io.signdx.api.model.RequirementPolicy;
import io.signdx.api.model.SignIn;
import io.signdx.api.model.Status;
import io.signdx.testkit.SignIns;

/** Sign-ins shaped like the demo tenant's (io.signdx.demo DemoSignIns#mfa), for the detectors to recognise. */
final class Demo {
    static final String MFA_POLICY = "Require MFA outside trusted locations";

    private Demo() {
    }

    static RequirementPolicy provider(String value) {
        return new RequirementPolicy(value, null);
    }

    static AppliedPolicy mfaPolicy(String result) {
        return new AppliedPolicy("a1c3e5f7-0003-4b2d-8e6f-1a3c5e7f9b03", MFA_POLICY, result, List.of("Mfa"), List.of(),
                Set.of("application", "users"), Set.of());
    }

    static AppliedPolicy notApplied(String name) {
        return new AppliedPolicy("id-" + name, name, "notApplied", List.of(), List.of(), Set.of("application"),
                Set.of("users"));
    }

    static SignIn.Builder perUser(SignIns fx, String upn) {
        return fx.failure(upn, 50076).status(new Status(50076, "Due to a configuration change made by your "
                + "administrator, or because you moved to a new location, you must use multi-factor authentication to "
                + "access the resource.", null)).appDisplayName("Outlook")
                .authenticationRequirementValue("multiFactorAuthentication")
                .authenticationRequirementPolicies(List.of(new RequirementPolicy("user", "Per-user MFA")));
    }

    static SignIn.Builder proofUp(SignIns fx, String upn) {
        return fx.failure(upn, 50079).appDisplayName("My Apps")
                .authenticationRequirementPolicies(List.of(provider("mfaRegistrationRequiredByMultiConditionalAccess")));
    }

    static SignIn.Builder riskyProofUp(SignIns fx, String upn) {
        return fx.failure(upn, 53004).status(new Status(53004, "Proof up is blocked due to suspicious activity", null))
                .appDisplayName("My Apps").ipAddress("192.0.2.33")
                .location(new Location(null, null, "RU", null, null));
    }

    static SignIn.Builder notCompleted(SignIns fx, String upn, String why) {
        SignIn.Builder b = fx.failure(upn, 500121);
        Instant when = b.build().createdDateTime();
        return b.status(new Status(500121, "Authentication failed during strong authentication request.", null))
                .appDisplayName("Microsoft Teams").conditionalAccessStatusValue("success")
                .appliedConditionalAccessPolicies(List.of(mfaPolicy("success"), notApplied("Block legacy authentication")))
                .authenticationDetails(List.of(
                        new AuthenticationDetail(when, "Password", "Password Hash Sync", true, "Correct password",
                                "Primary authentication"),
                        new AuthenticationDetail(when.plusSeconds(40), "Mobile app notification", null, false, why,
                                "Multifactor authentication")));
    }

    static SignIn.Builder securityDefaults(SignIns fx, String upn) {
        return fx.failure(upn, 530035).status(new Status(530035, "Access has been blocked by security defaults. This "
                + "is due to the request using legacy auth or being deemed unsafe by security defaults policies.", null))
                .appDisplayName("Azure Portal")
                .authenticationRequirementPolicies(List.of(provider("securityDefaults")));
    }

    static Map<String, String> reasons() {
        return Map.of("denied", "MFA denied; user declined the authentication",
                "timed-out", "MFA denied; user did not respond to mobile app notification",
                "wrong-number", "MFA denied; user did not select the correct number");
    }
}
