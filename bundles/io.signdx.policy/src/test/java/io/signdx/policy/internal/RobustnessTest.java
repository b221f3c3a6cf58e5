package io.signdx.policy.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.signdx.api.model.AppliedPolicy;
import io.signdx.api.model.DeviceDetail;
import io.signdx.api.model.Location;
import io.signdx.api.model.Risk;
import io.signdx.api.model.SignIn;
import io.signdx.api.tenant.ConditionalAccessPolicy;
import io.signdx.api.tenant.DirectoryUser;
import io.signdx.api.tenant.GrantControls;
import io.signdx.api.tenant.NamedLocation;
import io.signdx.api.tenant.PolicyConditions;
import io.signdx.api.tenant.SessionControls;
import io.signdx.api.tenant.TenantContext;
import io.signdx.policy.Condition;
import io.signdx.policy.ConditionVerdict;
import io.signdx.policy.Evaluation;
import io.signdx.policy.Grant;
import io.signdx.policy.PolicyEvaluation;
import io.signdx.policy.SignInFacts;
import io.signdx.policy.Verdict;
import io.signdx.policy.internal.rule.ParsedRule;
import io.signdx.policy.internal.rule.RuleParser;
import io.signdx.testkit.Tenants;

/** Generated policies, locations, rules and sign-ins, valid and not: the evaluator never throws and stays consistent. */
class RobustnessTest {
    private static final String[] WORDS = {null, "", " ", "All", "None", "all", "AllTrusted", "Office365",
        "MicrosoftAdminPortals", "GuestsOrExternalUsers", "ServicePrincipalsInMyTenant", "<ExclusionTempGroup>",
        Eval.FINANCE, Eval.BREAK_GLASS, Eval.EXCHANGE, Eval.GLOBAL_ADMIN, "urn:user:registersecurityinfo", "c1", "browser",
        "mobileAppsAndDesktopClients", "exchangeActiveSync", "easSupported", "other", "high", "medium", "low", "none",
        "hidden", "elevated", "deviceCodeFlow", "authenticationTransfer", "iOS", "android", "windows", "b2bCollaborationGuest",
        "internalGuest", "enumerated", "include", "exclude", "ÄÖÜ\u0000\u202e", "x".repeat(5000), "10c4710c-0000-4000-8000-0000000000a1"};
    private static final String[] RULES = {null, "", "device.isCompliant -eq True", "device.trustType -eq \"ServerAD\" -or (",
        "device.displayName -in [\"a\",\"b\"] -and -not device.model -contains \"x\"", "(((((", "\"", "-not -not -not",
        "device.extensionAttribute3 -ne null", "device.physicalIds -contains \"[ZTDId]:1\"", "device.x -eq 1",
        "device.operatingSystemVersion -startsWith 10.0"};
    private static final String[] RANGES = {"203.0.113.0/24", "2001:db8::/32", "10.0.0.1/8", "300.1.1.1/24", "", null, "::/0",
        "0.0.0.0/0", "garbage", "1.2.3.4"};
    private static final String[] IPS = {null, "", "203.0.113.5", "10.1.1.1", "2001:db8::1", "::ffff:10.1.1.1", "1.2.3",
        "not an ip", "999.999.999.999", "fe80::1%eth0", "203.0.113.5/24"};

    private final Random random = new Random(20261116L);

    private String word() {
        return WORDS[random.nextInt(WORDS.length)];
    }

    private List<String> words() {
        if (random.nextInt(5) == 0) {
            return null;
        }
        List<String> out = new ArrayList<>();
        int n = random.nextInt(4);
        for (int i = 0; i < n; i++) {
            String w = word();
            if (w != null) {
                out.add(w); // the API records refuse null elements: a loader drops them
            }
        }
        return out;
    }

