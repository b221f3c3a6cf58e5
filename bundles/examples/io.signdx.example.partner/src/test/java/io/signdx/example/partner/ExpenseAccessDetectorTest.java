package io.signdx.example.partner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.util.List;

import io.signdx.api.detector.Actor;
import io.signdx.api.detector.DetectionContext;
import io.signdx.api.detector.Finding;
import io.signdx.api.model.SignIn;
import io.signdx.api.model.Status;
import io.signdx.api.source.SignInQuery;
import io.signdx.api.tenant.TenantContext;

import org.junit.jupiter.api.Test;

class ExpenseAccessDetectorTest {
    private final ExpenseAccessDetector detector = new ExpenseAccessDetector(new ExpenseAccessDetector.Config() {
        @Override
        public Class<? extends Annotation> annotationType() {
            return ExpenseAccessDetector.Config.class;
        }

        @Override
        public String appId() {
            return "app-1";
        }

        @Override
        public String appName() {
            return "Contoso Expenses";
        }

        @Override
        public String onboardingUrl() {
            return "https://example.invalid/onboarding";
        }
    });

    private final DetectionContext context = new DetectionContext() {
        @Override
        public TenantContext tenant() {
            return TenantContext.empty();
        }

        @Override
        public List<SignIn> related(SignInQuery query) {
            return List.of();
        }
    };

    @Test
    void unassignedUserGetsAnAdminAction() {
        SignIn s = SignIn.builder().id("r1").appId("APP-1").userPrincipalName("ann@contoso.example")
                .status(new Status(50105, "not assigned", null)).build();
        List<Finding> findings = detector.detect(s, context);
        assertEquals(1, findings.size());
        assertEquals("not-assigned", findings.get(0).classification());
        assertEquals(Actor.ADMIN, findings.get(0).recommendations().get(0).actor());
        assertTrue(findings.get(0).assessment().contains("ann@contoso.example"));
    }

    @Test
    void missingConsentIsRecognisedByAppName() {
        SignIn s = SignIn.builder().id("r2").appDisplayName("contoso expenses").errorCode(65001).build();
        assertEquals("consent-missing", detector.detect(s, context).get(0).classification());
    }

    @Test
    void otherAppsAreNotItsBusiness() {
        SignIn s = SignIn.builder().id("r3").appDisplayName("Outlook").errorCode(50105).build();
        assertTrue(detector.detect(s, context).isEmpty());
    }
}
