package io.signdx.tenant.internal;

import static io.signdx.tenant.internal.Json.bool;
import static io.signdx.tenant.internal.Json.integer;
import static io.signdx.tenant.internal.Json.object;
import static io.signdx.tenant.internal.Json.strings;
import static io.signdx.tenant.internal.Json.text;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import io.signdx.api.tenant.ConditionalAccessPolicy;
import io.signdx.api.tenant.GrantControls;
import io.signdx.api.tenant.PolicyConditions;
import io.signdx.api.tenant.PolicyConditions.Applications;
import io.signdx.api.tenant.PolicyConditions.ClientApplications;
import io.signdx.api.tenant.PolicyConditions.Filter;
import io.signdx.api.tenant.PolicyConditions.GuestsOrExternalUsers;
import io.signdx.api.tenant.PolicyConditions.IncludeExclude;
import io.signdx.api.tenant.PolicyConditions.Users;
import io.signdx.api.tenant.SessionControls;
import io.signdx.api.tenant.SessionControls.SignInFrequency;

/**
 * Maps one Graph {@code conditionalAccessPolicy} object (v1.0 or beta) to the API record, every field of
 * it, and notes what the policy says about itself: placeholders or other non-ids where ids belong, values
 * outside the documented enumerations (kept as recorded), and configured parts the model has no place
 * for (which no evaluation can take into account).
 *
 * <p>Normalisation, so that evaluators need not know Graph's habits: a top-level list condition that is
 * empty is not configured ({@code null}), as Graph writes {@code []} for "any"; platforms, locations and
 * workload identities with nothing included or excluded are not configured; a control or session control
 * whose {@code isEnabled} is false is absent; grant controls that require nothing are absent.
 */
final class PolicyReader {
    static final Pattern GUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private static final Set<String> USER_KEYWORDS = Set.of("All", "None", "GuestsOrExternalUsers");
    private static final Set<String> APP_KEYWORDS = Set.of("All", "None", "Office365", "MicrosoftAdminPortals");
    private static final Set<String> LOCATION_KEYWORDS = Set.of("All", "AllTrusted");
    private static final Set<String> SP_KEYWORDS = Set.of("ServicePrincipalsInMyTenant");
    private static final Set<String> NO_KEYWORDS = Set.of();

    private static final Set<String> STATES = Set.of("enabled", "disabled", "enabledForReportingButNotEnforced");
    private static final Set<String> CLIENT_APP_TYPES = Set.of("all", "browser", "mobileAppsAndDesktopClients",
            "exchangeActiveSync", "easSupported", "easUnsupported", "other");
    private static final Set<String> PLATFORMS = Set.of("all", "android", "iOS", "windows", "windowsPhone", "macOS",
            "linux");
    private static final Set<String> RISK_LEVELS = Set.of("low", "medium", "high", "hidden", "none");
    private static final Set<String> INSIDER_RISK_LEVELS = Set.of("minor", "moderate", "elevated");
    private static final Set<String> TRANSFER_METHODS = Set.of("none", "deviceCodeFlow", "authenticationTransfer");
    private static final Set<String> GUEST_TYPES = Set.of("none", "internalGuest", "b2bCollaborationGuest",
            "b2bCollaborationMember", "b2bDirectConnectUser", "otherExternalUser", "serviceProvider");
    private static final Set<String> BUILT_IN_CONTROLS = Set.of("block", "mfa", "compliantDevice",
            "domainJoinedDevice", "approvedApplication", "compliantApplication", "passwordChange", "riskRemediation");
    private static final Set<String> OPERATORS = Set.of("AND", "OR");
    private static final Set<String> FILTER_MODES = Set.of("include", "exclude");

