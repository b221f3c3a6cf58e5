package io.signdx.policy.analysis.internal;

import static io.signdx.policy.analysis.internal.Fixtures.BREAK_GLASS;
import static io.signdx.policy.analysis.internal.Fixtures.EXCHANGE;
import static io.signdx.policy.analysis.internal.Fixtures.allUsersExcept;
import static io.signdx.policy.analysis.internal.Fixtures.apps;
import static io.signdx.policy.analysis.internal.Fixtures.conditions;
import static io.signdx.policy.analysis.internal.Fixtures.enabled;
import static io.signdx.policy.analysis.internal.Fixtures.grant;
import static io.signdx.policy.analysis.internal.Fixtures.policy;
import static io.signdx.policy.analysis.internal.Fixtures.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import io.signdx.api.model.SignIn;
import io.signdx.api.tenant.DirectoryUser;
import io.signdx.api.tenant.NamedLocation;
import io.signdx.api.tenant.PolicyConditions;
import io.signdx.api.tenant.TenantContext;
import io.signdx.policy.LintFinding;
import io.signdx.policy.LintFinding.Severity;
import io.signdx.policy.PolicyEvaluator;
import io.signdx.policy.ReplayReport;
import io.signdx.policy.ReplayReport.Change;
import io.signdx.policy.internal.ConditionalAccessEvaluator;
import io.signdx.testkit.SignIns;
import io.signdx.testkit.Tenants;

import org.junit.jupiter.api.Test;

/** The lint and the replay with the product's evaluator rather than a stand-in. */
class WithTheRealEvaluatorTest {
    private static final String HQ = "1a1a1a1a-0000-4000-8000-000000000010";
    private final PolicyEvaluator evaluator = new ConditionalAccessEvaluator();
    private final SignIns fx = new SignIns();

    private static Tenants directory() {
        return Tenants.builder()
                .user(new DirectoryUser("id-ann@contoso.example", "ann@contoso.example", "Ann", "Member", Set.of(),
                        Set.of()))
                .user(new DirectoryUser("id-bob@contoso.example", "bob@contoso.example", "Bob", "Member", Set.of(),
                        Set.of()))
                .user(new DirectoryUser("id-bg@contoso.example", "bg@contoso.example", "Break glass", "Member",
                        Set.of(BREAK_GLASS), Set.of()))
                .group(BREAK_GLASS, "Emergency access")
                .namedLocation(new NamedLocation(HQ, "Contoso HQ", NamedLocation.Kind.IP_RANGES, true,
                        List.of("203.0.113.0/24"), List.of(), false, null));
    }

    @Test
    void theParsersErrorOnABadDeviceFilterBecomesAFinding() {
        PolicyConditions bad = with(conditions(allUsersExcept(BREAK_GLASS), apps(EXCHANGE)), null, null, null,
                new PolicyConditions.Filter("include", "device.isCompliant -eqq True"));
        PolicyConditions good = with(conditions(allUsersExcept(BREAK_GLASS), apps(EXCHANGE)), null, null, null,
                new PolicyConditions.Filter("exclude", "device.trustType -eq \"ServerAD\" -or device.isCompliant -eq True"));
        TenantContext t = directory().policy(enabled("p-bad", "Bad filter", bad, grant("OR", "mfa")))
                .policy(enabled("p-good", "Good filter", good, grant("OR", "mfa"))).build();
        List<LintFinding> f = new Linter(evaluator).lint(t).stream()
                .filter(x -> x.rule().equals("device-filter-invalid")).toList();
        assertEquals(1, f.size(), f::toString);
        assertEquals(List.of("p-bad"), f.get(0).policyIds());
        assertTrue(f.get(0).problem().contains("-eqq"), f.get(0).problem());
    }

    @Test
    void aReportOnlyBlockOutsideHeadquartersWouldBlockTheSignInsFromElsewhere() {
        PolicyConditions outside = with(conditions(allUsersExcept(BREAK_GLASS), apps("All")), null,
                new PolicyConditions.IncludeExclude(List.of("All"), List.of(HQ)), null, null);
        TenantContext t = directory().policy(policy("p-ro", "Block outside HQ", "enabledForReportingButNotEnforced",
                outside, grant("OR", "block"))).build();
        List<SignIn> signIns = List.of(
                fx.success("ann@contoso.example").ipAddress("198.51.100.7").build(),
                fx.success("ann@contoso.example").ipAddress("203.0.113.20").build(),
                fx.success("bob@contoso.example").ipAddress("192.0.2.1").build(),
                fx.success("bg@contoso.example").ipAddress("192.0.2.1").build());
        LintFinding r = new Linter(evaluator).lint(t, signIns).stream()
                .filter(x -> x.rule().equals("report-only-would-block")).findFirst().orElseThrow();
        assertEquals(Severity.HIGH, r.severity());
        assertTrue(r.problem().contains("2 of the 4 sign-ins replayed would have been blocked"), r.problem());
        assertEquals(List.of("req-0001", "req-0003"), r.examples());
    }

    @Test
    void enablingAnMfaPolicyShowsWhoWouldNewlyNeedMfa() {
        TenantContext after = directory().policy(enabled("p-mfa", "Require MFA", conditions(
                allUsersExcept(BREAK_GLASS), apps("All")), grant("OR", "mfa"))).build();
        List<SignIn> signIns = List.of(fx.success("ann@contoso.example").build(),
                fx.success("bg@contoso.example").build());
        ReplayReport r = new Replay(evaluator).replay(null, after, signIns, 3);
        assertEquals(1L, r.counts().get(Change.NEWLY_REQUIRES_MFA), r::toString);
        assertEquals(1L, r.counts().get(Change.UNCHANGED), r::toString);
        assertEquals(List.of("Require MFA"), r.examples().get(Change.NEWLY_REQUIRES_MFA).get(0).policies());
    }
}
