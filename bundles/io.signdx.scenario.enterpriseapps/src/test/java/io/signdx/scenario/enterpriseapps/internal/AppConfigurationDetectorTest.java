package io.signdx.scenario.enterpriseapps.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.signdx.api.detector.Actor;
import io.signdx.api.detector.Confidence;
import io.signdx.api.detector.EvidenceTable;
import io.signdx.api.detector.Finding;
import io.signdx.api.detector.Recommendation;
import io.signdx.api.model.SignIn;
import io.signdx.api.model.Status;
import io.signdx.testkit.SignIns;
import io.signdx.testkit.TestContext;

import org.junit.jupiter.api.Test;

class AppConfigurationDetectorTest {
    static final String PAYROLL = "8e4c2a6b-9d1f-4b3e-a7c5-2f6d8b0e4a19";
    static final Instant EXPIRY = Instant.parse("2026-11-21T00:00:00Z");

    private final AppConfigurationDetector detector = new AppConfigurationDetector();
    private final SignIns fx = new SignIns();

    private Finding only(SignIn s, TestContext context) {
        List<Finding> findings = detector.detect(s, context);
        assertEquals(1, findings.size(), findings.toString());
        assertEquals("apps.configuration", findings.get(0).scenario());
        // counting asks without detail: the same finding, classification, title and confidence included
        List<Finding> brief = detector.detect(s, context.brief());
        assertEquals(1, brief.size());
        assertEquals(findings.get(0).classification(), brief.get(0).classification());
        assertEquals(findings.get(0).title(), brief.get(0).title());
        assertEquals(findings.get(0).confidence(), brief.get(0).confidence());
        return findings.get(0);
    }

    private Finding only(SignIn s) {
        return only(s, TestContext.empty());
    }

    private static boolean recommends(Finding f, Actor actor, String text) {
        return f.recommendations().stream().anyMatch(r -> r.actor() == actor && r.action().contains(text));
    }

    /** Shaped like the demo's Payroll sync token requests: a service principal with a client secret. */
    private static SignIn payroll(String id, Instant when, int code) {
        return SignIn.builder().id(id).correlationId("c-" + id).createdDateTime(when)
                .servicePrincipalId("sp-" + PAYROLL)
                .servicePrincipalName("Payroll sync").appId(PAYROLL).appDisplayName("Payroll sync")
                .resourceDisplayName("Microsoft Graph").resourceId("00000003-0000-0000-c000-000000000000")
                .ipAddress("203.0.113.200").clientCredentialType("clientSecret")
                .signInEventTypes(List.of("servicePrincipal"))
                .isInteractive(false).status(new Status(code, code == 0 ? null : "failure " + code, null)).build();
    }

    // ---- reply URLs ------------------------------------------------------------------------------

    @Test
    void samlReplyUrlMismatchIsFixedInTheEnterpriseAppWithTheQuotedUrl() {
        SignIn s = fx.failure("grace@northwind.example", 50011).appDisplayName("Northwind HR (SAML)")
                .authenticationProtocol("saml20").status(new Status(50011, "The reply URL specified in the request "
                        + "does not match: 'https://hr.northwind.example/saml/acs'.", null)).build();
        Finding f = only(s);
        assertEquals("reply-url", f.classification());
        Recommendation first = f.recommendations().get(0);
        assertEquals(Actor.ADMIN, first.actor());
        assertTrue(first.action().contains("Basic SAML Configuration"), first.action());
        assertTrue(first.action().contains("'https://hr.northwind.example/saml/acs'"), first.action());
        assertTrue(f.complete(), f.missing().toString());
    }

    @Test
    void oauthRedirectUriMismatchIsTheAppRegistrationsAndSaysTheUrlIsMissing() {
        Finding f = only(fx.failure("ann@contoso.example", 50011).appDisplayName("Contoso Portal").appId("portal-1")
                .authenticationProtocol("oAuth2").build());
        assertEquals("reply-url", f.classification());
        assertEquals(Actor.APP_OWNER, f.recommendations().get(0).actor());
        assertTrue(f.recommendations().get(0).action().contains("App registrations > Contoso Portal (portal-1)"));
        assertTrue(f.missing().stream().anyMatch(m -> m.contains("reply URL")));
    }

    @Test
    void replyUrlWithoutAProtocolIsTreatedAsOauthAndSaysSo() {
        Finding f = only(fx.failure("ann@contoso.example", 50011).build());
        assertEquals(Actor.APP_OWNER, f.recommendations().get(0).actor());
        assertTrue(f.missing().stream().anyMatch(m -> m.contains("authentication protocol")));
    }

