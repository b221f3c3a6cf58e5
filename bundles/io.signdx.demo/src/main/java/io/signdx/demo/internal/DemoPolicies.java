package io.signdx.demo.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.signdx.api.model.AppliedPolicy;
import io.signdx.api.model.ClientApp;
import io.signdx.api.model.SignIn;

/**
 * The demo tenant's Conditional Access policies, both as Graph {@code conditionalAccessPolicy} JSON (the
 * tenant snapshot) and as the entries sign-in records carry ({@code appliedConditionalAccessPolicies}),
 * so that the two always agree: {@link #evaluate} decides each policy for a generated sign-in by the same
 * conditions {@link #graph} writes, and a sign-in whose scenario says something the policies do not
 * support is a generator error, not a quiet inconsistency.
 */
final class DemoPolicies {
    record Policy(String id, String name, String state, List<String> grant) {
        boolean reportOnly() {
            return state.equals("enabledForReportingButNotEnforced");
        }
    }

    static final String COUNTRIES_LOCATION = "b7a3c1e9-0000-4d2f-8a6b-0000000000a2";
    static final String HQ_LOCATION = "b7a3c1e9-0000-4d2f-8a6b-0000000000a1";
    /** The built-in "Phishing-resistant MFA" authentication strength. */
    static final String PHISHING_RESISTANT = "00000000-0000-0000-0000-000000000004";
    /** Hybrid-joined PCs are managed on premises and covered by the finance team's own baseline. */
    static final String HYBRID_JOINED_RULE = "device.trustType -eq \"ServerAD\"";

    static final Policy BLOCK_LEGACY = new Policy("a1c3e5f7-0001-4b2d-8e6f-1a3c5e7f9b01", "Block legacy authentication",
            "enabled", List.of("block"));
    static final Policy MFA_ADMINS = new Policy("a1c3e5f7-0002-4b2d-8e6f-1a3c5e7f9b02",
            "Admins: require phishing-resistant MFA", "enabled", List.of("authenticationStrength"));
    static final Policy MFA_UNTRUSTED = new Policy("a1c3e5f7-0003-4b2d-8e6f-1a3c5e7f9b03",
            "Require MFA outside trusted locations", "enabled", List.of("mfa"));
    static final Policy COMPLIANT_FINANCE = new Policy("a1c3e5f7-0004-4b2d-8e6f-1a3c5e7f9b04",
            "Finance: require compliant device for Exchange", "enabled", List.of("compliantDevice"));
    static final Policy BLOCK_HIGH_RISK = new Policy("a1c3e5f7-0005-4b2d-8e6f-1a3c5e7f9b05",
            "Block high sign-in risk", "enabled", List.of("block"));
    static final Policy MFA_GUESTS = new Policy("a1c3e5f7-0006-4b2d-8e6f-1a3c5e7f9b06", "Require MFA for guests",
            "enabled", List.of("mfa"));
    static final Policy GUEST_DEVICE = new Policy("a1c3e5f7-0007-4b2d-8e6f-1a3c5e7f9b07",
            "Guests: require compliant device for SharePoint", "enabled", List.of("compliantDevice"));
    static final Policy COUNTRIES = new Policy("a1c3e5f7-0008-4b2d-8e6f-1a3c5e7f9b08",
            "Block sign-ins from outside allowed countries (report-only)", "enabledForReportingButNotEnforced",
            List.of("block"));
    static final Policy HR_FREQUENCY = new Policy("a1c3e5f7-0009-4b2d-8e6f-1a3c5e7f9b09",
            "HR app: sign-in every 8 hours", "enabled", List.of());
    static final Policy BLOCK_DEVICE_CODE = new Policy("a1c3e5f7-0010-4b2d-8e6f-1a3c5e7f9b10",
            "Block device code flow", "enabled", List.of("block"));
    static final List<Policy> ALL = List.of(BLOCK_LEGACY, MFA_ADMINS, MFA_UNTRUSTED, COMPLIANT_FINANCE,
            BLOCK_HIGH_RISK, MFA_GUESTS, GUEST_DEVICE, COUNTRIES, HR_FREQUENCY, BLOCK_DEVICE_CODE);
    /** The countries the report-only policy allows (the offices and the partner's). */
    static final List<String> ALLOWED_COUNTRIES = List.of("US", "IE", "NL", "SG", "CA", "DE");

    private static final Map<String, String> GRANT_NAMES = Map.of("block", "Block", "mfa", "Mfa",
            "compliantDevice", "RequireCompliantDevice", "authenticationStrength", "AuthenticationStrength");

    private DemoPolicies() {
    }