    private static final Set<String> CONDITION_KEYS = Set.of("users", "applications", "clientApplications",
            "platforms", "locations", "clientAppTypes", "signInRiskLevels", "userRiskLevels",
            "servicePrincipalRiskLevels", "insiderRiskLevels", "authenticationFlows", "devices", "deviceStates");
    private static final Set<String> USER_KEYS = Set.of("includeUsers", "excludeUsers", "includeGroups",
            "excludeGroups", "includeRoles", "excludeRoles", "includeGuestsOrExternalUsers",
            "excludeGuestsOrExternalUsers");
    private static final Set<String> APPLICATION_KEYS = Set.of("includeApplications", "excludeApplications",
            "includeUserActions", "includeAuthenticationContextClassReferences", "applicationFilter");
    private static final Set<String> CLIENT_APPLICATION_KEYS = Set.of("includeServicePrincipals",
            "excludeServicePrincipals", "servicePrincipalFilter");
    private static final List<String> RETIRED_DEVICE_KEYS = List.of("includeDevices", "excludeDevices",
            "includeDeviceStates", "excludeDeviceStates");
    private static final Set<String> DEVICE_KEYS = Set.of("deviceFilter", "includeDevices", "excludeDevices",
            "includeDeviceStates", "excludeDeviceStates");
    private static final Set<String> GRANT_KEYS = Set.of("operator", "builtInControls", "customAuthenticationFactors",
            "termsOfUse", "authenticationStrength");
    private static final Set<String> SESSION_KEYS = Set.of("signInFrequency", "persistentBrowser", "cloudAppSecurity",
            "applicationEnforcedRestrictions", "disableResilienceDefaults", "continuousAccessEvaluation",
            "secureSignInSession");

    private final List<String> notes = new ArrayList<>();
    private final Set<String> unknownValues = new LinkedHashSet<>();
    private final Set<String> unmodelled = new LinkedHashSet<>();

    /** What the policy said about itself while it was read, each sentence without the file and policy name. */
    List<String> notes() {
        List<String> out = new ArrayList<>(notes);
        if (!unknownValues.isEmpty()) {
            out.add("values outside the documented ones, kept as recorded: " + String.join(", ", unknownValues));
        }
        if (!unmodelled.isEmpty()) {
            out.add(String.join(", ", unmodelled) + (unmodelled.size() == 1 ? " is" : " are")
                    + " not part of SignDx's policy model and cannot be evaluated");
        }
        return out;
    }

    /**
     * Reads a policy.
     *
     * @throws Json.Malformed when it has no conditions or a field of the wrong type
     */
    ConditionalAccessPolicy read(JsonNode o, String origin) {
        if (!o.isObject()) {
            throw new Json.Malformed("expected a policy object, found " + Json.describe(o));
        }
        String id = text(o, "id", "");
        if (id != null && !GUID.matcher(id).matches()) {
            notes.add("its id " + quote(id) + " is not an id (a GUID)");
        }
        String state = text(o, "state", "");
        enumerated("state", state == null ? List.of() : List.of(state), STATES);
        JsonNode c = object(o, "conditions", "");
        if (c == null) {
            throw new Json.Malformed("a conditional access policy without conditions");
        }
        PolicyConditions conditions = conditions(c);
        return new ConditionalAccessPolicy(id, text(o, "displayName", ""), state, conditions,
                grant(object(o, "grantControls", "")), session(object(o, "sessionControls", "")), origin);
    }

    private PolicyConditions conditions(JsonNode c) {
        String p = "conditions.";
        unmodelled(p, c, CONDITION_KEYS);
        legacyDeviceStates(c);
        JsonNode flows = object(c, "authenticationFlows", p);
        List<String> transfer = flows == null ? null : strings(flows, "transferMethods", p + "authenticationFlows.");
        return new PolicyConditions(users(object(c, "users", p)), applications(object(c, "applications", p)),
                clientApplications(object(c, "clientApplications", p)),
                includeExclude(object(c, "platforms", p), "includePlatforms", "excludePlatforms", p + "platforms.",
                        PLATFORMS, null),
                includeExclude(object(c, "locations", p), "includeLocations", "excludeLocations", p + "locations.",
                        null, LOCATION_KEYWORDS),
                levels(c, "clientAppTypes", CLIENT_APP_TYPES), levels(c, "signInRiskLevels", RISK_LEVELS),
                levels(c, "userRiskLevels", RISK_LEVELS), levels(c, "servicePrincipalRiskLevels", RISK_LEVELS),
                levels(c, "insiderRiskLevels", INSIDER_RISK_LEVELS),
                configured(transfer, "conditions.authenticationFlows.transferMethods", TRANSFER_METHODS),
                devices(object(c, "devices", p)));
    }