    // ---- the app and its resource ------------------------------------------------------------------

    @Test
    void demoUnknownAppIsNotFoundWithItsIdAndMediumConfidence() {
        Finding f = only(fx.failure("kemal@northwind.example", 700016).appId("9f7e5d3c-1b2a-4c6d-8e0f-7a5b3c1d9e24")
                .appDisplayName("Legacy CRM").build());
        assertEquals("app-not-found", f.classification());
        assertEquals(Confidence.MEDIUM, f.confidence());
        assertTrue(f.assessment().contains("9f7e5d3c-1b2a-4c6d-8e0f-7a5b3c1d9e24"), f.assessment());
        assertTrue(recommends(f, Actor.ADMIN, "Deleted applications"));
    }

    @Test
    void disabledAppAndMissingOrDisabledResourceAreTold() {
        assertEquals("app-disabled", only(fx.failure("a@x.example", 7000112).build()).classification());
        Finding missing = only(fx.failure("a@x.example", 500011).resourceDisplayName("Contoso API").build());
        assertEquals("resource-not-found", missing.classification());
        assertTrue(missing.assessment().contains("Contoso API"), missing.assessment());
        Finding disabled = only(fx.failure("a@x.example", 500014).resourceDisplayName("Contoso API").build());
        assertEquals("resource-disabled", disabled.classification());
        assertTrue(recommends(disabled, Actor.ADMIN, "Enabled for users to sign in"));
    }

    // ---- assignment, keys, audience ------------------------------------------------------------------

    @Test
    void demoUnassignedUserGetsAssignmentOrAssignmentRequiredOff() {
        Finding f = only(fx.failure("farid@northwind.example", 50105).appDisplayName("Contoso Expenses").build());
        assertEquals("assignment-required", f.classification());
        assertTrue(recommends(f, Actor.ADMIN, "assign farid@northwind.example"));
        assertTrue(recommends(f, Actor.ADMIN, "'Assignment required?' to No"));
        assertTrue(recommends(f, Actor.USER, "Ask the help desk"));
    }

    @Test
    void signingKeysAndAudienceAreClassified() {
        assertEquals("signing-key", only(fx.failure("a@x.example", 50003).build()).classification());
        assertEquals("signing-key", only(fx.failure("a@x.example", 50146).build()).classification());
        assertEquals("audience", only(fx.failure("a@x.example", 50010).build()).classification());
        assertEquals("claims-mapping", only(fx.failure("a@x.example", 501241).build()).classification());
    }

    // ---- consent -----------------------------------------------------------------------------------

    @Test
    void demoMissingConsentAsksAnAdminAndMentionsTheWorkflow() {
        Finding f = only(fx.failure("jonas@northwind.example", 65001).appDisplayName("Contoso Expenses")
                .resourceDisplayName("Contoso Expenses").build());
        assertEquals("consent-required", f.classification());
        assertTrue(recommends(f, Actor.ADMIN, "Grant admin consent"));
        assertTrue(recommends(f, Actor.ADMIN, "admin consent workflow"));
        assertFalse(f.assessment().contains("on Contoso Expenses"), "the app asked for itself: " + f.assessment());
        assertTrue(f.missing().stream().anyMatch(m -> m.contains("permissions")));
    }

    @Test
    void aWorkloadWithoutConsentNeedsApplicationPermissionsGranted() {
        Finding f = only(payroll("w1", EXPIRY, 65001));
        assertEquals("consent-required", f.classification());
        assertTrue(recommends(f, Actor.ADMIN, "Application permissions of a workload"), f.recommendations().toString());
        assertTrue(f.assessment().startsWith("The service principal 'Payroll sync'"), f.assessment());
    }

    @Test
    void declinedConsentIsTheUsersChoice() {
        Finding f = only(fx.failure("ann@contoso.example", 65004).build());
        assertEquals("consent-declined", f.classification());
        assertEquals(Actor.USER, f.recommendations().get(0).actor());
    }

    @Test
    void permissionsMissingFromTheRegistration() {
        Finding f = only(fx.failure("a@x.example", 650057).appDisplayName("Portal").resourceDisplayName("Contoso API")
                .build());
        assertEquals("required-permissions", f.classification());
        assertTrue(recommends(f, Actor.APP_OWNER, "API permissions"));
    }

    // ---- client credentials ------------------------------------------------------------------------

