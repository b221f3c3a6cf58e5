package io.signdx.source.file.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.signdx.api.model.AppliedPolicy;
import io.signdx.api.model.AuthenticationContext;
import io.signdx.api.model.AuthenticationDetail;
import io.signdx.api.model.DeviceDetail;
import io.signdx.api.model.Location;
import io.signdx.api.model.NetworkLocation;
import io.signdx.api.model.RequirementPolicy;
import io.signdx.api.model.Risk;
import io.signdx.api.model.SignIn;
import io.signdx.api.model.Status;

/**
 * Maps one Graph-shaped sign-in (the beta {@code signIn} resource, as Graph, the portal's JSON download
 * and Azure Monitor's {@code properties} carry it) to a {@link SignIn}. The differences between exports
 * are absorbed here: conditions as names, comma-separated text or bit flags; grant controls as enum
 * names or portal display names; dates in every form; numbers in strings.
 */
final class GraphSignInMapper {
    /** Graph's conditionalAccessConditions flags, bit i+1 = CONDITIONS[i] (0 is none). */
    static final List<String> CONDITIONS = List.of("application", "users", "devicePlatform", "location", "clientType",
            "signInRisk", "userRisk", "time", "deviceState", "client", "ipAddressSeenByAzureAD",
            "ipAddressSeenByResourceProvider", "unknownFutureValue", "servicePrincipals", "servicePrincipalRisk",
            "authenticationFlows", "insiderRisk");

    /** Portal display names of grant controls, lower case, to the names Graph uses. */
    private static final Map<String, String> GRANT_NAMES = Map.ofEntries(
            Map.entry("block access", "Block"), Map.entry("block", "Block"),
            Map.entry("require multifactor authentication", "Mfa"),
            Map.entry("require multi-factor authentication", "Mfa"), Map.entry("mfa", "Mfa"),
            Map.entry("require device to be marked as compliant", "RequireCompliantDevice"),
            Map.entry("requirecompliantdevice", "RequireCompliantDevice"),
            Map.entry("require hybrid azure ad joined device", "RequireDomainJoinedDevice"),
            Map.entry("require microsoft entra hybrid joined device", "RequireDomainJoinedDevice"),
            Map.entry("requiredomainjoineddevice", "RequireDomainJoinedDevice"),
            Map.entry("require approved client app", "RequireApprovedApp"),
            Map.entry("requireapprovedapp", "RequireApprovedApp"),
            Map.entry("require app protection policy", "RequireCompliantApp"),
            Map.entry("requirecompliantapp", "RequireCompliantApp"),
            Map.entry("require password change", "PasswordChange"), Map.entry("passwordchange", "PasswordChange"),
            Map.entry("require authentication strength", "AuthenticationStrength"),
            Map.entry("authenticationstrength", "AuthenticationStrength"));

    private GraphSignInMapper() {
    }

