package io.signdx.policy.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.signdx.api.model.AuthenticationContext;
import io.signdx.api.model.DeviceDetail;
import io.signdx.api.model.Location;
import io.signdx.api.model.Risk;
import io.signdx.api.model.SignIn;
import io.signdx.api.tenant.ConditionalAccessPolicy;
import io.signdx.policy.Condition;
import io.signdx.policy.SignInFacts;
import io.signdx.policy.Verdict;
import io.signdx.testkit.SignIns;

class RecordedFactsTest {
    private static final String HOME = "11111111-0000-4000-8000-000000000001";
    private static final String RESOURCE = "22222222-0000-4000-8000-000000000002";

    private final SignIns fx = new SignIns();

    @Test
    void realisticInteractiveSignIn() {
        SignIn s = fx.failure("Alice@Contoso.example", 53003).userId("a11ce").appId("d3590ed6-52b3-4102-aeff-aad2292ab01c")
                .appDisplayName("Microsoft Office").resourceId(SignIns.EXCHANGE_APP_ID).ipAddress("203.0.113.10")
                .location(new Location("Amsterdam", "Noord-Holland", "NL", 52.37, 4.89))
                .clientAppUsed("Mobile Apps and Desktop clients").authenticationProtocol("oAuth2")
                .deviceDetail(new DeviceDetail("6f8a0c1e-0000-4000-8000-00000000d001", "NW-LT-0042", "Windows 10", "Edge 120",
                        true, true, "Hybrid Azure AD joined"))
                .risk(new Risk("medium", "low", "atRisk", null, List.of("unfamiliarFeatures")))
                .crossTenantAccessTypeValue("none").homeTenantId(HOME).resourceTenantId(HOME).build();
        SignInFacts f = SignInFacts.of(s);
        assertEquals("a11ce", f.userId());
        assertEquals("Alice@Contoso.example", f.userPrincipalName());
        assertEquals("Member", f.userType());
        assertEquals("none", f.guestOrExternalUserType());
        assertEquals(SignIns.EXCHANGE_APP_ID, f.appId(), "the resource, which Conditional Access targets");
        assertEquals("203.0.113.10", f.ipAddress());
        assertEquals("NL", f.country());
        assertEquals("windows", f.platform());
        assertEquals("mobileAppsAndDesktopClients", f.clientAppType());
        assertEquals("medium", f.signInRisk());
        assertEquals("low", f.userRisk());
        assertEquals("none", f.authenticationFlow());
        assertEquals(Map.of("deviceId", "6f8a0c1e-0000-4000-8000-00000000d001", "displayName", "NW-LT-0042",
                "trustType", "ServerAD", "isCompliant", "True", "isManaged", "True", "operatingSystem", "Windows"),
                f.deviceProperties());
        assertNull(f.servicePrincipalId());
        assertNull(f.groupIds(), "memberships are left to the snapshot");
        assertSame(s, f.recorded());
    }

    @Test
    void clientAppWhenTheRecordHasNoResource() {
        SignIn s = fx.success("bob@contoso.example").resourceId(null).appId("c44b4083-3bb0-49c1-b47d-974e53cbdf3c").build();
        assertEquals("c44b4083-3bb0-49c1-b47d-974e53cbdf3c", SignInFacts.of(s).appId());
    }

    @Test
    void deviceCodeFlowAndUnknownFlow() {
        assertEquals("deviceCodeFlow", SignInFacts.of(fx.success("a@b.example").authenticationProtocol("deviceCode").build())
                .authenticationFlow());
        assertNull(SignInFacts.of(fx.success("a@b.example").authenticationProtocol(null).build()).authenticationFlow());
    }

    @ParameterizedTest
    @CsvSource({"deviceCodeFlow, oAuth2, deviceCodeFlow", "DEVICECODEFLOW, , deviceCodeFlow",
            "authenticationTransfer, oAuth2, authenticationTransfer", "none, deviceCode, none",
            "unknownFutureValue, oAuth2, unknownFutureValue", "'  ', deviceCode, deviceCodeFlow", ", oAuth2, none"})
    void theRecordedTransferMethodComesBeforeTheProtocol(String transfer, String protocol, String expected) {
        SignIn s = fx.success("a@b.example").originalTransferMethod(transfer).authenticationProtocol(protocol).build();
        assertEquals(expected, SignInFacts.of(s).authenticationFlow());
    }