    /**
     * The policy list a scenario gives a sign-in: the given policies with their results, every other enabled
     * policy as not applied, the report-only one as report-only not applied. {@link #evaluate} later fills in
     * what the policies themselves say.
     */
    static List<AppliedPolicy> applied(Map<Policy, String> results) {
        List<AppliedPolicy> out = new ArrayList<>();
        for (Policy p : ALL) {
            String result = results.getOrDefault(p, p.reportOnly() ? "reportOnlyNotApplied" : "notApplied");
            boolean applies = !result.endsWith("otApplied");
            out.add(new AppliedPolicy(p.id(), p.name(), result, applies ? grantNames(p) : List.of(),
                    p == HR_FREQUENCY && applies ? List.of("SignInFrequency") : List.of(),
                    applies ? Set.of("application", "users") : Set.of("application"),
                    applies ? Set.of() : Set.of("users")));
        }
        return out;
    }

    private static List<String> grantNames(Policy p) {
        return p.grant().stream().map(GRANT_NAMES::get).toList();
    }

    static Map<Policy, String> of(Object... policyAndResult) {
        Map<Policy, String> m = new LinkedHashMap<>();
        for (int i = 0; i < policyAndResult.length; i += 2) {
            m.put((Policy) policyAndResult[i], (String) policyAndResult[i + 1]);
        }
        return m;
    }

    // ---- evaluation of the generated sign-ins -------------------------------------------------------

    /** True when the address is in the trusted headquarters range (203.0.113.0/26). */
    static boolean trusted(String ip) {
        if (ip == null || !ip.startsWith("203.0.113.")) {
            return false;
        }
        return Integer.parseInt(ip.substring("203.0.113.".length())) < 64;
    }

    /**
     * The record's policy list as the policies decide it: a policy the scenario gave a result keeps it (and
     * must apply); every other one applies or not by its conditions, and when it applies its result follows
     * from whether the sign-in met its controls. Only for sign-ins that reached Conditional Access.
     *
     * @throws IllegalStateException when the scenario contradicts the policies: a result for a policy that
     *         does not apply, or a sign-in let through although an applying policy's controls were not met
     */
    static List<AppliedPolicy> evaluate(SignIn s, DemoDirectory.User user, DemoDirectory dir) {
        Map<String, String> given = new LinkedHashMap<>();
        for (AppliedPolicy a : s.appliedConditionalAccessPolicies()) {
            if (!a.resultValue().endsWith("otApplied")) {
                given.put(a.id(), a.resultValue());
            }
        }
        boolean granted = s.errorCode() == 0;
        List<AppliedPolicy> out = new ArrayList<>();
        for (Policy p : ALL) {
            Set<String> satisfied = new LinkedHashSet<>();
            String missing = firstUnsatisfied(p, s, user, dir, satisfied);
            String result = given.get(p.id());
            if (result != null && missing != null) {
                throw new IllegalStateException("sign-in " + s.id() + " says '" + p.name() + "' " + result
                        + " but its " + missing + " condition is not met");
            }
            if (result == null) {
                if (missing != null) {
                    result = p.reportOnly() ? "reportOnlyNotApplied" : "notApplied";
                } else {
                    boolean met = controlsMet(p, s);
                    if (!met && granted && !p.reportOnly()) {
                        throw new IllegalStateException("sign-in " + s.id() + " of " + user.upn() + " succeeded although '"
                                + p.name() + "' applies and its controls were not met");
                    }
                    result = (p.reportOnly() ? "reportOnly" : "") + (met ? "Success" : "Failure");
                    result = Character.toLowerCase(result.charAt(0)) + result.substring(1);
                }
            }
            boolean applies = missing == null;
            out.add(new AppliedPolicy(p.id(), p.name(), result, applies ? grantNames(p) : List.of(),
                    p == HR_FREQUENCY && applies ? List.of("SignInFrequency") : List.of(), satisfied,
                    missing == null ? Set.of() : Set.of(missing)));
        }
        return out;
    }

    /** The Conditional Access status the policy results give. */
    static String status(List<AppliedPolicy> results) {
        boolean success = false;
        for (AppliedPolicy a : results) {
            if (a.resultValue().equals("failure")) {
                return "failure";
            }
            success |= a.resultValue().equals("success");
        }
        return success ? "success" : "notApplied";
    }