    private Users users(JsonNode u) {
        if (u == null) {
            return null;
        }
        String p = "conditions.users.";
        unmodelled(p, u, USER_KEYS);
        return new Users(ids(u, "includeUsers", p, USER_KEYWORDS), ids(u, "excludeUsers", p, USER_KEYWORDS),
                ids(u, "includeGroups", p, NO_KEYWORDS), ids(u, "excludeGroups", p, NO_KEYWORDS),
                ids(u, "includeRoles", p, NO_KEYWORDS), ids(u, "excludeRoles", p, NO_KEYWORDS),
                guests(object(u, "includeGuestsOrExternalUsers", p), p + "includeGuestsOrExternalUsers."),
                guests(object(u, "excludeGuestsOrExternalUsers", p), p + "excludeGuestsOrExternalUsers."));
    }

    private GuestsOrExternalUsers guests(JsonNode g, String p) {
        if (g == null) {
            return null;
        }
        List<String> types = strings(g, "guestOrExternalUserTypes", p);
        enumerated(p + "guestOrExternalUserTypes", types, GUEST_TYPES);
        JsonNode tenants = object(g, "externalTenants", p);
        String kind = tenants == null ? null : text(tenants, "membershipKind", p + "externalTenants.");
        List<String> members = tenants == null ? null : ids(tenants, "members", p + "externalTenants.", NO_KEYWORDS);
        if (kind == null && tenants != null) {
            // the type says it when the export left the kind out
            String type = Json.odataType(tenants);
            kind = "conditionalaccessallexternaltenants".equals(type) ? "all"
                    : "conditionalaccessenumeratedexternaltenants".equals(type) ? "enumerated" : null;
        }
        return new GuestsOrExternalUsers(types, kind, members);
    }

    private Applications applications(JsonNode a) {
        if (a == null) {
            return null;
        }
        String p = "conditions.applications.";
        unmodelled(p, a, APPLICATION_KEYS);
        return new Applications(ids(a, "includeApplications", p, APP_KEYWORDS),
                ids(a, "excludeApplications", p, APP_KEYWORDS), strings(a, "includeUserActions", p),
                strings(a, "includeAuthenticationContextClassReferences", p),
                filter(object(a, "applicationFilter", p), p + "applicationFilter"));
    }

    private ClientApplications clientApplications(JsonNode a) {
        if (a == null) {
            return null;
        }
        String p = "conditions.clientApplications.";
        unmodelled(p, a, CLIENT_APPLICATION_KEYS);
        ClientApplications out = new ClientApplications(ids(a, "includeServicePrincipals", p, SP_KEYWORDS),
                ids(a, "excludeServicePrincipals", p, SP_KEYWORDS),
                filter(object(a, "servicePrincipalFilter", p), p + "servicePrincipalFilter"));
        boolean nothing = out.includeServicePrincipals().isEmpty() && out.excludeServicePrincipals().isEmpty()
                && out.servicePrincipalFilter() == null;
        return nothing ? null : out;
    }

    private IncludeExclude includeExclude(JsonNode o, String include, String exclude, String p, Set<String> values,
            Set<String> keywords) {
        if (o == null) {
            return null;
        }
        unmodelled(p, o, Set.of(include, exclude));
        List<String> in = keywords == null ? strings(o, include, p) : ids(o, include, p, keywords);
        List<String> out = keywords == null ? strings(o, exclude, p) : ids(o, exclude, p, keywords);
        if (values != null) {
            enumerated(p + include, in, values);
            enumerated(p + exclude, out, values);
        }
        boolean nothing = (in == null || in.isEmpty()) && (out == null || out.isEmpty());
        return nothing ? null : new IncludeExclude(in, out);
    }