    private Set<String> wordSet() {
        List<String> w = words();
        if (w == null) {
            return null;
        }
        Set<String> out = new HashSet<>();
        for (String s : w) {
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }

    private <T> T maybe(T value) {
        return random.nextInt(3) == 0 ? null : value;
    }

    private ConditionalAccessPolicy policy(int i) {
        PolicyConditions c = new PolicyConditions(
                maybe(new PolicyConditions.Users(words(), words(), words(), words(), words(), words(),
                        maybe(new PolicyConditions.GuestsOrExternalUsers(words(), word(), words())),
                        maybe(new PolicyConditions.GuestsOrExternalUsers(words(), word(), words())))),
                maybe(new PolicyConditions.Applications(words(), words(), words(), words(),
                        maybe(new PolicyConditions.Filter(word(), word())))),
                maybe(new PolicyConditions.ClientApplications(words(), words(), maybe(new PolicyConditions.Filter(word(), word())))),
                maybe(new PolicyConditions.IncludeExclude(words(), words())),
                maybe(new PolicyConditions.IncludeExclude(words(), words())),
                words(), words(), words(), words(), words(), words(),
                maybe(new PolicyConditions.Filter(word(), RULES[random.nextInt(RULES.length)])));
        GrantControls g = maybe(new GrantControls(word(), words(),
                maybe(new GrantControls.AuthenticationStrength(word(), word(), words())), words(), words()));
        SessionControls s = maybe(new SessionControls(
                maybe(new SessionControls.SignInFrequency(maybe(random.nextInt(48) - 4), word(), word(), word())),
                word(), word(), maybe(random.nextBoolean()), maybe(random.nextBoolean()), word(), maybe(random.nextBoolean())));
        String[] states = {"enabled", "disabled", "enabledForReportingButNotEnforced", null, "", "Enabled", "weird"};
        return new ConditionalAccessPolicy(maybe("pol-" + i), maybe(word()), states[random.nextInt(states.length)],
                maybe(c), g, s, "gen#" + i);
    }

    private TenantContext tenant() {
        Tenants t = Tenants.builder().group(Eval.FINANCE, "Finance");
        int n = 1 + random.nextInt(12);
        for (int i = 0; i < n; i++) {
            t.policy(policy(i));
        }
        String range = RANGES[random.nextInt(RANGES.length)];
        t.namedLocation(new NamedLocation("10c4710c-0000-4000-8000-0000000000a1", word(),
                random.nextBoolean() ? NamedLocation.Kind.IP_RANGES : NamedLocation.Kind.COUNTRIES, random.nextBoolean(),
                range == null ? List.of() : List.of(range), words(), random.nextBoolean(), word()));
        t.user(new DirectoryUser("u1", maybe("u1#EXT#@contoso.example"), null, word(), wordSet(), wordSet()));
        return t.build();
    }

    private SignInFacts facts() {
        Map<String, String> device = null;
        int d = random.nextInt(3);
        if (d == 1) {
            device = Map.of();
        } else if (d == 2) {
            device = new HashMap<>();
            for (String k : List.of("deviceId", "trustType", "isCompliant", "isManaged", "extensionAttribute3", "physicalIds",
                    "displayName", "model")) {
                String v = word();
                if (v != null && random.nextBoolean()) {
                    device.put(k, v);
                }
            }
        }
        return SignInFacts.builder().userId(maybe(random.nextBoolean() ? "u1" : word())).userPrincipalName(word())
                .userType(word()).guestOrExternalUserType(word()).homeTenantId(word()).groupIds(wordSet())
                .roleTemplateIds(wordSet()).servicePrincipalId(random.nextInt(4) == 0 ? word() : null).appId(word())
                .userAction(random.nextInt(4) == 0 ? word() : null).authenticationContexts(wordSet())
                .ipAddress(IPS[random.nextInt(IPS.length)]).country(word()).platform(word()).clientAppType(word())
                .signInRisk(word()).userRisk(word()).servicePrincipalRisk(word()).insiderRisk(word())
                .authenticationFlow(word()).deviceProperties(device).build();
    }

    private SignIn recorded() {
        String[] results = {"success", "failure", "notApplied", "notEnabled", "reportOnlySuccess", "reportOnlyNotApplied",
            "unknownFutureValue", null, ""};
        List<AppliedPolicy> applied = new ArrayList<>();
        for (int i = 0; i < random.nextInt(5); i++) {
            applied.add(new AppliedPolicy(maybe("pol-" + random.nextInt(12)), word(), results[random.nextInt(results.length)],
                    words(), words(), wordSet(), wordSet()));
        }
        return SignIn.builder().id("r" + random.nextInt()).userId(word()).userPrincipalName(word()).userTypeValue(word())
                .appId(word()).resourceId(word()).servicePrincipalId(word()).ipAddress(IPS[random.nextInt(IPS.length)])
                .location(new Location(word(), word(), word(), null, null)).clientAppUsed(word())
                .authenticationProtocol(word()).crossTenantAccessTypeValue(word()).homeTenantId(word())
                .resourceTenantId(word()).signInEventTypes(words()).managedIdentityType(maybe(word()))
                .deviceDetail(new DeviceDetail(word(), word(), word(), word(), maybe(random.nextBoolean()),
                        maybe(random.nextBoolean()), word()))
                .risk(new Risk(word(), word(), word(), word(), words())).appliedConditionalAccessPolicies(applied).build();
    }

    @Test
    void generatedInputNeverThrowsAndStaysConsistent() {
        ConditionalAccessEvaluator evaluator = Eval.evaluator();
        for (int round = 0; round < 120; round++) {
            TenantContext t = tenant();
            for (int i = 0; i < 10; i++) {
                Evaluation e = i % 2 == 0 ? evaluator.evaluate(facts(), t) : evaluator.evaluate(recorded(), t);
                check(e, t);
            }
        }
    }

    private static void check(Evaluation e, TenantContext t) {
        assertEquals(t.policies().size(), e.policies().size());
        for (PolicyEvaluation p : e.policies()) {
            assertEquals(Condition.values().length, p.conditions().size());
            boolean notSatisfied = false;
            boolean open = false;
            for (ConditionVerdict v : p.conditions()) {
                assertNotNull(v.verdict());
                assertNotNull(v.configured());
                assertNotNull(v.signInValue());
                assertNotNull(v.reason());
                notSatisfied |= v.verdict() == Verdict.NOT_SATISFIED;
                open |= v.verdict() == Verdict.NOT_ENOUGH_INFORMATION;
            }
            boolean on = p.policy().enabled() || p.reportOnly();
            Boolean expected = !on || notSatisfied ? Boolean.FALSE : open ? null : Boolean.TRUE;
            assertEquals(expected, p.applies(), () -> p.policy().origin());
        }
        Grant g = e.grant();
        assertEquals(!g.blockingPolicies().isEmpty(), g.outcome() == Grant.Outcome.BLOCK);
        assertTrue(g.outcome() != Grant.Outcome.GRANT_WITH_REQUIREMENTS || !g.requirements().isEmpty());
    }

    @Test
    void randomRuleTextNeverThrows() {
        String alphabet = "device.trustTypeisCompliant-eqnotandor()[]\",' `\u2013TrueFalsenull0123456789xyz\u201c";
        for (int i = 0; i < 10_000; i++) {
            StringBuilder b = new StringBuilder();
            int n = random.nextInt(80);
            for (int k = 0; k < n; k++) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            ParsedRule r = RuleParser.parse(b.toString());
            assertTrue(r.ok() || r.error() != null && !r.error().isBlank());
            r.evaluate(RuleParserTestDevices.UNREGISTERED);
        }
    }

    @Test
    void mutatedValidRulesNeverThrow() {
        String valid = "(device.trustType -eq \"ServerAD\" -or device.isCompliant -eq True) -and -not "
                + "device.displayName -in [\"kiosk-1\",\"kiosk-2\"] -or device.extensionAttribute1 -ne null";
        assertTrue(RuleParser.parse(valid).ok());
        for (int i = 0; i < 5_000; i++) {
            StringBuilder b = new StringBuilder(valid);
            int edits = 1 + random.nextInt(3);
            for (int k = 0; k < edits && b.length() > 0; k++) {
                int at = random.nextInt(b.length());
                switch (random.nextInt(3)) {
                    case 0 -> b.deleteCharAt(at);
                    case 1 -> b.insert(at, "()\"[],-".charAt(random.nextInt(7)));
                    default -> b.setCharAt(at, (char) (' ' + random.nextInt(95)));
                }
            }
            ParsedRule r = RuleParser.parse(b.toString());
            assertTrue(r.ok() || r.error().contains("column") || r.error().startsWith("the rule"), r.error());
        }
    }

    /** An unregistered device view without depending on the rule package's test class. */
    static final class RuleParserTestDevices {
        static final io.signdx.policy.internal.rule.DeviceView UNREGISTERED = new io.signdx.policy.internal.rule.DeviceView() {
            @Override
            public boolean isKnown(io.signdx.policy.internal.rule.DeviceProperty p) {
                return true;
            }

            @Override
            public String text(io.signdx.policy.internal.rule.DeviceProperty p) {
                return null;
            }

            @Override
            public List<String> items(io.signdx.policy.internal.rule.DeviceProperty p) {
                return List.of();
            }
        };
    }
}