    /**
     * The first condition of the policy the sign-in does not meet (named as sign-in records name them), or
     * null when the policy applies; the conditions met before it are added to {@code satisfied}.
     */
    private static String firstUnsatisfied(Policy p, SignIn s, DemoDirectory.User u, DemoDirectory dir,
            Set<String> satisfied) {
        boolean breakGlass = u.groups().contains(DemoDirectory.BREAK_GLASS.id());
        boolean users;
        if (p == MFA_GUESTS || p == GUEST_DEVICE) {
            users = u.guest() && DemoDirectory.PARTNER_TENANT_ID.equals(u.homeTenant());
        } else if (p == BLOCK_LEGACY) {
            users = !breakGlass && u != dir.printer;
        } else if (p == MFA_ADMINS) {
            users = !breakGlass && !u.roles().isEmpty();
        } else if (p == MFA_UNTRUSTED) {
            users = !breakGlass && !u.guest();
        } else if (p == COMPLIANT_FINANCE) {
            users = !breakGlass && u.groups().contains(DemoDirectory.FINANCE.id());
        } else {
            users = !breakGlass;
        }
        if (!users) {
            return "users";
        }
        satisfied.add("users");
        String app = s.appId();
        boolean application = p == COMPLIANT_FINANCE ? DemoDirectory.EXCHANGE.id().equals(app)
                : p == GUEST_DEVICE ? DemoDirectory.SHAREPOINT.id().equals(app)
                : p == HR_FREQUENCY ? DemoDirectory.HR_SAML.id().equals(app) : true;
        if (!application) {
            return "application";
        }
        satisfied.add("application");
        ClientApp client = s.clientApp();
        if (p == BLOCK_LEGACY || p == MFA_UNTRUSTED || p == COMPLIANT_FINANCE) {
            boolean legacy = client.isLegacy();
            if (p == BLOCK_LEGACY ? !legacy : legacy) {
                return "clientType";
            }
            satisfied.add("clientType");
        }
        if (p == MFA_UNTRUSTED) {
            if (trusted(s.ipAddress())) {
                return "location";
            }
            satisfied.add("location");
        }
        if (p == COUNTRIES) {
            String country = s.location() == null ? null : s.location().countryOrRegion();
            if (country != null && ALLOWED_COUNTRIES.contains(country)) {
                return "location";
            }
            satisfied.add("location");
        }
        if (p == BLOCK_DEVICE_CODE) {
            // what Graph beta records for the sign-in, as the evaluator reads it
            if (!"deviceCodeFlow".equals(s.originalTransferMethod())) {
                return "authenticationFlows";
            }
            satisfied.add("authenticationFlows");
        }
        if (p == BLOCK_HIGH_RISK) {
            if (!"high".equals(s.risk().riskLevelDuringSignInValue())) {
                return "signInRisk";
            }
            satisfied.add("signInRisk");
        }
        if (p == COMPLIANT_FINANCE) {
            satisfied.add("devicePlatform");
            // the device filter leaves out hybrid-joined PCs; the demo has none, so it never excludes
            if ("Hybrid Azure AD joined".equals(s.deviceDetail().trustType())) {
                return "deviceState";
            }
        }
        return null;
    }

    private static boolean controlsMet(Policy p, SignIn s) {
        boolean mfa = s.errorCode() == 0 && "multiFactorAuthentication".equals(s.authenticationRequirementValue());
        return switch (p.grant().isEmpty() ? "session" : p.grant().get(0)) {
            case "block" -> false;
            case "mfa", "authenticationStrength" -> mfa;
            case "compliantDevice" -> Boolean.TRUE.equals(s.deviceDetail().isCompliant());
            default -> s.errorCode() != 70044;
        };
    }

    // ---- the snapshot -------------------------------------------------------------------------------