    /**
     * Maps a record.
     *
     * @throws IllegalArgumentException with a plain reason when a field cannot be understood
     */
    static SignIn map(JsonNode n, String raw, String origin) {
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("the record is not a JSON object");
        }
        String created = Nodes.text(n, "createdDateTime");
        SignIn.Builder b = SignIn.builder()
                .id(Nodes.text(n, "id"))
                .createdDateTime(created == null ? null : dated("createdDateTime", created))
                .correlationId(Nodes.text(n, "correlationId"))
                .originalRequestId(Nodes.text(n, "originalRequestId"))
                .userId(Nodes.text(n, "userId"))
                .userPrincipalName(Nodes.text(n, "userPrincipalName"))
                .userDisplayName(Nodes.text(n, "userDisplayName"))
                .userTypeValue(Nodes.text(n, "userType"))
                .appId(Nodes.text(n, "appId"))
                .appDisplayName(Nodes.text(n, "appDisplayName"))
                .resourceId(Nodes.text(n, "resourceId"))
                .resourceDisplayName(Nodes.text(n, "resourceDisplayName"))
                .servicePrincipalId(Nodes.text(n, "servicePrincipalId"))
                .servicePrincipalName(Nodes.text(n, "servicePrincipalName"))
                .clientCredentialType(Nodes.text(n, "clientCredentialType"))
                .managedIdentityType(Nodes.text(n, "managedIdentityType"))
                .ipAddress(Nodes.text(n, "ipAddress"))
                .location(location(Nodes.structured(n, "location")))
                .clientAppUsed(Nodes.text(n, "clientAppUsed"))
                .isInteractive(Nodes.bool(n, "isInteractive"))
                .authenticationProtocol(Nodes.text(n, "authenticationProtocol"))
                .status(status(Nodes.structured(n, "status")))
                .conditionalAccessStatusValue(Nodes.text(n, "conditionalAccessStatus"))
                .appliedConditionalAccessPolicies(policies(Nodes.structured(n, "appliedConditionalAccessPolicies")))
                .authenticationRequirementValue(Nodes.text(n, "authenticationRequirement"))
                .authenticationRequirementPolicies(requirements(
                        Nodes.structured(n, "authenticationRequirementPolicies")))
                .authenticationDetails(steps(Nodes.structured(n, "authenticationDetails")))
                .authenticationMethodsUsed(Nodes.strings(n, "authenticationMethodsUsed"))
                .deviceDetail(device(Nodes.structured(n, "deviceDetail")))
                .risk(risk(n))
                .crossTenantAccessTypeValue(Nodes.text(n, "crossTenantAccessType"))
                .homeTenantId(Nodes.text(n, "homeTenantId"))
                .resourceTenantId(Nodes.text(n, "resourceTenantId"))
                .flaggedForReview(Boolean.TRUE.equals(Nodes.bool(n, "flaggedForReview")))
                .userAgent(Nodes.text(n, "userAgent"))
                .signInEventTypes(Nodes.strings(n, "signInEventTypes"))
                .networkLocationDetails(networks(Nodes.structured(n, "networkLocationDetails")))
                .incomingTokenType(Nodes.text(n, "incomingTokenType"))
                .tokenIssuerType(Nodes.text(n, "tokenIssuerType"))
                .originalTransferMethod(blankAbsent(Nodes.text(n, "originalTransferMethod")))
                .authenticationContextClassReferences(contexts(
                        Nodes.structured(n, "authenticationContextClassReferences")))
                .raw(raw)
                .origin(origin);
        return b.build();
    }

    static java.time.Instant dated(String field, String value) {
        try {
            return Dates.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("field '" + field + "': " + e.getMessage());
        }
    }

    static Status status(JsonNode s) {
        if (s == null) {
            return Status.SUCCESS;
        }
        String code = Nodes.text(s, "errorCode");
        int errorCode;
        try {
            errorCode = code == null ? 0 : Integer.parseInt(code.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("field 'status.errorCode' is '" + code + "', not a number");
        }
        return new Status(errorCode, Nodes.text(s, "failureReason"), Nodes.text(s, "additionalDetails"));
    }

    static Location location(JsonNode l) {
        if (l == null) {
            return Location.UNKNOWN;
        }
        JsonNode geo = Nodes.field(l, "geoCoordinates");
        return new Location(Nodes.text(l, "city"), Nodes.text(l, "state"), Nodes.text(l, "countryOrRegion"),
                number(geo, "latitude"), number(geo, "longitude"));
    }

    private static Double number(JsonNode node, String name) {
        JsonNode f = Nodes.field(node, name);
        return f != null && f.isNumber() ? f.doubleValue() : null;
    }

    static DeviceDetail device(JsonNode d) {
        if (d == null) {
            return DeviceDetail.UNKNOWN;
        }
        return new DeviceDetail(Nodes.text(d, "deviceId"), Nodes.text(d, "displayName"),
                Nodes.text(d, "operatingSystem"), Nodes.text(d, "browser"), Nodes.bool(d, "isCompliant"),
                Nodes.bool(d, "isManaged"), Nodes.text(d, "trustType"));
    }

    static Risk risk(JsonNode n) {
        List<String> events = Nodes.strings(n, "riskEventTypes_v2");
        if (events.isEmpty()) {
            events = Nodes.strings(n, "riskEventTypes");
        }
        return new Risk(Nodes.text(n, "riskLevelDuringSignIn"), Nodes.text(n, "riskLevelAggregated"),
                Nodes.text(n, "riskState"), Nodes.text(n, "riskDetail"), events);
    }

    static List<AppliedPolicy> policies(JsonNode array) {
        List<AppliedPolicy> out = new ArrayList<>();
        if (array == null || !array.isArray()) {
            return out;
        }
        for (JsonNode p : array) {
            out.add(policy(p));
        }
        return out;
    }

    static AppliedPolicy policy(JsonNode p) {
        return new AppliedPolicy(Nodes.text(p, "id"), Nodes.text(p, "displayName"), Nodes.text(p, "result"),
                grantControls(Nodes.strings(p, "enforcedGrantControls")),
                Nodes.strings(p, "enforcedSessionControls"), conditions(Nodes.field(p, "conditionsSatisfied")),
                conditions(Nodes.field(p, "conditionsNotSatisfied")));
    }

    static List<String> grantControls(List<String> values) {
        List<String> out = new ArrayList<>();
        for (String v : values) {
            out.add(GRANT_NAMES.getOrDefault(v.trim().toLowerCase(Locale.ROOT), v.trim()));
        }
        return out;
    }

    /** Conditions as names ("application,users"), an array of names, or Graph's bit flags (Azure Monitor). */
    static Set<String> conditions(JsonNode value) {
        Set<String> out = new LinkedHashSet<>();
        if (value == null) {
            return out;
        }
        if (value.isNumber()) {
            return flags(value.longValue(), out);
        }
        if (value.isArray()) {
            List<String> names = new ArrayList<>();
            value.forEach(v -> names.add(v.asText()));
            return names(names, out);
        }
        return conditions(value.asText(), out);
    }

    /** Conditions as text: bit flags written as digits, or comma-separated names. */
    static Set<String> conditions(String text, Set<String> out) {
        String trimmed = text.trim();
        if (digits(trimmed)) {
            return flags(Long.parseLong(trimmed), out);
        }
        return names(List.of(text.split(",")), out);
    }

    /** What the pattern \\d+ matches: one or more ASCII digits. */
    private static boolean digits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static Set<String> flags(long flags, Set<String> out) {
        for (int i = 0; i < CONDITIONS.size(); i++) {
            if ((flags & (1L << i)) != 0) {
                out.add(CONDITIONS.get(i));
            }
        }
        return out;
    }

    private static Set<String> names(List<String> names, Set<String> out) {
        for (String name : names) {
            String t = name.trim();
            if (!t.isEmpty() && !t.equalsIgnoreCase("none")) {
                out.add(t);
            }
        }
        return out;
    }

    static List<RequirementPolicy> requirements(JsonNode array) {
        List<RequirementPolicy> out = new ArrayList<>();
        if (array != null && array.isArray()) {
            for (JsonNode r : array) {
                out.add(requirement(r));
            }
        }
        return out;
    }

    static List<AuthenticationDetail> steps(JsonNode array) {
        List<AuthenticationDetail> out = new ArrayList<>();
        if (array != null && array.isArray()) {
            for (JsonNode s : array) {
                out.add(step(s));
            }
        }
        return out;
    }

    static List<NetworkLocation> networks(JsonNode array) {
        List<NetworkLocation> out = new ArrayList<>();
        if (array != null && array.isArray()) {
            for (JsonNode l : array) {
                out.add(network(l));
            }
        }
        return out;
    }

    static RequirementPolicy requirement(JsonNode r) {
        return new RequirementPolicy(Nodes.text(r, "requirementProvider"), Nodes.text(r, "detail"));
    }

    static AuthenticationDetail step(JsonNode s) {
        String when = Nodes.text(s, "authenticationStepDateTime");
        return new AuthenticationDetail(when == null ? null : dated("authenticationStepDateTime", when),
                Nodes.text(s, "authenticationMethod"), Nodes.text(s, "authenticationMethodDetail"),
                Nodes.bool(s, "succeeded"), Nodes.text(s, "authenticationStepResultDetail"),
                Nodes.text(s, "authenticationStepRequirement"));
    }

    /** Blank text as absent: a blank transfer method or context id records nothing. */
    static String blankAbsent(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    /**
     * {@code authenticationContextClassReferences}: null when absent or not a list (unknown, which is not the
     * same as an empty list: nothing asked for); a lone object as a list of one, as the CSV cells give it.
     */
    static List<AuthenticationContext> contexts(JsonNode value) {
        if (value == null || !value.isContainerNode()) {
            return null;
        }
        if (value.isObject()) {
            AuthenticationContext c = context(value);
            return c == null ? List.of() : List.of(c);
        }
        List<AuthenticationContext> out = new ArrayList<>();
        for (JsonNode e : value) {
            AuthenticationContext c = context(e);
            if (c != null) {
                out.add(c);
            }
        }
        return out.isEmpty() ? List.of() : List.copyOf(out);
    }

    /** One entry; null without an id (nothing to name). Microsoft's own example spells the detail "details". */
    static AuthenticationContext context(JsonNode e) {
        String id = blankAbsent(Nodes.text(e, "id"));
        if (id == null) {
            return null;
        }
        String detail = Nodes.text(e, "detail");
        return new AuthenticationContext(id, detail != null ? detail : Nodes.text(e, "details"));
    }

    static NetworkLocation network(JsonNode l) {
        return new NetworkLocation(Nodes.text(l, "networkType"), Nodes.strings(l, "networkNames"));
    }
}
