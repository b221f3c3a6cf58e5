package io.signdx.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.signdx.api.tenant.ConditionalAccessPolicy;
import io.signdx.api.tenant.DirectoryUser;
import io.signdx.api.tenant.GrantControls;
import io.signdx.api.tenant.PolicyConditions;
import io.signdx.api.tenant.ServicePrincipal;
import io.signdx.api.tenant.SessionControls;
import io.signdx.api.tenant.TenantContext;
import io.signdx.api.tenant.TenantLoader;
import io.signdx.api.tenant.TenantPart;
import io.signdx.api.tenant.TenantSnapshots;
import io.signdx.policy.PolicyEvaluator;
import io.signdx.testkit.Tenants;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WhatIfCommandTest {
    static final String FINANCE = "0f0f0f0f-0000-4000-8000-000000000002";
    static final String HR_APP = "5a5a5a5a-0000-4000-8000-000000000020";

    @TempDir
    Path dir;

    private static ConditionalAccessPolicy policy(String id, String name, String state, GrantControls grant,
            SessionControls session) {
        PolicyConditions c = new PolicyConditions(new PolicyConditions.Users(List.of("All"), null, null, null, null,
                null, null, null), new PolicyConditions.Applications(List.of("All"), null, null, null, null), null, null,
                null, null, null, null, null, null, null, null);
        return new ConditionalAccessPolicy(id, name, state, c, grant, session, "test");
    }

    static final ConditionalAccessPolicy MFA = policy("p-mfa", "Require MFA", "enabled",
            new GrantControls("OR", List.of("mfa"), null, List.of(), List.of()),
            new SessionControls(new SessionControls.SignInFrequency(8, "hours", "timeBased", null), null, null, null,
                    null, null, null));
    static final ConditionalAccessPolicy OUTSIDE = policy("p-loc", "MFA outside HQ", "enabled",
            new GrantControls("OR", List.of("mfa"), null, List.of(), List.of()), null);
    static final ConditionalAccessPolicy LEGACY = policy("p-legacy", "Block legacy authentication", "enabled",
            new GrantControls("OR", List.of("block"), null, List.of(), List.of()), null);
    static final ConditionalAccessPolicy OLD = policy("p-old", "Old policy", "disabled",
            new GrantControls("OR", List.of("block"), null, List.of(), List.of()), null);

    static TenantContext tenant() {
        return Tenants.builder().policy(MFA).policy(OUTSIDE).policy(LEGACY).policy(OLD)
                .user(new DirectoryUser("u-ann", "ann@contoso.example", "Ann", "Member", Set.of(FINANCE), Set.of()))
                .servicePrincipal(new ServicePrincipal("sp-hr", HR_APP, "Northwind HR", true, true, "saml", List.of()))
                .build();
    }

    /** MFA applies, the location policy is undecided, legacy does not apply. */
    static Stubs.Evaluator evaluator() {
        return new Stubs.Evaluator((p, f) -> switch (p.id()) {
            case "p-mfa" -> Boolean.TRUE;
            case "p-loc" -> null;
            default -> Boolean.FALSE;
        });
    }

    private final Stubs.Console console = new Stubs.Console();
    private final Stubs.Evaluator evaluator = evaluator();
    private Stubs.Loader loader = new Stubs.Loader(tenant());

    private WhatIfCommand command() {
        return new WhatIfCommand(Stubs.handle(loader, TenantLoader.class),
                Stubs.handle(new Stubs.Snapshots(null), TenantSnapshots.class),
                Stubs.handle(evaluator, PolicyEvaluator.class), console.out, console.err);
    }

    private int run(String... args) {
        return command().applyAsInt(args);
    }

    private Path snapshot() throws Exception {
        return Files.createDirectories(dir.resolve("tenant"));
    }

    @Test
    void jsonGivesEveryPolicyWithNullWhenUndecided() throws Exception {
        assertEquals(0, run("--tenant", snapshot().toString(), "--user", "ann@contoso.example", "--app", "Northwind HR",
                "--format", "json"), console::err);
        JsonNode doc = new ObjectMapper().readTree(console.out());
        JsonNode policies = doc.get("policies");
        assertEquals(4, policies.size());
        JsonNode mfa = policies.get(0);
        assertEquals("p-mfa", mfa.get("id").asText());
        assertEquals("Require MFA", mfa.get("displayName").asText());
        assertEquals("enabled", mfa.get("state").asText());
        assertTrue(mfa.get("applies").isBoolean() && mfa.get("applies").booleanValue());
        JsonNode undecided = policies.get(1).get("applies");
        assertTrue(undecided != null && undecided.isNull(), "applies must be JSON null when information is missing");
        assertFalse(policies.get(2).get("applies").booleanValue());
        JsonNode users = mfa.get("conditions").get(0);
        assertEquals("users", users.get("condition").asText());
        assertEquals("include: All users", users.get("configured").asText());
        assertEquals("ann@contoso.example", users.get("signInValue").asText());
        assertEquals("satisfied", users.get("verdict").asText());
        assertEquals("included: all users", users.get("reason").asText());
        assertEquals(14, mfa.get("conditions").size());
        assertEquals("Require mfa", mfa.get("grant").asText());
        assertTrue(mfa.get("session").isArray());
        assertEquals(List.of("id", "displayName", "state", "applies", "reportOnly", "conditions", "grant", "session"),
                fieldNames(mfa), "the form the REST API answers too");
        assertFalse(mfa.get("reportOnly").booleanValue());
        assertTrue(doc.get("disagreements").isArray() && doc.get("disagreements").isEmpty(),
                "a hypothetical sign-in has no recorded result to disagree with");

        JsonNode grant = doc.get("grant");
        assertEquals("unknown", grant.get("outcome").asText());
        assertEquals("MFA outside HQ", grant.get("undecidedPolicies").get(0).asText());
        assertEquals("Require MFA", grant.get("requirements").get(0).get("policy").asText());
        assertEquals("mfa", grant.get("requirements").get(0).get("controls").get(0).asText());
        for (String f : List.of("blockingPolicies", "authenticationStrengths", "termsOfUse")) {
            assertTrue(grant.get(f).isArray(), f);
        }
        assertEquals("grant", doc.get("reportOnlyGrant").get("outcome").asText());
        assertEquals("sign-in frequency every 8 hours", doc.get("sessionControls").get(0).asText());
        assertEquals("the IP address (named locations cannot be decided)", doc.get("missing").get(0).asText());
        // the facts as evaluated: the app name resolved through the snapshot, memberships left to the snapshot
        assertEquals(HR_APP, doc.get("signIn").get("appId").asText());
        assertEquals("u-ann", doc.get("signIn").get("userId").asText());
        assertTrue(doc.get("signIn").get("groupIds").isNull());
        assertTrue(doc.get("signIn").get("ipAddress").isNull());
    }

    @Test
    void textDetailsApplyingAndUndecidedPoliciesAndGivesOneLineForTheRest() throws Exception {
        assertEquals(0, run("--tenant", snapshot().toString(), "--user", "ann@contoso.example", "--app", HR_APP),
                console::err);
        String text = console.out();
        assertTrue(text.contains("* Require MFA  [enabled]: APPLIES"), text);
        assertTrue(text.contains("* MFA outside HQ  [enabled]: UNDECIDED (information is missing)"), text);
        assertTrue(text.contains("  Locations  include: any location; exclude: HQ  unknown              not enough information"), text);
        assertTrue(text.contains("- Block legacy authentication  [enabled]: does not apply (Client apps: the client "
                + "app browser is not one of exchangeActiveSync, other)"), text);
        assertTrue(text.contains("- Old policy  [disabled]: does not apply (the policy is disabled)"), text);
        assertTrue(text.contains("Grant (enabled policies): UNKNOWN: these policies lack information to decide: "
                + "MFA outside HQ"), text);
        assertTrue(text.contains("Session controls: sign-in frequency every 8 hours"), text);
        assertTrue(text.contains("Missing for a firmer answer:"), text);
        // conditions that are not configured are left out of the tables
        assertFalse(text.contains("Insider risk"), text);
    }

    @Test
    void optionsBecomeFacts() throws Exception {
        assertEquals(0, run("--tenant", snapshot().toString(), "--user", "zoe@contoso.example", "--app", "sharepoint",
                "--member-of", "none", "--roles", "62e90394-69f5-4237-9190-012177145e10", "--user-type", "guest",
                "--guest-type", "b2bcollaborationguest", "--home-tenant", "t-other", "--ip", "2001:db8::1",
                "--country", "de", "--platform", "IOS", "--client-app", "eas", "--sign-in-risk", "High",
                "--user-risk", "low", "--sp-risk", "none", "--insider-risk", "moderate", "--auth-flow", "devicecodeflow",
                "--auth-context", "C1,c2", "--device", "trustType=ServerAD,isCompliant=True,displayName=Ann, laptop"),
                console::err);
        var f = evaluator.lastFacts;
        assertEquals("zoe@contoso.example", f.userPrincipalName());
        assertNull(f.userId());
        assertEquals(Set.of(), f.groupIds());
        assertEquals(Set.of("62e90394-69f5-4237-9190-012177145e10"), f.roleTemplateIds());
        assertEquals("Guest", f.userType());
        assertEquals("b2bCollaborationGuest", f.guestOrExternalUserType());
        assertEquals("t-other", f.homeTenantId());
        assertEquals("00000003-0000-0ff1-ce00-000000000000", f.appId());
        assertEquals("2001:db8::1", f.ipAddress());
        assertEquals("DE", f.country());
        assertEquals("iOS", f.platform());
        assertEquals("exchangeActiveSync", f.clientAppType());
        assertEquals("high", f.signInRisk());
        assertEquals("low", f.userRisk());
        assertEquals("none", f.servicePrincipalRisk());
        assertEquals("moderate", f.insiderRisk());
        assertEquals("deviceCodeFlow", f.authenticationFlow());
        assertEquals(Set.of("c1", "c2"), f.authenticationContexts());
        assertEquals(Map.of("trustType", "ServerAD", "isCompliant", "True", "displayName", "Ann, laptop"),
                f.deviceProperties());
        assertEquals("", console.err(), "memberships given: nothing to remark");
    }

    @Test
    void leftOutOptionsStayUnknown() throws Exception {
        assertEquals(0, run("--tenant", snapshot().toString(), "--user", "ann@contoso.example", "--app", HR_APP));
        var f = evaluator.lastFacts;
        assertEquals("u-ann", f.userId());
        assertEquals("Member", f.userType());
        assertEquals("none", f.guestOrExternalUserType(), "a member of the directory is internal");
        assertNull(f.groupIds(), "membership comes from the snapshot");
        assertNull(f.ipAddress());
        assertNull(f.platform());
        assertNull(f.clientAppType());
        assertNull(f.deviceProperties());
        assertNull(f.authenticationContexts());
    }

    @Test
    void anUnregisteredDeviceAndTheDesignSpellingOfTheDeviceOption() throws Exception {
        assertEquals(0, run("--tenant", snapshot().toString(), "--user", "ann@contoso.example", "--app", HR_APP,
                "--device", "unregistered"));
        assertEquals(Map.of(), evaluator.lastFacts.deviceProperties());
        assertEquals(0, run("--tenant", snapshot().toString(), "--user", "ann@contoso.example", "--app", HR_APP,
                "--device-filter-props", "operatingSystem=Windows"));
        assertEquals(Map.of("operatingSystem", "Windows"), evaluator.lastFacts.deviceProperties());
    }

    @Test
    void aUserTheSnapshotLacksIsRemarkedOn() throws Exception {
        assertEquals(0, run("--tenant", snapshot().toString(), "--user", "nobody@contoso.example", "--app", HR_APP));
        assertTrue(console.err().contains("the user nobody@contoso.example is not in the snapshot: group and role "
                + "conditions stay undecided unless --member-of and --roles give the membership"), console.err());
        assertNull(evaluator.lastFacts.groupIds());
    }

    @Test
    void withoutTenantTheInstalledSnapshotIsUsedAndWithoutEitherItIsAUsageError() {
        WhatIfCommand installed = new WhatIfCommand(Stubs.handle(loader, TenantLoader.class),
                Stubs.handle(new Stubs.Snapshots(tenant()), TenantSnapshots.class),
                Stubs.handle(evaluator, PolicyEvaluator.class), console.out, console.err);
        assertEquals(0, installed.applyAsInt(new String[] {"--user", "ann@contoso.example", "--app", HR_APP}));
        assertEquals(List.of(), loader.calls);
        assertEquals(1, run("--user", "ann@contoso.example", "--app", HR_APP));
        assertTrue(console.err().contains("signdx whatif: no tenant snapshot: give one with --tenant DIR|FILE"),
                console.err());
    }

    @Test
    void snapshotWarningsArePrintedOnceAndShortenedAndMissingPartsNamed() throws Exception {
        List<String> warnings = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            warnings.add("policies/" + i + ".json: the id '<RING>' is a placeholder\u001b[31m");
        }
        loader = new Stubs.Loader(tenant(), warnings, List.of(TenantPart.USERS, TenantPart.NAMED_LOCATIONS));
        assertEquals(0, run("--tenant", snapshot().toString(), "--user", "ann@contoso.example", "--app", HR_APP));
        String err = console.err();
        assertTrue(err.contains(": 12 warnings while reading the snapshot:"), err);
        assertTrue(err.contains("  policies/8.json"), err);
        assertFalse(err.contains("policies/9.json"), err);
        assertTrue(err.contains("  ... and 4 more"), err);
        assertFalse(err.contains("\u001b"), "control characters from the snapshot never reach the terminal");
        assertTrue(err.contains("has no users, named locations: conditions that need them stay undecided"), err);
        assertEquals(1, err.split("12 warnings", -1).length - 1);
    }

    @Test
    void mistakesAreUsageErrorsNamingTheOption() throws Exception {
        String t = snapshot().toString();
        assertUsage("--app is required", "--tenant", t, "--user", "ann@contoso.example");
        assertUsage("--user is required", "--tenant", t, "--app", HR_APP);
        assertUsage("--platform must be one of android, iOS, windows, macOS, linux, windowsPhone, not beos",
                "--tenant", t, "--user", "u", "--app", HR_APP, "--platform", "beos");
        assertUsage("--ip must be an IPv4 or IPv6 address, not 10.0.0.300", "--tenant", t, "--user", "u", "--app",
                HR_APP, "--ip", "10.0.0.300");
        assertUsage("--ip must be an IPv4 or IPv6 address, not example.com", "--tenant", t, "--user", "u", "--app",
                HR_APP, "--ip", "example.com");
        assertUsage("--country must be a two-letter country code", "--tenant", t, "--user", "u", "--app", HR_APP,
                "--country", "Germany");
        assertUsage("--device: unknown device property trustTyp", "--tenant", t, "--user", "u", "--app", HR_APP,
                "--device", "trustTyp=ServerAD");
        assertUsage("--app Payroll is neither an app id nor the name of a service principal", "--tenant", t, "--user",
                "u", "--app", "Payroll");
        assertUsage("the snapshot has e.g. Northwind HR", "--tenant", t, "--user", "u", "--app", "Payroll");
        assertUsage("--member-of has an empty entry", "--tenant", t, "--user", "u", "--app", HR_APP, "--member-of",
                "a,,b");
        assertUsage("--tenant " + dir.resolve("nope") + ": no such file or folder", "--tenant",
                dir.resolve("nope").toString(), "--user", "u", "--app", HR_APP);
        assertUsage("--tenant: ", "--tenant", Files.createDirectories(dir.resolve("broken")).toString(), "--user", "u",
                "--app", HR_APP);
        assertUsage("unknown option --colour", "--tenant", t, "--user", "u", "--app", HR_APP, "--colour", "red");
        assertUsage("--format must be text or json", "--tenant", t, "--user", "u", "--app", HR_APP, "--format", "xml");
        assertUsage("--user-action must be a user action", "--tenant", t, "--user", "u", "--user-action", "register");
    }

    private void assertUsage(String message, String... args) {
        console.errBytes.reset();
        assertEquals(1, run(args), () -> String.join(" ", args) + ": " + console.err());
        assertTrue(console.err().contains(message), console.err());
    }

    @Test
    void aMissingServiceIsAnInternalErrorNamingItsBundle() throws Exception {
        WhatIfCommand noEvaluator = new WhatIfCommand(Stubs.handle(loader, TenantLoader.class),
                Stubs.handle(new Stubs.Snapshots(null), TenantSnapshots.class),
                ServiceHandle.direct(null, PolicyEvaluator.class, WhatIfCommand.POLICY_BUNDLE), console.out,
                console.err);
        assertEquals(2, noEvaluator.applyAsInt(new String[] {"--tenant", snapshot().toString(), "--user", "u",
                "--app", HR_APP}));
        assertTrue(console.err().contains("no io.signdx.policy.PolicyEvaluator service is registered: the bundle "
                + "io.signdx.policy is not installed"), console.err());
        WhatIfCommand noLoader = new WhatIfCommand(
                ServiceHandle.direct(null, TenantLoader.class, SnapshotOption.TENANT_BUNDLE),
                Stubs.handle(new Stubs.Snapshots(null), TenantSnapshots.class),
                Stubs.handle(evaluator, PolicyEvaluator.class), console.out, console.err);
        assertEquals(2, noLoader.applyAsInt(new String[] {"--tenant", snapshot().toString(), "--user", "u", "--app",
                HR_APP}));
        assertTrue(console.err().contains("the bundle io.signdx.tenant is not installed"), console.err());
    }

    private static List<String> fieldNames(JsonNode n) {
        List<String> names = new ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