    @Test
    void authenticationContextsAndUserActionsFromTheRecord() {
        SignIn none = fx.success("a@b.example").authenticationContextClassReferences(null).build();
        assertNull(SignInFacts.of(none).authenticationContexts(), "not recorded: unknown");
        assertNull(SignInFacts.of(none).userAction());
        SignIn empty = fx.success("a@b.example").authenticationContextClassReferences(List.of()).build();
        assertEquals(Set.of(), SignInFacts.of(empty).authenticationContexts(), "recorded as none");
        assertNull(SignInFacts.of(empty).userAction());
        SignIn asked = fx.success("a@b.example").authenticationContextClassReferences(List.of(
                new AuthenticationContext("urn:user:registerdevice", "previouslySatisfied"),
                new AuthenticationContext("c1", "required"), new AuthenticationContext("c2", "previouslySatisfied"),
                new AuthenticationContext("c3", "notApplicable"), new AuthenticationContext(" c4 ", null),
                new AuthenticationContext("urn:user:registersecurityinfo", "required"),
                new AuthenticationContext(null, "required"))).build();
        SignInFacts f = SignInFacts.of(asked);
        assertEquals(Set.of("c1", "c2", "c4"), f.authenticationContexts());
        assertEquals("urn:user:registersecurityinfo", f.userAction(), "the action it requires before one satisfied");
        SignIn satisfiedOnly = fx.success("a@b.example").authenticationContextClassReferences(List.of(
                new AuthenticationContext("urn:user:registerdevice", "previouslySatisfied"))).build();
        assertEquals("urn:user:registerdevice", SignInFacts.of(satisfiedOnly).userAction());
        assertEquals(Set.of(), SignInFacts.of(satisfiedOnly).authenticationContexts());
    }

    @Test
    void recordedFlowsActionsAndContextsDecidePoliciesThatTargetThem() {
        ConditionalAccessPolicy deviceCode = PolicyBuilder.policy("dc", "Block device code flow").includeUsers("All")
                .includeApps("All").authenticationFlows("deviceCodeFlow").block().build();
        ConditionalAccessPolicy register = PolicyBuilder.policy("reg", "Register security info from the office only")
                .includeUsers("All").userActions("urn:user:registersecurityinfo").block().build();
        ConditionalAccessPolicy stepUp = PolicyBuilder.policy("c1", "Step-up for payroll").includeUsers("All")
                .authContexts("c1").grant("OR", "mfa").build();
        // Graph v1.0-like: an OAuth sign-in with neither field
        SignIn plain = fx.success("alice@contoso.example").authenticationProtocol("oAuth2").build();
        // the same sign-in as Graph beta records a device code sign-in that asked for c1 to register security info
        SignIn beta = fx.success("alice@contoso.example").authenticationProtocol("oAuth2")
                .originalTransferMethod("deviceCodeFlow").authenticationContextClassReferences(List.of(
                        new AuthenticationContext("urn:user:registersecurityinfo", "required"),
                        new AuthenticationContext("c1", "required"))).build();
        Eval.assertVerdict(Verdict.NOT_SATISFIED, Eval.check(deviceCode, SignInFacts.of(plain), Condition.AUTHENTICATION_FLOWS));
        Eval.assertVerdict(Verdict.SATISFIED, Eval.check(deviceCode, SignInFacts.of(beta), Condition.AUTHENTICATION_FLOWS));
        Eval.assertVerdict(Verdict.NOT_SATISFIED, Eval.check(register, SignInFacts.of(plain), Condition.USER_ACTIONS));
        Eval.assertVerdict(Verdict.SATISFIED, Eval.check(register, SignInFacts.of(beta), Condition.USER_ACTIONS));
        Eval.assertVerdict(Verdict.NOT_ENOUGH_INFORMATION,
                Eval.check(stepUp, SignInFacts.of(plain), Condition.AUTHENTICATION_CONTEXTS));
        Eval.assertVerdict(Verdict.SATISFIED, Eval.check(stepUp, SignInFacts.of(beta), Condition.AUTHENTICATION_CONTEXTS));
        Eval.assertVerdict(Verdict.NOT_SATISFIED, Eval.check(stepUp,
                SignInFacts.of(beta.toBuilder().authenticationContextClassReferences(List.of()).build()),
                Condition.AUTHENTICATION_CONTEXTS));
    }

    @Test
    void unregisteredAndUnknownDevices() {
        SignIn unregistered = fx.success("a@b.example").deviceDetail(new DeviceDetail("", "", "Ios 17.2", "Mobile Safari",
                false, false, "")).build();
        SignInFacts f = SignInFacts.of(unregistered);
        assertEquals(Map.of(), f.deviceProperties());
        assertEquals("iOS", f.platform());
        assertNull(SignInFacts.of(fx.success("a@b.example").build()).deviceProperties(), "no device detail at all: unknown");
    }