    private Filter devices(JsonNode d) {
        if (d == null) {
            return null;
        }
        String p = "conditions.devices.";
        for (String retired : RETIRED_DEVICE_KEYS) {
            if (Json.meaningful(Json.field(d, retired))) {
                unmodelled.add(p + retired + " (retired; use a device filter)");
            }
        }
        unmodelled(p, d, DEVICE_KEYS);
        return filter(object(d, "deviceFilter", p), p + "deviceFilter");
    }

    private void legacyDeviceStates(JsonNode c) {
        JsonNode states = Json.field(c, "deviceStates");
        if (states != null && states.isObject() && (Json.meaningful(Json.field(states, "includeStates"))
                || Json.meaningful(Json.field(states, "excludeStates")))) {
            unmodelled.add("conditions.deviceStates (retired; use a device filter)");
        }
    }

    private Filter filter(JsonNode f, String p) {
        if (f == null) {
            return null;
        }
        String mode = text(f, "mode", p + ".");
        String rule = text(f, "rule", p + ".");
        if (rule == null || rule.isBlank()) {
            notes.add(p + " has no rule and is ignored");
            return null;
        }
        enumerated(p + ".mode", mode == null ? List.of() : List.of(mode), FILTER_MODES);
        return new Filter(mode, rule);
    }

    private GrantControls grant(JsonNode g) {
        if (g == null) {
            return null;
        }
        String p = "grantControls.";
        unmodelled(p, g, GRANT_KEYS);
        String operator = text(g, "operator", p);
        enumerated(p + "operator", operator == null ? List.of() : List.of(operator), OPERATORS);
        List<String> builtIn = strings(g, "builtInControls", p);
        enumerated(p + "builtInControls", builtIn, BUILT_IN_CONTROLS);
        JsonNode s = object(g, "authenticationStrength", p);
        GrantControls.AuthenticationStrength strength = null;
        if (s != null) {
            String sp = p + "authenticationStrength.";
            String id = text(s, "id", sp);
            if (id != null) {
                checkIds(sp + "id", List.of(id), NO_KEYWORDS);
            }
            strength = new GrantControls.AuthenticationStrength(id, text(s, "displayName", sp),
                    strings(s, "allowedCombinations", sp));
        }
        GrantControls out = new GrantControls(operator, builtIn, strength, ids(g, "termsOfUse", p, NO_KEYWORDS),
                strings(g, "customAuthenticationFactors", p));
        boolean nothing = out.builtInControls().isEmpty() && out.authenticationStrength() == null
                && out.termsOfUse().isEmpty() && out.customAuthenticationFactors().isEmpty();
        return nothing ? null : out;
    }

    private SessionControls session(JsonNode s) {
        if (s == null) {
            return null;
        }
        String p = "sessionControls.";
        unmodelled(p, s, SESSION_KEYS);
        JsonNode f = enabled(object(s, "signInFrequency", p), p + "signInFrequency.");
        SignInFrequency frequency = null;
        if (f != null) {
            String fp = p + "signInFrequency.";
            frequency = new SignInFrequency(integer(f, "value", fp), text(f, "type", fp),
                    text(f, "frequencyInterval", fp), text(f, "authenticationType", fp));
            enumerated(fp + "type", frequency.type() == null ? List.of() : List.of(frequency.type()),
                    Set.of("days", "hours"));
            enumerated(fp + "frequencyInterval", frequency.frequencyInterval() == null ? List.of()
                    : List.of(frequency.frequencyInterval()), Set.of("timeBased", "everyTime"));
        }
        JsonNode browser = enabled(object(s, "persistentBrowser", p), p + "persistentBrowser.");
        String browserMode = browser == null ? null : text(browser, "mode", p + "persistentBrowser.");
        enumerated(p + "persistentBrowser.mode", browserMode == null ? List.of() : List.of(browserMode),
                Set.of("always", "never"));
        JsonNode mcas = enabled(object(s, "cloudAppSecurity", p), p + "cloudAppSecurity.");
        String mcasType = mcas == null ? null : text(mcas, "cloudAppSecurityType", p + "cloudAppSecurity.");
        enumerated(p + "cloudAppSecurity.cloudAppSecurityType", mcasType == null ? List.of() : List.of(mcasType),
                Set.of("mcasConfigured", "monitorOnly", "blockDownloads"));
        Boolean restrictions = enabled(object(s, "applicationEnforcedRestrictions", p),
                p + "applicationEnforcedRestrictions.") == null ? null : Boolean.TRUE;
        Boolean resilience = Boolean.TRUE.equals(bool(s, "disableResilienceDefaults", p)) ? Boolean.TRUE : null;
        JsonNode cae = object(s, "continuousAccessEvaluation", p);
        String caeMode = cae == null ? null : text(cae, "mode", p + "continuousAccessEvaluation.");
        enumerated(p + "continuousAccessEvaluation.mode", caeMode == null ? List.of() : List.of(caeMode),
                Set.of("strictEnforcement", "disabled", "strictLocation"));
        Boolean secure = enabled(object(s, "secureSignInSession", p), p + "secureSignInSession.") == null ? null
                : Boolean.TRUE;
        if (frequency == null && browserMode == null && mcasType == null && restrictions == null && resilience == null
                && caeMode == null && secure == null) {
            return null;
        }
        return new SessionControls(frequency, browserMode, mcasType, restrictions, resilience, caeMode, secure);
    }