    /** The policies as Graph returns them from /identity/conditionalAccess/policies. */
    static ObjectNode graph(ObjectMapper json, DemoDirectory dir) {
        ObjectNode root = json.createObjectNode();
        root.put("@odata.context", "https://graph.microsoft.com/v1.0/$metadata#identity/conditionalAccess/policies");
        ArrayNode value = root.putArray("value");
        for (Policy p : ALL) {
            ObjectNode o = value.addObject();
            o.put("id", p.id());
            o.put("templateId", (String) null);
            o.put("displayName", p.name());
            o.put("createdDateTime", "2026-10-05T09:12:44Z");
            o.put("modifiedDateTime", "2026-11-02T16:40:03Z");
            o.put("state", p.state());
            ObjectNode c = o.putObject("conditions");
            ObjectNode users = c.putObject("users");
            ObjectNode apps = c.putObject("applications");
            ArrayNode include = users.putArray("includeUsers");
            ArrayNode excludeUsers = users.putArray("excludeUsers");
            users.putArray("includeGroups");
            users.putArray("excludeGroups").add(DemoDirectory.BREAK_GLASS.id());
            users.putArray("includeRoles");
            users.putArray("excludeRoles");
            apps.putArray("includeApplications").add("All");
            apps.putArray("excludeApplications");
            apps.putArray("includeUserActions");
            apps.putArray("includeAuthenticationContextClassReferences");
            ArrayNode clientApps = c.putArray("clientAppTypes");
            clientApps.add("all");
            c.putArray("signInRiskLevels");
            c.putArray("userRiskLevels");
            c.putNull("platforms");
            c.putNull("locations");
            c.putNull("devices");
            if (p == BLOCK_LEGACY) {
                include.add("All");
                // the scan-to-mail printer still sends with SMTP AUTH: the exemption every audit finds
                excludeUsers.add(dir.printer.id());
                clientApps.removeAll().add("exchangeActiveSync").add("other");
            } else if (p == MFA_ADMINS) {
                ((ArrayNode) users.get("includeRoles")).add(DemoDirectory.GLOBAL_ADMIN_ROLE)
                        .add(DemoDirectory.EXCHANGE_ADMIN_ROLE);
            } else if (p == MFA_UNTRUSTED) {
                include.add("All");
                excludeUsers.add("GuestsOrExternalUsers");
                clientApps.removeAll().add("browser").add("mobileAppsAndDesktopClients");
                ObjectNode loc = c.putObject("locations");
                loc.putArray("includeLocations").add("All");
                loc.putArray("excludeLocations").add("AllTrusted");
            } else if (p == COMPLIANT_FINANCE) {
                ((ArrayNode) users.get("includeGroups")).add(DemoDirectory.FINANCE.id());
                ((ArrayNode) apps.get("includeApplications")).removeAll().add(DemoDirectory.EXCHANGE.id());
                clientApps.removeAll().add("browser").add("mobileAppsAndDesktopClients");
                ObjectNode platforms = c.putObject("platforms");
                platforms.putArray("includePlatforms").add("all");
                platforms.putArray("excludePlatforms");
                ObjectNode filter = c.putObject("devices").putObject("deviceFilter");
                filter.put("mode", "exclude");
                filter.put("rule", HYBRID_JOINED_RULE);
            } else if (p == BLOCK_HIGH_RISK) {
                include.add("All");
                ((ArrayNode) c.get("signInRiskLevels")).add("high");
            } else if (p == MFA_GUESTS || p == GUEST_DEVICE) {
                ObjectNode guests = users.putObject("includeGuestsOrExternalUsers");
                guests.put("guestOrExternalUserTypes", "b2bCollaborationGuest");
                ObjectNode tenants = guests.putObject("externalTenants");
                tenants.put("@odata.type", "#microsoft.graph.conditionalAccessEnumeratedExternalTenants");
                tenants.put("membershipKind", "enumerated");
                tenants.putArray("members").add(DemoDirectory.PARTNER_TENANT_ID);
                if (p == GUEST_DEVICE) {
                    ((ArrayNode) apps.get("includeApplications")).removeAll().add(DemoDirectory.SHAREPOINT.id());
                }
            } else if (p == COUNTRIES) {
                include.add("All");
                ObjectNode loc = c.putObject("locations");
                loc.putArray("includeLocations").add("All");
                loc.putArray("excludeLocations").add(COUNTRIES_LOCATION);
            } else if (p == HR_FREQUENCY) {
                include.add("All");
                ((ArrayNode) apps.get("includeApplications")).removeAll().add(DemoDirectory.HR_SAML.id());
            } else if (p == BLOCK_DEVICE_CODE) {
                include.add("All");
                // Graph writes the multi-valued transfer methods as one comma-separated string
                c.putObject("authenticationFlows").put("transferMethods", "deviceCodeFlow");
            }
            grant(o, p);
            session(o, p);
        }
        return root;
    }

    private static void grant(ObjectNode o, Policy p) {
        if (p.grant().isEmpty()) {
            o.putNull("grantControls");
            return;
        }
        ObjectNode grant = o.putObject("grantControls");
        grant.put("operator", "OR");
        ArrayNode builtIn = grant.putArray("builtInControls");
        grant.putArray("customAuthenticationFactors");
        grant.putArray("termsOfUse");
        if (p == MFA_ADMINS) {
            ObjectNode strength = grant.putObject("authenticationStrength");
            strength.put("id", PHISHING_RESISTANT);
            strength.put("displayName", "Phishing-resistant MFA");
            strength.put("policyType", "builtIn");
            strength.putArray("allowedCombinations").add("windowsHelloForBusiness").add("fido2")
                    .add("x509CertificateMultiFactor");
        } else {
            p.grant().forEach(builtIn::add);
            grant.putNull("authenticationStrength");
        }
    }

    private static void session(ObjectNode o, Policy p) {
        if (p != HR_FREQUENCY) {
            o.putNull("sessionControls");
            return;
        }
        ObjectNode session = o.putObject("sessionControls");
        session.putNull("applicationEnforcedRestrictions");
        session.putNull("cloudAppSecurity");
        session.putNull("persistentBrowser");
        ObjectNode freq = session.putObject("signInFrequency");
        freq.put("value", 8);
        freq.put("type", "hours");
        freq.put("authenticationType", "primaryAndSecondaryAuthentication");
        freq.put("frequencyInterval", "timeBased");
        freq.put("isEnabled", true);
    }
}
