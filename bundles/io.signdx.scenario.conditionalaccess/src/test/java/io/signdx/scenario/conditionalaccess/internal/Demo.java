package io.signdx.scenario.conditionalaccess.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.signdx.api.model.AppliedPolicy;
import io.signdx.api.model.DeviceDetail;
import io.signdx.api.model.Location;
import io.signdx.api.model.RequirementPolicy;
import io.signdx.api.model.Risk;
import io.signdx.api.model.SignIn;
import io.signdx.api.model.Status;
import io.signdx.testkit.SignIns;

/**
 * Sign-ins shaped like the demo tenant's (io.signdx.demo DemoSignIns / DemoPolicies): every record carries
 * all nine policies, the ones that acted with their result and grant, the others as not applied.
 */
final class Demo {
    static final String TENANT = "7d1f3c2a-5b8e-4c61-9a0f-2e4b6d8c1a35";
    static final String PARTNER_TENANT = "c3a9e5b1-0d7f-4a28-b6e4-9f1d3c5a7e02";
    static final String SHAREPOINT = "00000003-0000-0ff1-ce00-000000000000";
    static final String TEAMS = "1fec8e78-bce4-4aaf-ab1b-5451cc387264";
    static final String HR_APP = "4b8e2d6f-3a1c-4e9b-8d7f-1c3e5a7b9d02";
    static final String FINANCE_GROUP = "0a6f1c3e-1111-4a8b-9c2d-000000000002";

    record Policy(String id, String name, boolean reportOnly, List<String> grant, List<String> session) {
    }

    static final Policy BLOCK_LEGACY = new Policy("a1c3e5f7-0001-4b2d-8e6f-1a3c5e7f9b01", "Block legacy authentication",
            false, List.of("Block"), List.of());
    static final Policy MFA_ADMINS = new Policy("a1c3e5f7-0002-4b2d-8e6f-1a3c5e7f9b02", "Require MFA for admins",
            false, List.of("Mfa"), List.of());
    static final Policy MFA_UNTRUSTED = new Policy("a1c3e5f7-0003-4b2d-8e6f-1a3c5e7f9b03",
            "Require MFA outside trusted locations", false, List.of("Mfa"), List.of());
    static final Policy COMPLIANT_FINANCE = new Policy("a1c3e5f7-0004-4b2d-8e6f-1a3c5e7f9b04",
            "Finance: require compliant device for Exchange", false, List.of("RequireCompliantDevice"), List.of());
    static final Policy BLOCK_HIGH_RISK = new Policy("a1c3e5f7-0005-4b2d-8e6f-1a3c5e7f9b05", "Block high sign-in risk",
            false, List.of("Block"), List.of());
    static final Policy MFA_GUESTS = new Policy("a1c3e5f7-0006-4b2d-8e6f-1a3c5e7f9b06", "Require MFA for guests",
            false, List.of("Mfa"), List.of());
    static final Policy GUEST_DEVICE = new Policy("a1c3e5f7-0007-4b2d-8e6f-1a3c5e7f9b07",
            "Guests: require compliant device for SharePoint", false, List.of("RequireCompliantDevice"), List.of());
    static final Policy COUNTRIES = new Policy("a1c3e5f7-0008-4b2d-8e6f-1a3c5e7f9b08",
            "Block sign-ins from outside allowed countries (report-only)", true, List.of("Block"), List.of());
    static final Policy HR_FREQUENCY = new Policy("a1c3e5f7-0009-4b2d-8e6f-1a3c5e7f9b09", "HR app: sign-in every 8 hours",
            false, List.of(), List.of("SignInFrequency"));
    static final List<Policy> ALL = List.of(BLOCK_LEGACY, MFA_ADMINS, MFA_UNTRUSTED, COMPLIANT_FINANCE, BLOCK_HIGH_RISK,
            MFA_GUESTS, GUEST_DEVICE, COUNTRIES, HR_FREQUENCY);

    private Demo() {
    }

    /** The policy list of a demo record: the given results, every other policy as not applied. */
    static List<AppliedPolicy> applied(Object... policyAndResult) {
        Map<Policy, String> results = new LinkedHashMap<>();
        for (int i = 0; i < policyAndResult.length; i += 2) {
            results.put((Policy) policyAndResult[i], (String) policyAndResult[i + 1]);
        }
        List<AppliedPolicy> out = new ArrayList<>();
        for (Policy p : ALL) {
            String result = results.getOrDefault(p, p.reportOnly() ? "reportOnlyNotApplied" : "notApplied");
            boolean applies = !result.endsWith("otApplied");
            out.add(new AppliedPolicy(p.id(), p.name(), result, applies ? p.grant() : List.of(),
                    applies ? p.session() : List.of(), applies ? Set.of("application", "users") : Set.of("application"),
                    applies ? Set.of() : Set.of("users")));
        }
        return out;
    }

    static DeviceDetail personalPhone() {
        return new DeviceDetail(null, null, "iOS 18", "Mobile Safari", null, null, null);
    }

    static DeviceDetail managedLaptop() {
        return new DeviceDetail("d1234567-0000-4000-8000-000000000001", "ANN-LT", "Windows 11", "Edge 131.0.0", true,
                true, "Azure AD joined");
    }

    private static SignIn.Builder base(SignIns fx, String upn, int code, String reason) {
        return fx.failure(upn, code).status(new Status(code, reason, null)).homeTenantId(TENANT).resourceTenantId(TENANT)
                .crossTenantAccessTypeValue("none").appliedConditionalAccessPolicies(applied())
                .risk(new Risk("none", "none", "none", "none", List.of()));
    }