    /** The control when it is on: {@code isEnabled} true or not recorded. */
    private static JsonNode enabled(JsonNode control, String p) {
        if (control == null) {
            return null;
        }
        Boolean on = bool(control, "isEnabled", p);
        return Boolean.FALSE.equals(on) ? null : control;
    }

    private List<String> levels(JsonNode c, String name, Set<String> documented) {
        return configured(strings(c, name, "conditions."), "conditions." + name, documented);
    }

    private List<String> configured(List<String> values, String path, Set<String> documented) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        enumerated(path, values, documented);
        return values;
    }

    private List<String> ids(JsonNode o, String name, String p, Set<String> keywords) {
        List<String> values = strings(o, name, p);
        if (values != null) {
            checkIds(p + name, values, keywords);
        }
        return values;
    }

    private void checkIds(String path, List<String> values, Set<String> keywords) {
        List<String> placeholders = new ArrayList<>();
        List<String> other = new ArrayList<>();
        for (String v : values) {
            if (GUID.matcher(v).matches() || keywords.stream().anyMatch(k -> k.equalsIgnoreCase(v))) {
                continue;
            }
            (v.startsWith("<") && v.endsWith(">") ? placeholders : other).add(quote(v));
        }
        if (!placeholders.isEmpty()) {
            notes.add(path + " holds " + (placeholders.size() == 1 ? "a placeholder instead of an id: "
                    : "placeholders instead of ids: ") + String.join(", ", placeholders));
        }
        if (!other.isEmpty()) {
            notes.add(path + " holds " + (other.size() == 1 ? "a value that is" : "values that are")
                    + " not an id (GUID)" + (keywords.isEmpty() ? "" : " nor one of "
                            + String.join(", ", keywords.stream().sorted().toList())) + ": " + String.join(", ", other));
        }
    }

    private void enumerated(String path, List<String> values, Set<String> documented) {
        if (values == null) {
            return;
        }
        for (String v : values) {
            boolean known = v.equalsIgnoreCase("unknownFutureValue")
                    || documented.stream().anyMatch(d -> d.equalsIgnoreCase(v));
            if (!known) {
                unknownValues.add(path + " " + quote(v));
            }
        }
    }

    private void unmodelled(String prefix, JsonNode o, Set<String> known) {
        for (var e : o.properties()) {
            String key = e.getKey();
            boolean isKnown = known.stream().anyMatch(k -> k.equalsIgnoreCase(key));
            if (!key.contains("@") && !isKnown && Json.meaningful(e.getValue())) {
                unmodelled.add(prefix + Json.shorten(key, 60));
            }
        }
    }

    static String quote(String v) {
        return "\"" + Json.shorten(v, 80) + "\"";
    }
}
