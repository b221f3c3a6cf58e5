package io.signdx.example.partner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.util.List;

import io.signdx.api.detector.Actor;
import io.signdx.api.detector.Finding;
import io.signdx.conformance.Problem;
import io.signdx.testkit.DetectorConformance;
import io.signdx.testkit.Detectors;
import io.signdx.testkit.SignIns;
import io.signdx.testkit.TestContext;

import org.junit.jupiter.api.Test;

class ExpenseAccessDetectorTest {
    private static final String APP_ID = "5f1a9c3e-7d2b-4c8e-9a61-3b0e2f4d8c17";

    private final ExpenseAccessDetector detector = new ExpenseAccessDetector(new ExpenseAccessDetector.Config() {
        @Override
        public Class<? extends Annotation> annotationType() {
            return ExpenseAccessDetector.Config.class;
        }

        @Override
        public String appId() {
            return APP_ID;
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

    private final SignIns fx = new SignIns();

    @Test
    void unassignedUserGetsAnAdminAction() {
        Finding f = Detectors.only(detector, fx.failure("ann@contoso.example", 50105).appId(APP_ID.toUpperCase())
                .build(), TestContext.empty());
        assertEquals("not-assigned", f.classification());
        assertEquals(Actor.ADMIN, f.recommendations().get(0).actor());
        assertTrue(f.assessment().contains("ann@contoso.example"));
    }

    @Test
    void missingConsentIsRecognisedByAppName() {
        Finding f = Detectors.only(detector, fx.failure("ann@contoso.example", 65001).appId(null)
                .appDisplayName("contoso expenses").build(), TestContext.empty());
        assertEquals("consent-missing", f.classification());
    }

    @Test
    void otherAppsAndOtherCodesAreNotItsBusiness() {
        assertNull(Detectors.scenario(detector, fx.failure("ann@contoso.example", 50105).build(), TestContext.empty()));
        assertTrue(Detectors.run(detector, fx.failure("ann@contoso.example", 50126).appId(APP_ID).build(),
                TestContext.empty()).isEmpty(), "50126 is not among the declared codes");
    }

    @Test
    void conformsToTheDetectorContract() {
        DetectorConformance.assertConforms(detector);
    }

    @Test
    void theBrokenExampleFailsTheConformanceSuiteAndSaysWhy() {
        List<Problem> problems = DetectorConformance.problems(new BrokenExpenseDetector());
        assertFalse(problems.isEmpty());
        assertEquals("robustness", problems.get(0).check());
        assertTrue(problems.get(0).detail().startsWith("threw java.lang.NullPointerException"), problems.toString());
    }
}
