package io.signdx.policy.analysis.internal;

import static io.signdx.policy.analysis.internal.Fixtures.BREAK_GLASS;
import static io.signdx.policy.analysis.internal.Fixtures.EMPTY_GROUP;
import static io.signdx.policy.analysis.internal.Fixtures.EXCHANGE;
import static io.signdx.policy.analysis.internal.Fixtures.FINANCE;
import static io.signdx.policy.analysis.internal.Fixtures.SHAREPOINT;
import static io.signdx.policy.analysis.internal.Fixtures.TEAMS;
import static io.signdx.policy.analysis.internal.Fixtures.allUsersExcept;
import static io.signdx.policy.analysis.internal.Fixtures.apps;
import static io.signdx.policy.analysis.internal.Fixtures.conditions;
import static io.signdx.policy.analysis.internal.Fixtures.enabled;
import static io.signdx.policy.analysis.internal.Fixtures.grant;
import static io.signdx.policy.analysis.internal.Fixtures.policy;
import static io.signdx.policy.analysis.internal.Fixtures.users;
import static io.signdx.policy.analysis.internal.Fixtures.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.signdx.api.model.SignIn;
import io.signdx.api.tenant.ConditionalAccessPolicy;
import io.signdx.api.tenant.DirectoryUser;
import io.signdx.api.tenant.GrantControls;
import io.signdx.api.tenant.NamedLocation;
import io.signdx.api.tenant.PolicyConditions;
import io.signdx.api.tenant.ServicePrincipal;
import io.signdx.api.tenant.TenantContext;
import io.signdx.policy.LintFinding;
import io.signdx.policy.LintFinding.Severity;
import io.signdx.testkit.SignIns;
import io.signdx.testkit.Tenants;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class LinterTest {
    private final FakeEvaluator nothingApplies = new FakeEvaluator((p, f) -> false);
    private final Linter linter = new Linter(nothingApplies);

    /** A tenant with two break-glass accounts in their group, and Ann in Finance. */
    private static Tenants directory() {
        return Tenants.builder()
                .user(new DirectoryUser("u-bg1", "bg1@contoso.example", "Break glass 1", "Member", Set.of(BREAK_GLASS),
                        Set.of()))
                .user(new DirectoryUser("u-bg2", "bg2@contoso.example", "Break glass 2", "Member", Set.of(BREAK_GLASS),
                        Set.of()))
                .user(new DirectoryUser("u-ann", "ann@contoso.example", "Ann", "Member", Set.of(FINANCE),
                        Set.of("62e90394-69f5-4237-9190-012177145e10")))
                .group(BREAK_GLASS, "Emergency access").group(FINANCE, "Finance").group(EMPTY_GROUP, "Nobody yet");
    }

    private List<LintFinding> lint(ConditionalAccessPolicy... policies) {
        Tenants t = directory();
        for (ConditionalAccessPolicy p : policies) {
            t.policy(p);
        }
        return linter.lint(t.build());
    }

    private static List<LintFinding> rule(List<LintFinding> findings, String rule) {
        return findings.stream().filter(f -> f.rule().equals(rule)).toList();
    }

    private static LintFinding only(List<LintFinding> findings, String rule) {
        List<LintFinding> r = rule(findings, rule);
        assertEquals(1, r.size(), () -> rule + " in " + findings);
        return r.get(0);
    }

    @Test
    void blockForAllUsersAndAppsWithoutExclusionIsCritical() {
        List<LintFinding> f = lint(enabled("p1", "Block everyone", conditions(Fixtures.users(List.of("All"), List.of(),
                List.of(), List.of()), apps("All")), grant("OR", "block")));
        LintFinding l = only(f, StructureRules.LOCKOUT);
        assertEquals(Severity.CRITICAL, l.severity());
        assertEquals(List.of("p1"), l.policyIds());
        assertTrue(l.problem().contains("excludes no user or group"), l.problem());
        assertTrue(l.fix().contains("emergency-access"), l.fix());
        assertEquals(Severity.CRITICAL, f.get(0).severity(), "most severe first");
    }

    @Test
    void blockForAllUsersAndAppsWithBreakGlassExclusionIsNotCriticalAndNamesTheExclusion() {
        List<LintFinding> f = lint(enabled("p1", "Block everyone", conditions(allUsersExcept(BREAK_GLASS), apps("All")),
                grant("OR", "block")));
        assertTrue(f.stream().noneMatch(x -> x.severity() == Severity.CRITICAL), f::toString);
        assertTrue(rule(f, StructureRules.LOCKOUT).isEmpty());
        LintFinding b = only(f, StructureRules.BLOCK_EVERYONE);
        assertEquals(Severity.HIGH, b.severity());
        assertTrue(b.problem().contains("group 'Emergency access' (2 members in the snapshot)"), b.problem());
    }

    @ParameterizedTest
    @ValueSource(strings = {"compliantDevice", "domainJoinedDevice", "approvedApplication", "compliantApplication"})
    void deviceOrAppOnlyGrantsForEveryoneWithoutExclusionAreCritical(String control) {
        List<LintFinding> f = lint(enabled("p1", "Managed devices only",
                conditions(users(List.of("All"), List.of(), List.of(), List.of()), apps("All")), grant("OR", control)));
        LintFinding l = only(f, StructureRules.LOCKOUT);
        assertEquals(Severity.CRITICAL, l.severity());
        assertTrue(l.problem().contains("not even to the Intune or Azure portals"), l.problem());
    }

    @Test
    void aGrantEveryUserCanMeetIsNoLockoutButStillWantsAnExclusion() {
        List<LintFinding> f = lint(enabled("p1", "MFA or compliant", conditions(users(List.of("All"), List.of(), List.of(),
                List.of()), apps("All")), grant("OR", "mfa", "compliantDevice")));
        assertTrue(rule(f, StructureRules.LOCKOUT).isEmpty(), f::toString);
        assertEquals(Severity.LOW, only(f, StructureRules.EXCLUDES_NOBODY).severity());
        // AND with a device control does lock out
        List<LintFinding> and = lint(enabled("p2", "MFA and compliant", conditions(users(List.of("All"), List.of(),
                List.of(), List.of()), apps("All")), grant("AND", "mfa", "compliantDevice")));
        assertEquals(Severity.CRITICAL, only(and, StructureRules.LOCKOUT).severity());
    }

    @Test
    void anExclusionOfAMissingOrEmptyGroupSparesNobody() {
        List<LintFinding> f = lint(enabled("p1", "Block everyone", conditions(allUsersExcept(EMPTY_GROUP), apps("All")),
                grant("OR", "block")));
        LintFinding l = only(f, StructureRules.LOCKOUT);
        assertEquals(Severity.CRITICAL, l.severity());
        assertTrue(l.problem().contains("group 'Nobody yet' (0 members in the snapshot)"), l.problem());
        String gone = "0d0d0d0d-0000-4000-8000-00000000dead";
        List<LintFinding> g = lint(enabled("p2", "Block everyone", conditions(allUsersExcept(gone), apps("All")),
                grant("OR", "block")));
        assertEquals(Severity.CRITICAL, only(g, StructureRules.LOCKOUT).severity());
        LintFinding missing = only(g, StructureRules.MISSING);
        assertEquals(Severity.MEDIUM, missing.severity());
        assertTrue(missing.problem().contains("excluded group '" + gone + "'"), missing.problem());
    }

    @Test
    void aPlaceholderExclusionIsReportedAndSparesNobody() {
        List<LintFinding> f = lint(enabled("p1", "Require compliant device", conditions(
                allUsersExcept("<Emergency access group>"), apps("All")), grant("OR", "compliantDevice")));
        assertEquals(Severity.CRITICAL, only(f, StructureRules.LOCKOUT).severity());
        LintFinding ph = only(f, StructureRules.PLACEHOLDER);
        assertEquals(Severity.MEDIUM, ph.severity());
        assertTrue(ph.problem().contains("excluded group '<Emergency access group>'"), ph.problem());
    }

    @Test
    void otherConditionsLowerTheLockoutAndAnExclusionOnlyAsksForACheck() {
        PolicyConditions legacyNoExclusion = with(conditions(users(List.of("All"), List.of(), List.of(), List.of()),
                apps("All")), null, null, List.of("exchangeActiveSync", "other"), null);
        LintFinding l = only(lint(enabled("p1", "Block legacy", legacyNoExclusion, grant("OR", "block"))),
                StructureRules.LOCKOUT);
        assertEquals(Severity.HIGH, l.severity());
        assertTrue(l.problem().contains("when client apps: exchangeActiveSync, other"), l.problem());

        PolicyConditions legacy = with(conditions(allUsersExcept(BREAK_GLASS), apps("All")), null, null,
                List.of("exchangeActiveSync", "other"), null);
        PolicyConditions risky = new PolicyConditions(allUsersExcept(BREAK_GLASS), apps("All"), null, null, null,
                null, List.of("high"), null, null, null, null, null);
        List<LintFinding> f = lint(enabled("p2", "Block legacy", legacy, grant("OR", "block")),
                enabled("p3", "Block high risk", risky, grant("OR", "block")));
        assertEquals(List.of(StructureRules.EXCLUSION_CHECK), f.stream().map(LintFinding::rule).toList());
        assertEquals(Severity.LOW, f.get(0).severity());
        assertEquals(List.of("p2", "p3"), f.get(0).policyIds(), "one reminder for all policies that rely on exclusions");
        assertTrue(f.get(0).problem().contains("'Block high risk' ('Block access') excludes group 'Emergency access'"),
                f.get(0).problem());
    }

    @Test
    void aNonGuidIdTheSnapshotKnowsIsNoPlaceholder() {
        String odd = "allowed-countries";
        TenantContext t = directory()
                .namedLocation(new NamedLocation(odd, "Allowed countries", NamedLocation.Kind.COUNTRIES, false,
                        List.of(), List.of("DE", "US"), false, null))
                .policy(enabled("p1", "Block elsewhere", with(conditions(allUsersExcept(BREAK_GLASS), apps("All")), null,
                        new PolicyConditions.IncludeExclude(List.of("All"), List.of(odd)), null, null),
                        grant("OR", "block")))
                .build();
        List<LintFinding> f = linter.lint(t);
        assertTrue(rule(f, StructureRules.PLACEHOLDER).isEmpty(), f::toString);
        assertTrue(rule(f, StructureRules.MISSING).isEmpty(), f::toString);
        List<LintFinding> g = linter.lint(directory().policy(enabled("p1", "Block elsewhere", with(conditions(
                allUsersExcept(BREAK_GLASS), apps("All")), null, new PolicyConditions.IncludeExclude(List.of("All"),
                        List.of(odd)), null, null), grant("OR", "block"))).build());
        assertEquals(1, rule(g, StructureRules.PLACEHOLDER).size(), "no named locations in the snapshot: unknown");
    }

    @Test
    void reportOnlyLockoutIsOneStepLower() {
        LintFinding l = only(lint(policy("p1", "Block everyone", "enabledForReportingButNotEnforced",
                conditions(users(List.of("All"), List.of(), List.of(), List.of()), apps("All")), grant("OR", "block"))),
                StructureRules.LOCKOUT);
        assertEquals(Severity.HIGH, l.severity());
        assertTrue(l.problem().contains("report-only"), l.problem());
    }

    @Test
    void blockOnAllPlatformsIsCriticalEvenWithAnExclusion() {
        PolicyConditions c = with(conditions(allUsersExcept(BREAK_GLASS), apps("All")),
                new PolicyConditions.IncludeExclude(List.of("all"), List.of()), null, null, null);
        List<LintFinding> f = lint(enabled("p1", "Block all platforms", c, grant("OR", "block")));
        LintFinding b = only(f, StructureRules.BLOCK_ALL_PLATFORMS);
        assertEquals(Severity.CRITICAL, b.severity());
        assertTrue(b.problem().contains("blocks the entire organization except group 'Emergency access'"), b.problem());
        assertTrue(rule(f, StructureRules.BLOCK_EVERYONE).isEmpty());

        PolicyConditions android = with(conditions(allUsersExcept(BREAK_GLASS), apps("All")),
                new PolicyConditions.IncludeExclude(List.of("android"), List.of()), null, null, null);
        List<LintFinding> a = lint(enabled("p2", "Block Android", android, grant("OR", "block")));
        assertTrue(rule(a, StructureRules.BLOCK_ALL_PLATFORMS).isEmpty(), a::toString);
        assertTrue(a.stream().noneMatch(x -> x.severity() == Severity.CRITICAL), a::toString);
    }

    @Test
    void policiesThatIncludeNobody() {
        assertEquals(Severity.LOW, only(lint(enabled("p1", "Parked", conditions(users(List.of("None"), List.of(),
                List.of(), List.of()), apps("All")), grant("OR", "mfa"))), StructureRules.INCLUDES_NOBODY).severity());
        assertEquals(Severity.MEDIUM, only(lint(enabled("p2", "Empty", conditions(users(List.of(), List.of(), List.of(),
                List.of()), apps("All")), grant("OR", "mfa"))), StructureRules.INCLUDES_NOBODY).severity());
        LintFinding empty = only(lint(enabled("p3", "Empty group", conditions(users(List.of(), List.of(),
                List.of(EMPTY_GROUP), List.of()), apps("All")), grant("OR", "mfa"))), StructureRules.INCLUDES_NOBODY);
        assertEquals(Severity.MEDIUM, empty.severity());
        assertTrue(empty.problem().contains("group 'Nobody yet' (0 members in the snapshot)"), empty.problem());
        // a group with members: fine
        assertTrue(rule(lint(enabled("p4", "Finance MFA", conditions(users(List.of(), List.of(), List.of(FINANCE),
                List.of()), apps("All")), grant("OR", "mfa"))), StructureRules.INCLUDES_NOBODY).isEmpty());
        // guests are people too
        assertTrue(rule(lint(enabled("p5", "Guests", conditions(users(List.of("GuestsOrExternalUsers"), List.of(),
                List.of(), List.of()), apps("All")), grant("OR", "mfa"))), StructureRules.INCLUDES_NOBODY).isEmpty());
    }

    @Test
    void exclusionsThatCoverTheInclusions() {
        LintFinding g = only(lint(enabled("p1", "Finance but not Finance", conditions(users(List.of(), List.of(),
                List.of(FINANCE), List.of(FINANCE)), apps("All")), grant("OR", "mfa"))), StructureRules.EXCLUSIONS_COVER);
        assertEquals(Severity.MEDIUM, g.severity());
        assertTrue(g.problem().contains("users"), g.problem());
        PolicyConditions.Applications a = new PolicyConditions.Applications(List.of(EXCHANGE), List.of(EXCHANGE),
                List.of(), List.of(), null);
        LintFinding apps = only(lint(enabled("p2", "Exchange but not Exchange", conditions(users(List.of("All"),
                List.of(), List.of(), List.of(BREAK_GLASS)), a), grant("OR", "mfa"))), StructureRules.EXCLUSIONS_COVER);
        assertTrue(apps.problem().contains("apps"), apps.problem());
        // through the snapshot: Ann is the only Finance member, and she is excluded by name
        LintFinding viaSnapshot = only(lint(enabled("p3", "Finance minus Ann", conditions(users(List.of(),
                List.of("u-ann"), List.of(FINANCE), List.of()), apps("All")), grant("OR", "mfa"))),
                StructureRules.EXCLUSIONS_COVER);
        assertEquals(List.of("p3"), viaSnapshot.policyIds());
        // negative: the exclusion is narrower than the inclusion
        assertTrue(rule(lint(enabled("p4", "All but break glass", conditions(allUsersExcept(BREAK_GLASS),
                apps("All")), grant("OR", "mfa"))), StructureRules.EXCLUSIONS_COVER).isEmpty());
        // negative: a snapshot listing only the break-glass accounts says nothing about "All users"
        TenantContext onlyBreakGlass = Tenants.builder().group(BREAK_GLASS, "Emergency access")
                .user(new DirectoryUser("u-bg1", "bg1@contoso.example", "BG", "Member", Set.of(BREAK_GLASS), Set.of()))
                .policy(enabled("p5", "All but break glass", conditions(allUsersExcept(BREAK_GLASS), apps("All")),
                        grant("OR", "mfa")))
                .build();
        assertTrue(rule(linter.lint(onlyBreakGlass), StructureRules.EXCLUSIONS_COVER).isEmpty());
    }

    @Test
    void anAllUsersPolicyWithoutExclusionGetsALowReminder() {
        LintFinding e = only(lint(enabled("p1", "MFA for Exchange", conditions(users(List.of("All"), List.of(), List.of(),
                List.of()), apps(EXCHANGE)), grant("OR", "mfa"))), StructureRules.EXCLUDES_NOBODY);
        assertEquals(Severity.LOW, e.severity());
        assertTrue(rule(lint(enabled("p2", "MFA for Exchange", conditions(allUsersExcept(BREAK_GLASS), apps(EXCHANGE)),
                grant("OR", "mfa"))), StructureRules.EXCLUDES_NOBODY).isEmpty());
    }

    @Test
    void referencesToLocationsAndAppsMissingFromTheSnapshot() {
        String hq = "1a1a1a1a-0000-4000-8000-000000000010";
        String gone = "1b1b1b1b-0000-4000-8000-000000000011";
        String unknownApp = "2c2c2c2c-0000-4000-8000-000000000012";
        TenantContext t = directory()
                .namedLocation(new NamedLocation(hq, "HQ", NamedLocation.Kind.IP_RANGES, true, List.of("203.0.113.0/24"),
                        List.of(), false, null))
                .servicePrincipal(new ServicePrincipal("sp1", EXCHANGE, "Office 365 Exchange Online", true, false, null,
                        List.of()))
                .policy(enabled("p1", "MFA outside HQ", with(conditions(allUsersExcept(BREAK_GLASS),
                        apps(EXCHANGE, unknownApp)), null, new PolicyConditions.IncludeExclude(List.of("All"),
                                List.of(hq, gone)), null, null), grant("OR", "mfa")))
                .build();
        List<LintFinding> f = linter.lint(t);
        List<LintFinding> missing = rule(f, StructureRules.MISSING);
        assertEquals(2, missing.size(), f::toString);
        LintFinding excluded = missing.stream().filter(m -> m.severity() == Severity.MEDIUM).findFirst().orElseThrow();
        assertTrue(excluded.problem().contains("excluded location '" + gone + "'"), excluded.problem());
        assertFalse(excluded.problem().contains(hq), excluded.problem());
        LintFinding included = missing.stream().filter(m -> m.severity() == Severity.LOW).findFirst().orElseThrow();
        assertTrue(included.problem().contains("included app '" + unknownApp + "'"), included.problem());
        assertFalse(included.problem().contains(EXCHANGE), included.problem());
    }

    @Test
    void withoutThatPartOfTheSnapshotNothingIsCalledMissing() {
        String lineOfBusinessApp = "4e4e4e4e-0000-4000-8000-000000000014";
        TenantContext t = Tenants.builder().policy(enabled("p1", "MFA", with(conditions(users(List.of(),
                List.of(), List.of(FINANCE), List.of()), apps(lineOfBusinessApp)), null,
                new PolicyConditions.IncludeExclude(List.of("All"), List.of("5f5f5f5f-0000-4000-8000-000000000015")),
                null, null), grant("OR", "mfa"))).build();
        assertEquals(List.of(), linter.lint(t));
    }

    @Test
    void reportOnlyPoliciesThatWouldHaveBlockedStoredSignIns() {
        ConditionalAccessPolicy countries = policy("p-ro", "Block outside allowed countries",
                "enabledForReportingButNotEnforced", conditions(allUsersExcept(BREAK_GLASS), apps("All")),
                grant("OR", "block"));
        TenantContext t = directory().policy(countries).build();
        // blocks the sign-ins from 198.51.100.x, cannot decide those without an address
        FakeEvaluator evaluator = new FakeEvaluator((p, facts) -> facts.ipAddress() == null ? null
                : facts.ipAddress().startsWith("198.51.100."));
        SignIns fx = new SignIns();
        List<SignIn> signIns = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            signIns.add(fx.success("ann@contoso.example").ipAddress("198.51.100." + i).build());
        }
        signIns.add(fx.success("bob@contoso.example").build());
        signIns.add(fx.success("cy@contoso.example").ipAddress(null).build());
        List<LintFinding> f = new Linter(evaluator).lint(t, signIns);
        LintFinding r = only(f, "report-only-would-block");
        assertEquals(Severity.HIGH, r.severity());
        assertTrue(r.problem().contains("8 of the 10 sign-ins replayed would have been blocked"), r.problem());
        assertTrue(r.problem().contains("For 1 more"), r.problem());
        assertEquals(List.of("req-0001", "req-0002", "req-0003", "req-0004", "req-0005"), r.examples());
        assertEquals(10, evaluator.calls.get());

        // negative: nothing would be blocked
        FakeEvaluator never = new FakeEvaluator((p, facts) -> false);
        assertTrue(rule(new Linter(never).lint(t, signIns), "report-only-would-block").isEmpty());
        // only undecided: a low note, no claim
        FakeEvaluator unsure = new FakeEvaluator((p, facts) -> null);
        assertEquals(Severity.LOW, only(new Linter(unsure).lint(t, signIns), "report-only-undecided").severity());
    }

    @Test
    void withoutAReportOnlyBlockTheSignInsAreNotEvenRead() {
        TenantContext t = directory().policy(enabled("p1", "MFA", conditions(allUsersExcept(BREAK_GLASS), apps("All")),
                grant("OR", "mfa"))).build();
        Iterable<SignIn> untouchable = () -> {
            throw new AssertionError("the sign-ins were read");
        };
        assertEquals(List.of(), linter.lint(t, untouchable));
    }

    @Test
    void aPolicyOnSharePointButNotOnTeams() {
        LintFinding d = only(lint(enabled("p1", "MFA for SharePoint", conditions(allUsersExcept(BREAK_GLASS),
                apps(SHAREPOINT)), grant("OR", "mfa"))), DependencyRules.CALLER_NOT_COVERED);
        assertEquals(Severity.MEDIUM, d.severity());
        assertTrue(d.problem().contains("Microsoft Teams Services calls Office 365 SharePoint Online (early-bound)"),
                d.problem());
        assertTrue(d.fix().contains("Office 365 app group"), d.fix());
        // blocking SharePoint alone breaks Teams
        assertEquals(Severity.HIGH, only(lint(enabled("p2", "Block SharePoint", conditions(allUsersExcept(BREAK_GLASS),
                apps(SHAREPOINT)), grant("OR", "block"))), DependencyRules.CALLER_NOT_COVERED).severity());
    }

    @Test
    void aPolicyOnExchangeButNotOnTeams() {
        LintFinding d = only(lint(enabled("p1", "Compliant device for Exchange", conditions(allUsersExcept(BREAK_GLASS),
                apps(EXCHANGE)), grant("OR", "compliantDevice"))), DependencyRules.CALLER_NOT_COVERED);
        assertTrue(d.problem().contains("Microsoft Teams Services calls Office 365 Exchange Online"), d.problem());
    }

    @Test
    void aPolicyOnTeamsWithoutItsServices() {
        LintFinding d = only(lint(enabled("p1", "MFA for Teams", conditions(allUsersExcept(BREAK_GLASS), apps(TEAMS)),
                grant("OR", "mfa"))), DependencyRules.RESOURCE_NOT_COVERED);
        assertEquals(Severity.MEDIUM, d.severity());
        assertTrue(d.problem().contains("Microsoft Teams Services calls Office 365 SharePoint Online (early-bound)"),
                d.problem());
        assertTrue(d.problem().contains("Microsoft Teams Services calls Microsoft Planner (late-bound)"), d.problem());
    }

    @Test
    void dependenciesCoveredAlikeOrByTheOffice365GroupAreFine() {
        assertTrue(rule(lint(enabled("p1", "MFA for Office 365", conditions(allUsersExcept(BREAK_GLASS),
                apps("Office365")), grant("OR", "mfa"))), DependencyRules.CALLER_NOT_COVERED).isEmpty());
        List<LintFinding> alike = lint(
                enabled("p1", "MFA for SharePoint", conditions(allUsersExcept(BREAK_GLASS), apps(SHAREPOINT, EXCHANGE)),
                        grant("OR", "mfa")),
                enabled("p2", "MFA for Teams", conditions(allUsersExcept(BREAK_GLASS), apps(TEAMS)), grant("OR", "mfa")));
        List<String> problems = alike.stream().filter(f -> f.rule().startsWith("service-dependency"))
                .map(LintFinding::problem).toList();
        assertTrue(problems.stream().noneMatch(p -> p.contains("Microsoft Teams Services calls Office 365 SharePoint")),
                problems::toString);
        // the same grant for other users is not alike
        List<LintFinding> other = lint(
                enabled("p1", "MFA for SharePoint", conditions(allUsersExcept(BREAK_GLASS), apps(SHAREPOINT)),
                        grant("OR", "mfa")),
                enabled("p2", "MFA for Teams, Finance", conditions(users(List.of(), List.of(), List.of(FINANCE),
                        List.of()), apps(TEAMS)), grant("OR", "mfa")));
        assertTrue(rule(other, DependencyRules.CALLER_NOT_COVERED).get(0).problem().contains("Microsoft Teams Services"));
    }

    @Test
    void appsTheSnapshotShowsAbsentAreLeftOut() {
        TenantContext t = directory()
                .servicePrincipal(new ServicePrincipal("sp1", SHAREPOINT, "Office 365 SharePoint Online", true, false,
                        null, List.of()))
                .servicePrincipal(new ServicePrincipal("sp2", "3d3d3d3d-0000-4000-8000-000000000013",
                        "Microsoft Forms", true, false, null, List.of()))
                .policy(enabled("p1", "MFA for SharePoint", conditions(allUsersExcept(BREAK_GLASS), apps(SHAREPOINT)),
                        grant("OR", "mfa")))
                .build();
        LintFinding d = only(linter.lint(t), DependencyRules.CALLER_NOT_COVERED);
        // Forms is known by its name in this tenant; Teams is not in the tenant at all
        assertTrue(d.problem().contains("Microsoft Forms calls Office 365 SharePoint Online"), d.problem());
        assertFalse(d.problem().contains("Teams"), d.problem());
    }

    @Test
    void deviceFiltersTheEvaluatorCannotRead() {
        PolicyConditions bad = with(conditions(allUsersExcept(BREAK_GLASS), apps(EXCHANGE)), null, null, null,
                new PolicyConditions.Filter("include", "device.isCompliant -eqq True"));
        PolicyConditions blank = with(conditions(allUsersExcept(BREAK_GLASS), apps(EXCHANGE)), null, null, null,
                new PolicyConditions.Filter("exclude", "  "));
        PolicyConditions good = with(conditions(allUsersExcept(BREAK_GLASS), apps(EXCHANGE)), null, null, null,
                new PolicyConditions.Filter("exclude", "device.trustType -eq \"ServerAD\""));
        List<LintFinding> f = rule(lint(enabled("p1", "Bad filter", bad, grant("OR", "mfa")),
                enabled("p2", "Blank filter", blank, grant("OR", "mfa")),
                enabled("p3", "Good filter", good, grant("OR", "mfa"))), "device-filter-invalid");
        assertEquals(2, f.size(), f::toString);
        LintFinding b = f.stream().filter(x -> x.policyIds().equals(List.of("p1"))).findFirst().orElseThrow();
        assertEquals(Severity.HIGH, b.severity());
        assertTrue(b.problem().contains("unknown operator '-eqq' at position 19"), b.problem());
        assertTrue(f.stream().anyMatch(x -> x.policyIds().equals(List.of("p2")) && x.problem().contains("empty")));
    }

    @Test
    void disabledPoliciesAreSkippedUnlessEnablingThemWouldLockEveryoneOut() {
        List<LintFinding> f = lint(
                policy("p1", "Block everyone (off)", "disabled", conditions(users(List.of("All"), List.of(), List.of(),
                        List.of()), apps("All")), grant("OR", "block")),
                policy("p2", "Old MFA (off)", "disabled", conditions(users(List.of("None"), List.of(), List.of(),
                        List.of()), apps("All")), grant("OR", "mfa")));
        assertEquals(1, f.size(), f::toString);
        assertEquals(StructureRules.DISABLED, f.get(0).rule());
        assertEquals(Severity.LOW, f.get(0).severity());
        assertEquals(List.of("p1"), f.get(0).policyIds());
    }

    @Test
    void findingsComeMostSevereFirst() {
        List<LintFinding> f = lint(
                enabled("p1", "MFA for Exchange", conditions(users(List.of("All"), List.of(), List.of(), List.of()),
                        apps(EXCHANGE)), grant("OR", "mfa")),
                enabled("p2", "Block everyone", conditions(users(List.of("All"), List.of(), List.of(), List.of()),
                        apps("All")), grant("OR", "block")),
                enabled("p3", "Parked", conditions(users(List.of("None"), List.of(), List.of(), List.of()), apps("All")),
                        grant("OR", "mfa")));
        List<Severity> severities = f.stream().map(LintFinding::severity).toList();
        List<Severity> sorted = new ArrayList<>(severities);
        sorted.sort(null);
        assertEquals(sorted, severities);
        assertEquals(Severity.CRITICAL, severities.get(0));
    }

    @Test
    void anEmptyOrPartialSnapshotNeverThrows() {
        assertEquals(List.of(), linter.lint(TenantContext.empty()));
        ConditionalAccessPolicy odd = new ConditionalAccessPolicy(null, null, null, null,
                new GrantControls(null, List.of("block", "unknownFutureControl"), null, null, null), null, null);
        List<LintFinding> f = linter.lint(Tenants.builder().policy(odd).build(), List.of(SignIn.builder().id("x").build()));
        assertEquals(StructureRules.INCLUDES_NOBODY, f.get(0).rule());
        // nameless, report-only, blocking, on one service, with an unreadable filter: every rule meets nulls
        PolicyConditions c = with(conditions(users(List.of("All"), List.of(), List.of(), List.of()),
                apps(SHAREPOINT)), null, null, null, new PolicyConditions.Filter(null, "device.x -eqq 1"));
        ConditionalAccessPolicy nameless = new ConditionalAccessPolicy(null, null, "enabledForReportingButNotEnforced",
                c, grant("OR", "block"), null, null);
        FakeEvaluator always = new FakeEvaluator((p, facts) -> true);
        List<LintFinding> all = new Linter(always).lint(Tenants.builder().policy(nameless).build(),
                List.of(SignIn.builder().build(), SignIn.builder().id("y").build()));
        List<String> rules = all.stream().map(LintFinding::rule).toList();
        assertTrue(rules.containsAll(List.of("report-only-would-block", "device-filter-invalid",
                DependencyRules.CALLER_NOT_COVERED, StructureRules.EXCLUDES_NOBODY)), rules::toString);
        assertEquals(List.of("y"), rule(all, "report-only-would-block").get(0).examples());
    }
}