    @ParameterizedTest
    @CsvSource({"Windows 10, windows", "Windows11, windows", "Windows Phone 8, windowsPhone", "Ios, iOS", "iOS 17.1, iOS",
        "iPadOS, iOS", "MacOs, macOS", "Mac OS X, macOS", "Android 14, android", "Linux, linux", "PlayStation,",
        "'',"})
    void platforms(String os, String expected) {
        assertEquals(expected, RecordedFacts.platform(os));
    }

    @ParameterizedTest
    @CsvSource({"Browser, browser", "Mobile Apps and Desktop clients, mobileAppsAndDesktopClients",
        "Exchange ActiveSync, exchangeActiveSync", "IMAP4, other", "Authenticated SMTP, other",
        "Outlook Anywhere (RPC over HTTP), other", "Other clients, other", "Something new,"})
    void clientAppTypes(String used, String expected) {
        assertEquals(expected, RecordedFacts.clientAppType(used));
    }

    @ParameterizedTest
    @CsvSource({"Azure AD joined, AzureAD", "Hybrid Azure AD joined, ServerAD", "Azure AD registered, Workplace",
        "Microsoft Entra hybrid joined, ServerAD", "Microsoft Entra registered, Workplace", "AzureAD, AzureAD",
        "something,", "'',"})
    void trustTypes(String recorded, String expected) {
        assertEquals(expected, RecordedFacts.trustType(recorded));
    }

    @Test
    void guestTypesFromTheRecord() {
        SignIn b2b = fx.success("bob@fabrikam.example").userTypeValue("guest").crossTenantAccessTypeValue("b2bCollaboration")
                .homeTenantId(HOME).resourceTenantId(RESOURCE).build();
        SignInFacts f = SignInFacts.of(b2b);
        assertEquals("Guest", f.userType());
        assertEquals("b2bCollaborationGuest", f.guestOrExternalUserType());
        assertEquals(HOME, f.homeTenantId());
        assertEquals("b2bCollaborationMember", SignInFacts.of(b2b.toBuilder().userTypeValue("member").build())
                .guestOrExternalUserType());
        assertEquals("b2bDirectConnectUser", SignInFacts.of(b2b.toBuilder().crossTenantAccessTypeValue("b2bDirectConnect").build())
                .guestOrExternalUserType());
        assertEquals("serviceProvider", SignInFacts.of(b2b.toBuilder().crossTenantAccessTypeValue("serviceProvider").build())
                .guestOrExternalUserType());
        SignIn noType = b2b.toBuilder().crossTenantAccessTypeValue(null).build();
        assertEquals("b2bCollaborationGuest", SignInFacts.of(noType).guestOrExternalUserType(), "home differs from resource tenant");
        assertEquals("internalGuest", SignInFacts.of(noType.toBuilder().resourceTenantId(HOME).build()).guestOrExternalUserType());
        assertNull(SignInFacts.of(noType.toBuilder().homeTenantId(null).build()).guestOrExternalUserType());
    }

    @Test
    void servicePrincipalSignIn() {
        SignIn sp = SignIn.builder().id("sp-1").servicePrincipalId("5e7c1a00").servicePrincipalName("Payroll sync")
                .appId("app-1").resourceId("00000003-0000-0000-c000-000000000000").ipAddress("198.51.100.9")
                .signInEventTypes(List.of("servicePrincipal")).build();
        SignInFacts f = SignInFacts.of(sp);
        assertEquals("5e7c1a00", f.servicePrincipalId());
        assertNull(f.userId());
        assertEquals("00000003-0000-0000-c000-000000000000", f.appId());
        SignIn user = fx.success("a@b.example").servicePrincipalId("client-sp").build();
        assertNull(SignInFacts.of(user).servicePrincipalId(), "a user sign-in is not a workload sign-in");
    }

    @Test
    void blankValuesAreUnknown() {
        SignIn s = SignIn.builder().id("x").userId(" ").ipAddress("").location(new Location(null, null, " ", null, null))
                .risk(new Risk("", null, null, null, null)).build();
        SignInFacts f = SignInFacts.of(s);
        assertNull(f.userId());
        assertNull(f.ipAddress());
        assertNull(f.country());
        assertNull(f.signInRisk());
        assertNull(f.clientAppType());
    }

    @Test
    void nullSignInIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> SignInFacts.of(null));
    }
}
