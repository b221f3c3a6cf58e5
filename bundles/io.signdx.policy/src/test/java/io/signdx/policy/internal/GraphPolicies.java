package io.signdx.policy.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.signdx.api.tenant.ConditionalAccessPolicy;
import io.signdx.api.tenant.GrantControls;
import io.signdx.api.tenant.PolicyConditions;
import io.signdx.api.tenant.SessionControls;

/**
 * Test-only: reads a Graph-shaped {@code conditionalAccessPolicy} JSON document into the API records,
 * leniently as exported files are written (a string where Graph has a list, {@code "locations": []},
 * {@code "GrantControls"} with a capital letter). The product's loader lives in io.signdx.tenant.
 */
final class GraphPolicies {
    private static final ObjectMapper JSON = new ObjectMapper();

    private GraphPolicies() {
    }

    static ConditionalAccessPolicy resource(String name) {
        try (InputStream in = GraphPolicies.class.getResourceAsStream("/policies/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource /policies/" + name);
            }
            return read(JSON.readTree(in), name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ConditionalAccessPolicy read(JsonNode p, String origin) {
        JsonNode c = field(p, "conditions");
        PolicyConditions conditions = c == null ? null : new PolicyConditions(users(field(c, "users")),
                applications(field(c, "applications")), clientApplications(field(c, "clientApplications")),
                includeExclude(field(c, "platforms"), "includePlatforms", "excludePlatforms"),
                includeExclude(field(c, "locations"), "includeLocations", "excludeLocations"),
                list(field(c, "clientAppTypes")), list(field(c, "signInRiskLevels")), list(field(c, "userRiskLevels")),
                list(field(c, "servicePrincipalRiskLevels")), list(field(c, "insiderRiskLevels")),
                flows(field(c, "authenticationFlows")), deviceFilter(field(c, "devices")));
        return new ConditionalAccessPolicy(text(field(p, "id")), text(field(p, "displayName")), text(field(p, "state")),
                conditions, grant(field(p, "grantControls")), session(field(p, "sessionControls")), origin);
    }

    private static PolicyConditions.Users users(JsonNode u) {
        if (u == null) {
            return null;
        }
        return new PolicyConditions.Users(list(field(u, "includeUsers")), list(field(u, "excludeUsers")),
                list(field(u, "includeGroups")), list(field(u, "excludeGroups")), list(field(u, "includeRoles")),
                list(field(u, "excludeRoles")), guests(field(u, "includeGuestsOrExternalUsers")),
                guests(field(u, "excludeGuestsOrExternalUsers")));
    }

    private static PolicyConditions.GuestsOrExternalUsers guests(JsonNode g) {
        if (g == null) {
            return null;
        }
        JsonNode t = field(g, "externalTenants");
        return new PolicyConditions.GuestsOrExternalUsers(list(field(g, "guestOrExternalUserTypes")),
                t == null ? null : text(field(t, "membershipKind")), t == null ? List.of() : list(field(t, "members")));
    }

    private static PolicyConditions.Applications applications(JsonNode a) {
        if (a == null) {
            return null;
        }
        return new PolicyConditions.Applications(list(field(a, "includeApplications")), list(field(a, "excludeApplications")),
                list(field(a, "includeUserActions")), list(field(a, "includeAuthenticationContextClassReferences")),
                filter(field(a, "applicationFilter")));
    }

    private static PolicyConditions.ClientApplications clientApplications(JsonNode a) {
        if (a == null) {
            return null;
        }
        return new PolicyConditions.ClientApplications(list(field(a, "includeServicePrincipals")),
                list(field(a, "excludeServicePrincipals")), filter(field(a, "servicePrincipalFilter")));
    }

    private static PolicyConditions.IncludeExclude includeExclude(JsonNode n, String inc, String exc) {
        if (n == null || !n.isObject()) {
            return null; // exports write "locations": [] for "not configured"
        }
        return new PolicyConditions.IncludeExclude(list(field(n, inc)), list(field(n, exc)));
    }

    private static List<String> flows(JsonNode f) {
        return f == null ? null : list(field(f, "transferMethods"));
    }

    private static PolicyConditions.Filter deviceFilter(JsonNode d) {
        return d == null ? null : filter(field(d, "deviceFilter"));
    }

    private static PolicyConditions.Filter filter(JsonNode f) {
        return f == null ? null : new PolicyConditions.Filter(text(field(f, "mode")), text(field(f, "rule")));
    }

    private static GrantControls grant(JsonNode g) {
        if (g == null) {
            return null;
        }
        JsonNode s = field(g, "authenticationStrength");
        return new GrantControls(text(field(g, "operator")), list(field(g, "builtInControls")),
                s == null ? null : new GrantControls.AuthenticationStrength(text(field(s, "id")),
                        text(field(s, "displayName")), list(field(s, "allowedCombinations"))),
                list(field(g, "termsOfUse")), list(field(g, "customAuthenticationFactors")));
    }

    private static SessionControls session(JsonNode s) {
        if (s == null) {
            return null;
        }
        JsonNode f = field(s, "signInFrequency");
        SessionControls.SignInFrequency sif = f == null || f.path("isEnabled").isBoolean() && !f.path("isEnabled").asBoolean()
                ? null : new SessionControls.SignInFrequency(f.hasNonNull("value") ? f.get("value").asInt() : null,
                        text(field(f, "type")), text(field(f, "frequencyInterval")), text(field(f, "authenticationType")));
        JsonNode pb = field(s, "persistentBrowser");
        JsonNode mcas = field(s, "cloudAppSecurity");
        JsonNode aer = field(s, "applicationEnforcedRestrictions");
        JsonNode cae = field(s, "continuousAccessEvaluation");
        return new SessionControls(sif, pb == null ? null : text(field(pb, "mode")),
                mcas == null ? null : text(field(mcas, "cloudAppSecurityType")),
                aer == null ? null : aer.path("isEnabled").asBoolean(), null,
                cae == null ? null : text(field(cae, "mode")), null);
    }

    /** A field by name, ignoring case; null when absent or JSON null. */
    private static JsonNode field(JsonNode n, String name) {
        if (n == null || !n.isObject()) {
            return null;
        }
        Iterator<Map.Entry<String, JsonNode>> it = n.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue().isNull() ? null : e.getValue();
            }
        }
        return null;
    }

    /** A list of strings; a single string is split at commas (exports write "deviceCodeFlow,authenticationTransfer"). */
    private static List<String> list(JsonNode n) {
        if (n == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        if (n.isArray()) {
            n.forEach(v -> out.add(v.asText()));
        } else if (n.isTextual()) {
            for (String part : n.asText().split(",")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
        }
        return out;
    }

    private static String text(JsonNode n) {
        return n == null ? null : n.asText();
    }
}