    @Test
    void demoExpiredSecretNamesThePrincipalAndSaysSinceWhenAndHowOften() {
        List<SignIn> all = new ArrayList<>();
        all.add(payroll("ok", EXPIRY.minus(Duration.ofHours(3)), 0));
        for (int i = 0; i < 14; i++) {
            all.add(payroll("p" + i, EXPIRY.plus(Duration.ofMinutes(15L * i)), i < 10 ? 7000222 : 7000215));
        }
        all.add(payroll("old", EXPIRY.minus(Duration.ofDays(9)), 7000222)); // outside the week looked at
        Finding f = only(all.get(5), TestContext.of(all));
        assertEquals("expired-secret", f.classification());
        assertEquals(Actor.APP_OWNER, f.recommendations().get(0).actor());
        String a = f.assessment();
        assertTrue(a.startsWith("The service principal 'Payroll sync' (app id " + PAYROLL + ")"), a);
        assertTrue(a.contains("since at least 2026-11-21T00:00:00Z: 10 attempts up to 2026-11-21T02:15:00Z"), a);
        assertTrue(a.contains("last successful sign-in on record was at 2026-11-20T21:00:00Z"), a);
        assertTrue(f.recommendations().get(0).action().contains("App registrations > Payroll sync (" + PAYROLL + ")"));
        assertTrue(f.recommendations().get(0).action().contains("client secret"));
        assertTrue(recommends(f, Actor.ADMIN, "expire"));
        EvidenceTable history = f.evidence().get(1);
        assertEquals(List.of(List.of("AADSTS7000215", "4", "2026-11-21T02:30:00Z", "2026-11-21T03:15:00Z"),
                List.of("AADSTS7000222", "10", "2026-11-21T00:00:00Z", "2026-11-21T02:15:00Z")), history.rows());
        assertTrue(f.evidence().get(0).rows().contains(List.of("Credential type", "clientSecret")));
    }

    @Test
    void aWrongSecretAfterExpiryPointsAtTheSecretIdMixUp() {
        List<SignIn> all = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            all.add(payroll("p" + i, EXPIRY.plus(Duration.ofMinutes(15L * i)), i < 10 ? 7000222 : 7000215));
        }
        Finding f = only(all.get(11), TestContext.of(all));
        assertEquals("invalid-secret", f.classification());
        assertTrue(f.assessment().contains("Before that it failed 10 times with an expired secret"), f.assessment());
        assertTrue(f.assessment().contains("No successful sign-in of Payroll sync"), f.assessment());
    }

    @Test
    void aWrongSecretWithoutHistoryDoesNotGuessAMixUp() {
        Finding f = only(payroll("only", EXPIRY, 7000215));
        assertEquals("invalid-secret", f.classification());
        assertFalse(f.assessment().contains("Before that"), f.assessment());
        assertTrue(f.assessment().contains("only failure of this kind"), f.assessment());
    }

    @Test
    void certificateProblemsAreToldApartByTheFailureDetails() {
        SignIn expired = payroll("e", EXPIRY, 700027).toBuilder().clientCredentialType("certificate")
                .status(new Status(700027, "Client assertion contains an invalid signature. [Reason - The key used "
                        + "is expired.]", null)).build();
        assertEquals("expired-certificate", only(expired).classification());
        SignIn unknown = expired.toBuilder().status(new Status(700027, "Client assertion contains an invalid "
                + "signature. [Reason - The key was not found.]", null)).build();
        assertEquals("invalid-certificate", only(unknown).classification());
        SignIn rejectedCert = payroll("c", EXPIRY, 70002).toBuilder().clientCredentialType("certificate").build();
        assertEquals("invalid-certificate", only(rejectedCert).classification());
        assertEquals("invalid-secret", only(payroll("s", EXPIRY, 70002)).classification());
    }

    @Test
    void aUserSignInWithAServicePrincipalIdIsStillAboutTheUser() {
        SignIn s = fx.failure("ann@contoso.example", 50105).servicePrincipalId("sp-1").build();
        assertTrue(only(s).assessment().startsWith("The sign-in of ann@contoso.example"));
    }

    @Test
    void serviceProviderAndUnrelatedCodesAreNotConfigurationProblems() {
        for (int code : new int[] {75011, 750054, 50126, 53003, 0, 81010}) {
            assertTrue(detector.detect(fx.failure("a@x.example", code).build(), TestContext.empty()).isEmpty(),
                    "code " + code);
        }
    }
}
