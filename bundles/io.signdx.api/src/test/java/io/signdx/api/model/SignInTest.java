package io.signdx.api.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class SignInTest {
    @Test
    void unknownAndFutureEnumValuesSurviveAsUnknown() {
        SignIn s = SignIn.builder().userTypeValue("superGuest").conditionalAccessStatusValue("unknownFutureValue")
                .clientAppUsed("Quantum Mail").crossTenantAccessTypeValue("b2bTeleport").build();
        assertEquals(UserType.UNKNOWN, s.userType());
        assertEquals("superGuest", s.userTypeValue(), "the original text is kept");
        assertEquals(ConditionalAccessStatus.UNKNOWN, s.conditionalAccessStatus());
        assertEquals(ClientApp.UNKNOWN, s.clientApp());
        assertEquals(CrossTenantAccessType.UNKNOWN, s.crossTenantAccessType());
    }

    @Test
    void graphValuesParseWhateverTheExportsSpelling() {
        assertEquals(PolicyResult.REPORT_ONLY_FAILURE, PolicyResult.parse("reportOnlyFailure"));
        assertEquals(PolicyResult.REPORT_ONLY_FAILURE, PolicyResult.parse("REPORT_ONLY_FAILURE"));
        assertEquals(UserType.GUEST, UserType.parse("Guest"));
        assertEquals(AuthenticationRequirement.MULTI_FACTOR, AuthenticationRequirement.parse("multiFactorAuthentication"));
        assertEquals(ClientApp.OUTLOOK_ANYWHERE, ClientApp.parse("Outlook Anywhere (RPC over HTTP)"));
        assertEquals(ClientApp.EXCHANGE_ACTIVESYNC, ClientApp.parse("exchange activesync"));
        assertTrue(ClientApp.IMAP4.isLegacy());
        assertFalse(ClientApp.BROWSER.isLegacy());
        assertEquals(RiskLevel.UNKNOWN, RiskLevel.parse(null));
    }

    @Test
    void absentPartsAreEmptyNotNullAndCollectionsAreCopies() {
        List<String> methods = new ArrayList<>(List.of("Password"));
        SignIn s = SignIn.builder().authenticationMethodsUsed(methods).build();
        methods.add("FIDO2");
        assertEquals(List.of("Password"), s.authenticationMethodsUsed());
        assertEquals(0, s.errorCode());
        assertEquals(Location.UNKNOWN, s.location());
        assertEquals(DeviceDetail.UNKNOWN, s.deviceDetail());
        assertFalse(s.deviceDetail().isRegistered());
        assertTrue(s.appliedConditionalAccessPolicies().isEmpty());
        assertEquals("unknown user", s.userLabel());
        assertEquals("unknown application", s.appLabel());
    }

    @Test
    void toBuilderMakesAChangedCopy() {
        SignIn a = SignIn.builder().id("r1").userPrincipalName("ann@x.example").errorCode(50126).build();
        SignIn b = a.toBuilder().errorCode(0).build();
        assertEquals(50126, a.errorCode());
        assertEquals(0, b.errorCode());
        assertEquals("ann@x.example", b.userPrincipalName());
    }

    @Test
    void requirementProvidersAndPolicyHelpers() {
        AppliedPolicy block = new AppliedPolicy("p1", "Block legacy", "failure", List.of("Block"), null, null, null);
        SignIn s = SignIn.builder().appliedConditionalAccessPolicies(List.of(block))
                .authenticationRequirementPolicies(List.of(new RequirementPolicy("multiConditionalAccess", null)))
                .build();
        assertTrue(s.hasRequirementProvider("MULTICONDITIONALACCESS"));
        assertFalse(s.hasRequirementProvider("user"));
        assertTrue(s.appliedConditionalAccessPolicies().get(0).blocks());
        assertEquals(PolicyResult.FAILURE, block.result());
        assertEquals("Seattle, WA, US", new Location("Seattle", "WA", "US", null, null).display());
        assertEquals("WA", new Location(" ", "WA", null, null, null).display());
        assertEquals("Seattle, US", new Location("Seattle", "", "US", null, null).display());
        assertEquals("", Location.UNKNOWN.display());
    }
}
