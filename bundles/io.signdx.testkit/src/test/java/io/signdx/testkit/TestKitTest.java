package io.signdx.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import io.signdx.api.detector.Actor;
import io.signdx.api.detector.DetectionContext;
import io.signdx.api.detector.Detector;
import io.signdx.api.detector.Finding;
import io.signdx.api.detector.ScenarioDetector;
import io.signdx.api.model.SignIn;
import io.signdx.api.source.SignInQuery;
import io.signdx.api.tenant.DirectoryUser;
import io.signdx.api.tenant.TenantContext;
import io.signdx.api.tenant.TenantPart;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

class TestKitTest {
    @Detector(scenario = "partner.acme.locked", family = "partner.acme", title = "Locked", errorCodes = 50053)
    static final class Locked implements ScenarioDetector {
        @Override
        public List<Finding> detect(SignIn s, DetectionContext c) {
            int earlier = c.related(SignInQuery.all().withUser(s.userLabel()).withErrorCodes(Set.of(50126))).size();
            return List.of(Finding.builder("partner.acme.locked").title("Locked")
                    .assessment(s.userLabel() + " is locked after " + earlier + " wrong passwords.")
                    .recommend(Actor.USER, "Wait a minute, then try again.", null).build());
        }
    }

    @Detector(scenario = "partner.acme.careless", family = "partner.acme", title = "Careless", errorCodes = 50053)
    static final class Careless implements ScenarioDetector {
        @Override
        public List<Finding> detect(SignIn s, DetectionContext c) {
            // assumes every record has a user principal name: partial exports do not
            return s.userPrincipalName().isEmpty() ? List.of() : List.of();
        }
    }

    @Test
    void fixturesAreNumberedAndSpacedAndRelatedSignInsAnswerLikeTheEngine() {
        SignIns fx = new SignIns().every(Duration.ofSeconds(30));
        SignIn a = fx.failure("ann@contoso.example", 50126).build();
        SignIn b = fx.failure("ann@contoso.example", 50126).build();
        SignIn other = fx.failure("bob@contoso.example", 50126).build();
        SignIn locked = fx.failure("ann@contoso.example", 50053).build();
        assertEquals("req-0001", a.id());
        assertEquals(SignIns.START.plusSeconds(90), locked.createdDateTime());
        assertEquals("id-ann@contoso.example", a.userId());

        TestContext ctx = TestContext.of(List.of(a, b, other, locked));
        assertEquals(List.of(b, a), ctx.related(SignInQuery.all().withUser("ANN@contoso.example")
                .withErrorCodes(Set.of(50126))));
        assertEquals(List.of(b), ctx.related(SignInQuery.all().withUser("ann@contoso.example")
                .withErrorCodes(Set.of(50126)).withPage(0, 1)));

        assertEquals(2, ctx.asked().size());
        assertEquals(1, ctx.asked().get(1).limit());
        Finding f = Detectors.only(new Locked(), locked, ctx);
        assertEquals("ann@contoso.example is locked after 2 wrong passwords.", f.assessment());
        assertTrue(Detectors.run(new Locked(), a, ctx).isEmpty(), "the pre-filter skips other codes");
        assertEquals(null, Detectors.scenario(new Locked(), other, ctx));
    }

    @Test
    void tenantsHoldOnlyThePartsGiven() {
        TenantContext t = Tenants.builder().user(new DirectoryUser("oid-1", "ann@contoso.example", "Ann", "Member",
                Set.of("g1"), Set.of())).perUserMfa("oid-1", "enforced").build();
        assertEquals(Set.of(TenantPart.USERS, TenantPart.PER_USER_MFA), t.parts());
        assertEquals("oid-1", t.user("ANN@contoso.example").orElseThrow().id());
        assertEquals("enforced", t.perUserMfaState("OID-1").orElseThrow());
        assertFalse(t.securityDefaultsEnabled().isPresent());
        assertEquals(Set.of(), TestContext.empty().tenant().parts());
    }

    @Test
    void theConformanceSuitePassesACarefulDetectorAndNamesTheFaultOfACarelessOne() {
        DetectorConformance.assertConforms(new Locked());
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> DetectorConformance.assertConforms(new Careless()));
        assertTrue(e.getMessage().contains("partner.acme.careless") && e.getMessage().contains("NullPointerException"),
                e.getMessage());
        assertEquals("robustness", DetectorConformance.problems(new Careless()).get(0).check());
    }
}
