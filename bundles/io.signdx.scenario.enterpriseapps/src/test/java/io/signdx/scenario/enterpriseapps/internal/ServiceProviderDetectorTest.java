package io.signdx.scenario.enterpriseapps.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import io.signdx.api.detector.Actor;
import io.signdx.api.detector.Confidence;
import io.signdx.api.detector.Finding;
import io.signdx.api.model.SignIn;
import io.signdx.api.model.Status;
import io.signdx.testkit.SignIns;
import io.signdx.testkit.TestContext;

import org.junit.jupiter.api.Test;

class ServiceProviderDetectorTest {
    static final String HR_ID = "4b8e2d6f-3a1c-4e9b-8d7f-1c3e5a7b9d02";

    private final ServiceProviderDetector detector = new ServiceProviderDetector();
    private final SignIns fx = new SignIns();

    /** Shaped like the demo's SAML HR app failures. */
    private SignIn.Builder hr(String upn, int code, String reason) {
        return fx.failure(upn, code).appId(HR_ID).appDisplayName("Northwind HR (SAML)").resourceId(HR_ID)
                .resourceDisplayName("Northwind HR (SAML)").authenticationProtocol("saml20")
                .status(new Status(code, reason, null));
    }

    private Finding only(SignIn s, TestContext context) {
        List<Finding> findings = detector.detect(s, context);
        assertEquals(1, findings.size(), findings.toString());
        assertEquals("apps.service-provider", findings.get(0).scenario());
        // counting asks without detail: the same finding, classification, title and confidence included
        List<Finding> brief = detector.detect(s, context.brief());
        assertEquals(1, brief.size());
        assertEquals(findings.get(0).classification(), brief.get(0).classification());
        assertEquals(findings.get(0).title(), brief.get(0).title());
        assertEquals(findings.get(0).confidence(), brief.get(0).confidence());
        return findings.get(0);
    }

    @Test
    void demoAuthnContextMismatchIsTheVendorsToFix() {
        SignIn s = hr("kemal@northwind.example", 75011, "Authentication method by which the user authenticated with "
                + "the service doesn't match requested authentication method.").build();
        Finding f = only(s, TestContext.empty());
        assertEquals("saml-authn-context", f.classification());
        assertEquals(Confidence.HIGH, f.confidence());
        assertEquals(Actor.VENDOR, f.recommendations().get(0).actor());
        assertTrue(f.recommendations().get(0).action().contains("RequestedAuthnContext"));
        assertTrue(f.assessment().contains("kemal@northwind.example"), f.assessment());
        assertTrue(f.assessment().contains("Northwind HR (SAML)"), f.assessment());
        assertTrue(f.assessment().contains("not in Entra ID"), f.assessment());
        assertTrue(f.title().contains("AADSTS75011"));
    }

    @Test
    void demoMissingSamlRequestIsABindingProblemAndAsksForTheCapturedRequest() {
        Finding f = only(hr("dev@northwind.example", 750054, "SAMLRequest or SAMLResponse must be present as query "
                + "string parameters in HTTP request for SAML Redirect binding.").build(), TestContext.empty());
        assertEquals("saml-binding", f.classification());
        assertTrue(f.recommendations().stream().anyMatch(r -> r.actor() == Actor.ADMIN
                && r.action().contains("My Apps")));
        assertTrue(f.missing().stream().anyMatch(m -> m.contains("request the application sent")));
    }

    @Test
    void unsignedRequestForAnAppThatRequiresSignaturesOffersBothSides() {
        Finding f = only(hr("ann@northwind.example", 76021, null).build(), TestContext.empty());
        assertEquals("saml-signature", f.classification());
        List<Actor> actors = f.recommendations().stream().map(r -> r.actor()).toList();
        assertEquals(List.of(Actor.VENDOR, Actor.ADMIN), actors);
        assertTrue(f.recommendations().get(1).action().contains("Verification certificates"));
    }

    @Test
    void eachRequestProblemGetsItsOwnClassification() {
        assertEquals("saml-nameid", only(hr("a@x.example", 75016, null).build(), TestContext.empty()).classification());
        assertEquals("saml-request", only(hr("a@x.example", 75005, null).build(), TestContext.empty())
                .classification());
        assertEquals("saml-request", only(hr("a@x.example", 7500529, null).build(), TestContext.empty())
                .classification());
        assertEquals("wsfed-request", only(hr("a@x.example", 90081, null).authenticationProtocol("wsFederation")
                .build(), TestContext.empty()).classification());
        Finding scope = only(fx.failure("a@x.example", 70011).appDisplayName("Contoso Portal").build(),
                TestContext.empty());
        assertEquals("oauth-request", scope.classification());
        assertEquals(Actor.APP_OWNER, scope.recommendations().get(0).actor());
    }

    @Test
    void theFailureDetailsAreQuotedBecauseTheyNameTheUnsupportedProperty() {
        Finding f = only(hr("a@x.example", 900236, "The SAML authentication request property 'Scoping' is not "
                + "supported").build(), TestContext.empty());
        assertTrue(f.assessment().contains("'Scoping' is not supported\"."), f.assessment());
    }

    @Test
    void otherFailuresOfTheSameAppAndCodeShowTheScale() {
        List<SignIn> all = new ArrayList<>();
        for (String upn : List.of("a@x.example", "b@x.example", "c@x.example")) {
            all.add(hr(upn, 75011, null).build());
        }
        all.add(hr("d@x.example", 750054, null).build()); // another code: not counted
        all.add(fx.failure("e@x.example", 75011).appDisplayName("Other SAML app").appId("other").build());
        Finding f = only(all.get(0), TestContext.of(all));
        assertTrue(f.assessment().contains("3 sign-ins to Northwind HR (SAML) failed the same way, by 3 accounts"),
                f.assessment());
        assertEquals(2, f.evidence().get(1).rows().size());
    }

    @Test
    void aLoneFailureSaysSo() {
        Finding f = only(hr("a@x.example", 75011, null).build(), TestContext.empty());
        assertTrue(f.assessment().contains("only failure of this kind"), f.assessment());
        assertEquals(1, f.evidence().size());
    }

    @Test
    void entraSideAndUnrelatedCodesAreNotTheServiceProvidersProblem() {
        for (int code : new int[] {50011, 50105, 7000222, 50126, 53003, 0}) {
            assertTrue(detector.detect(hr("a@x.example", code, null).build(), TestContext.empty()).isEmpty(),
                    "code " + code);
        }
    }

    @Test
    void theSameSignInGivesTheSameFinding() {
        SignIn s = hr("a@x.example", 75011, null).build();
        TestContext c = TestContext.of(List.of(s, hr("b@x.example", 75011, null).build()));
        Finding one = only(s, c);
        Finding two = only(s, c);
        assertEquals(one.assessment(), two.assessment());
        assertEquals(one.evidence(), two.evidence());
        assertFalse(one.recommendations().isEmpty());
        assertEquals(one.recommendations(), two.recommendations());
    }
}