    /** DemoSignIns#legacy: IMAP blocked by the legacy policy. */
    static SignIn.Builder legacyBlock(SignIns fx, String upn) {
        return base(fx, upn, 53003, "Access has been blocked by Conditional Access policies. The access policy does not "
                + "allow token issuance.").clientAppUsed("IMAP4").deviceDetail(personalPhone())
                .conditionalAccessStatusValue("failure").appliedConditionalAccessPolicies(applied(BLOCK_LEGACY, "failure"));
    }

    /** DemoSignIns#risky: a high-risk sign-in blocked by the risk policy, the countries policy report-only. */
    static SignIn.Builder riskyBlock(SignIns fx, String upn) {
        return base(fx, upn, 53003, "Access has been blocked by Conditional Access policies. The access policy does not "
                + "allow token issuance.").ipAddress("192.0.2.201").location(new Location(null, null, "NG", null, null))
                .clientAppUsed("Mobile Apps and Desktop clients").deviceDetail(personalPhone())
                .conditionalAccessStatusValue("failure")
                .appliedConditionalAccessPolicies(applied(BLOCK_HIGH_RISK, "failure", COUNTRIES, "reportOnlyFailure"))
                .risk(new Risk("high", "high", "atRisk", "none", List.of("anonymizedIPAddress")));
    }

    /** DemoSignIns#conditionalAccess: a Finance member on a personal phone, compliant device required. */
    static SignIn.Builder financeCompliance(SignIns fx, String upn) {
        return base(fx, upn, 53000, "Device is not in required device state: compliant. Conditional Access policy "
                + "requires a compliant device, and the device is not compliant.").ipAddress("198.51.100.7")
                .clientAppUsed("Mobile Apps and Desktop clients").deviceDetail(personalPhone())
                .conditionalAccessStatusValue("failure").appliedConditionalAccessPolicies(applied(COMPLIANT_FINANCE,
                        "failure", MFA_UNTRUSTED, "success"));
    }

    /** DemoSignIns#conditionalAccess: the HR app's sign-in frequency. */
    static SignIn.Builder hrFrequency(SignIns fx, String upn) {
        return base(fx, upn, 70044, "The session has expired or is invalid due to sign-in frequency checks by "
                + "conditional access.").appId(HR_APP).appDisplayName("Northwind HR (SAML)").resourceId(HR_APP)
                .resourceDisplayName("Northwind HR (SAML)")
                .deviceDetail(managedLaptop())
                .conditionalAccessStatusValue("failure").appliedConditionalAccessPolicies(applied(HR_FREQUENCY,
                        "failure"));
    }

    /** DemoSignIns#conditionalAccess: MFA required outside the trusted network. */
    static SignIn.Builder mfaOutside(SignIns fx, String upn, int code) {
        return base(fx, upn, code, code == 50074 ? "Strong Authentication is required." : "Due to a configuration "
                + "change made by your administrator, or because you moved to a new location, you must use multi-factor "
                + "authentication to access the resource.").appId(TEAMS).appDisplayName("Microsoft Teams").resourceId(TEAMS)
                .resourceDisplayName("Microsoft Teams")
                .ipAddress("198.51.100.12").deviceDetail(managedLaptop()).conditionalAccessStatusValue("success")
                .appliedConditionalAccessPolicies(applied(MFA_UNTRUSTED, "success"))
                .authenticationRequirementValue("multiFactorAuthentication")
                .authenticationRequirementPolicies(List.of(new RequirementPolicy("multiConditionalAccess",
                        "Require MFA outside trusted locations")));
    }

    /** DemoSignIns#mfa: per-user MFA, no Conditional Access involved. */
    static SignIn.Builder perUserMfa(SignIns fx, String upn) {
        return base(fx, upn, 50076, "Due to a configuration change made by your administrator, or because you moved to "
                + "a new location, you must use multi-factor authentication to access the resource.")
                .appDisplayName("Microsoft Office").resourceDisplayName("Microsoft Office")
                .authenticationRequirementValue("multiFactorAuthentication")
                .authenticationRequirementPolicies(List.of(new RequirementPolicy("user", "Per-user MFA")));
    }

    /** DemoSignIns#guests: a Fabrikam guest on SharePoint without a compliant device. */
    static SignIn.Builder guestCompliance(SignIns fx, String upn) {
        return base(fx, upn, 53000, "Device is not in required device state: compliant.").userTypeValue("guest")
                .homeTenantId(PARTNER_TENANT).crossTenantAccessTypeValue("b2bCollaboration").appId(SHAREPOINT)
                .appDisplayName("Office 365 SharePoint Online").resourceId(SHAREPOINT)
                .resourceDisplayName("Office 365 SharePoint Online").ipAddress("198.51.100.200").deviceDetail(personalPhone())
                .clientAppUsed("Mobile Apps and Desktop clients").conditionalAccessStatusValue("failure")
                .appliedConditionalAccessPolicies(applied(GUEST_DEVICE, "failure", MFA_GUESTS, "success"));
    }

    /** DemoSignIns#guests: the cross-tenant access policy refused the guest. */
    static SignIn.Builder guestCrossTenant(SignIns fx, String upn, int code) {
        return base(fx, upn, code, "The user's home tenant's cross-tenant access policy does not allow this access.")
                .userTypeValue("guest").homeTenantId(PARTNER_TENANT).crossTenantAccessTypeValue("b2bCollaboration")
                .appId(TEAMS).appDisplayName("Microsoft Teams").resourceId(TEAMS)
                .resourceDisplayName("Microsoft Teams").ipAddress("198.51.100.201");
    }
}
