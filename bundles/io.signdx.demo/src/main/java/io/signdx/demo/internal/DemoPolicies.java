package io.signdx.demo.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.signdx.api.model.AppliedPolicy;

/**
 * The demo tenant's Conditional Access policies, both as Graph {@code conditionalAccessPolicy} JSON (the
 * tenant snapshot) and as the entries sign-in records carry ({@code appliedConditionalAccessPolicies}),
 * so that the two always agree.
 */
final class DemoPolicies {
    record Policy(String id, String name, String state, List<String> grant) {
        boolean reportOnly() {
            return state.equals("enabledForReportingButNotEnforced");
        }
    }

    static final Policy BLOCK_LEGACY = new Policy("a1c3e5f7-0001-4b2d-8e6f-1a3c5e7f9b01", "Block legacy authentication",
            "enabled", List.of("block"));
    static final Policy MFA_ADMINS = new Policy("a1c3e5f7-0002-4b2d-8e6f-1a3c5e7f9b02", "Require MFA for admins",
            "enabled", List.of("mfa"));
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
    static final List<Policy> ALL = List.of(BLOCK_LEGACY, MFA_ADMINS, MFA_UNTRUSTED, COMPLIANT_FINANCE,
            BLOCK_HIGH_RISK, MFA_GUESTS, GUEST_DEVICE, COUNTRIES, HR_FREQUENCY);

    private static final Map<String, String> GRANT_NAMES = Map.of("block", "Block", "mfa", "Mfa",
            "compliantDevice", "RequireCompliantDevice");

    private DemoPolicies() {
    }

    /**
     * The policy list a sign-in record carries: the given policies with their results and conditions, every
     * other enabled policy as not applied, the report-only one as report-only not applied.
     */
    static List<AppliedPolicy> applied(Map<Policy, String> results) {
        List<AppliedPolicy> out = new ArrayList<>();
        for (Policy p : ALL) {
            String result = results.getOrDefault(p, p.reportOnly() ? "reportOnlyNotApplied" : "notApplied");
            boolean applies = !result.endsWith("otApplied");
            List<String> grant = p.grant().stream().map(GRANT_NAMES::get).toList();
            out.add(new AppliedPolicy(p.id(), p.name(), result, applies ? grant : List.of(),
                    p == HR_FREQUENCY && applies ? List.of("SignInFrequency") : List.of(),
                    applies ? Set.of("application", "users") : Set.of("application"),
                    applies ? Set.of() : Set.of("users")));
        }
        return out;
    }

    static Map<Policy, String> of(Object... policyAndResult) {
        Map<Policy, String> m = new LinkedHashMap<>();
        for (int i = 0; i < policyAndResult.length; i += 2) {
            m.put((Policy) policyAndResult[i], (String) policyAndResult[i + 1]);
        }
        return m;
    }

    /** The policies as Graph returns them from /identity/conditionalAccess/policies. */
    static ObjectNode graph(ObjectMapper json) {
        ObjectNode root = json.createObjectNode();
        root.put("@odata.context", "https://graph.microsoft.com/v1.0/$metadata#identity/conditionalAccess/policies");
        ArrayNode value = root.putArray("value");
        for (Policy p : ALL) {
            ObjectNode o = value.addObject();
            o.put("id", p.id());
            o.put("displayName", p.name());
            o.put("state", p.state());
            ObjectNode c = o.putObject("conditions");
            ObjectNode users = c.putObject("users");
            ObjectNode apps = c.putObject("applications");
            ArrayNode include = users.putArray("includeUsers");
            users.putArray("excludeGroups").add(DemoDirectory.BREAK_GLASS.id());
            apps.putArray("includeApplications").add("All");
            ArrayNode clientApps = c.putArray("clientAppTypes");
            clientApps.add("all");
            if (p == BLOCK_LEGACY) {
                include.add("All");
                clientApps.removeAll().add("exchangeActiveSync").add("other");
            } else if (p == MFA_ADMINS) {
                users.putArray("includeRoles").add(DemoDirectory.GLOBAL_ADMIN_ROLE).add(DemoDirectory.EXCHANGE_ADMIN_ROLE);
            } else if (p == MFA_UNTRUSTED) {
                include.add("All");
                ObjectNode loc = c.putObject("locations");
                loc.putArray("includeLocations").add("All");
                loc.putArray("excludeLocations").add("AllTrusted");
            } else if (p == COMPLIANT_FINANCE) {
                users.putArray("includeGroups").add(DemoDirectory.FINANCE.id());
                apps.putArray("includeApplications").removeAll().add(DemoDirectory.EXCHANGE.id());
            } else if (p == BLOCK_HIGH_RISK) {
                include.add("All");
                c.putArray("signInRiskLevels").add("high");
            } else if (p == MFA_GUESTS || p == GUEST_DEVICE) {
                include.add("GuestsOrExternalUsers");
                if (p == GUEST_DEVICE) {
                    apps.putArray("includeApplications").removeAll().add(DemoDirectory.SHAREPOINT.id());
                }
            } else if (p == COUNTRIES) {
                include.add("All");
                ObjectNode loc = c.putObject("locations");
                loc.putArray("includeLocations").add("All");
                loc.putArray("excludeLocations").add("b7a3c1e9-0000-4d2f-8a6b-allowedcountry");
            } else if (p == HR_FREQUENCY) {
                include.add("All");
                apps.putArray("includeApplications").removeAll().add(DemoDirectory.HR_SAML.id());
                ObjectNode session = o.putObject("sessionControls");
                ObjectNode freq = session.putObject("signInFrequency");
                freq.put("value", 8);
                freq.put("type", "hours");
                freq.put("isEnabled", true);
            }
            if (!p.grant().isEmpty()) {
                ObjectNode grant = o.putObject("grantControls");
                grant.put("operator", "OR");
                ArrayNode builtIn = grant.putArray("builtInControls");
                p.grant().forEach(builtIn::add);
            }
        }
        return root;
    }
}
