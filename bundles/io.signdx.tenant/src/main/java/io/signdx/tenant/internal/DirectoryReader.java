package io.signdx.tenant.internal;

import static io.signdx.tenant.internal.Json.bool;
import static io.signdx.tenant.internal.Json.strings;
import static io.signdx.tenant.internal.Json.text;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import io.signdx.api.tenant.NamedLocation;
import io.signdx.api.tenant.ServicePrincipal;

/**
 * Maps the Graph directory objects of a snapshot — named locations, users with their memberships, groups,
 * directory roles, role assignments, service principals, the security defaults policy and per-user MFA
 * state — to what the snapshot keeps of them. A wrong type raises {@link Json.Malformed}.
 */
final class DirectoryReader {
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})/(\\d{1,2})");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+/(\\d{1,3})");
    private static final Pattern COUNTRY = Pattern.compile("[A-Za-z]{2}");
    static final Set<String> MFA_STATES = Set.of("disabled", "enabled", "enforced");

    private DirectoryReader() {
    }

    /**
     * Groups, roles (by template id or by object id, to be resolved later) and group names of a membership
     * list, with the ids as the file spells them.
     */
    record Membership(Set<String> groups, Set<String> roleTemplates, Set<String> roleObjectIds,
            Map<String, String> groupNames, int untyped) {
        static Membership empty() {
            return new Membership(new LinkedHashSet<>(), new LinkedHashSet<>(), new LinkedHashSet<>(), new HashMap<>(),
                    0);
        }
    }

    /** Users and groups listed as members of a group or role. */
    record Members(Set<String> users, Set<String> groups) {
    }

    record RawUser(String id, String userPrincipalName, String displayName, String userType, Membership direct,
            Membership transitive, String perUserMfaState, String origin) {
        String key() {
            return (id != null ? id : userPrincipalName).toLowerCase(Locale.ROOT);
        }
    }

    record RawGroup(String id, String displayName, Membership memberOf, Members members, boolean listed) {
    }

    record RawRole(String id, String roleTemplateId, String displayName, Members members) {
    }

    record RawAssignment(String principalId, String roleTemplateId, String scope) {
    }

    record MfaState(String userKey, String state) {
    }

    static NamedLocation location(JsonNode o, Consumer<String> note) {
        String type = Json.odataType(o);
        boolean ip = "ipnamedlocation".equals(type) || type == null && Json.has(o, "ipRanges");
        boolean countries = "countrynamedlocation".equals(type) || type == null && Json.has(o, "countriesAndRegions");
        String id = text(o, "id", "");
        String name = text(o, "displayName", "");
        if (id == null) {
            throw new Json.Malformed("a named location without an id");
        }
        if (ip) {
            List<String> ranges = new ArrayList<>();
            List<String> bad = new ArrayList<>();
            for (JsonNode r : nonNull(Json.entries(o, "ipRanges", ""))) {
                String cidr = r.isTextual() ? r.asText() : r.isObject() ? text(r, "cidrAddress", "ipRanges.") : null;
                if (cidr == null) {
                    throw new Json.Malformed("ipRanges: expected ranges with a cidrAddress, found " + Json.describe(r));
                }
                if (validCidr(cidr.trim())) {
                    ranges.add(cidr.trim());
                } else {
                    bad.add(PolicyReader.quote(cidr));
                }
            }
            if (!bad.isEmpty()) {
                note.accept("named location " + PolicyReader.quote(name == null ? id : name)
                        + ": ignored what is not an IP range in CIDR notation: " + String.join(", ", bad));
            }
            return new NamedLocation(id, name, NamedLocation.Kind.IP_RANGES, Boolean.TRUE.equals(bool(o, "isTrusted", "")),
                    ranges, null, false, null);
        }
        if (countries) {
            List<String> codes = new ArrayList<>();
            List<String> bad = new ArrayList<>();
            for (String c : nonNull(strings(o, "countriesAndRegions", ""))) {
                if (COUNTRY.matcher(c.trim()).matches()) {
                    codes.add(c.trim().toUpperCase(Locale.ROOT));
                } else {
                    bad.add(PolicyReader.quote(c));
                }
            }
            if (!bad.isEmpty()) {
                note.accept("named location " + PolicyReader.quote(name == null ? id : name)
                        + ": ignored what is not a two-letter country code: " + String.join(", ", bad));
            }
            return new NamedLocation(id, name, NamedLocation.Kind.COUNTRIES, false, null, codes,
                    Boolean.TRUE.equals(bool(o, "includeUnknownCountriesAndRegions", "")),
                    text(o, "countryLookupMethod", ""));
        }
        throw new Json.Malformed("a named location with neither ipRanges nor countriesAndRegions");
    }

    static boolean validCidr(String cidr) {
        var v4 = IPV4.matcher(cidr);
        if (v4.matches()) {
            for (int i = 1; i <= 4; i++) {
                if (Integer.parseInt(v4.group(i)) > 255) {
                    return false;
                }
            }
            return Integer.parseInt(v4.group(5)) <= 32;
        }
        var v6 = IPV6.matcher(cidr);
        if (v6.matches() && cidr.indexOf(':') >= 0 && Integer.parseInt(v6.group(1)) <= 128) {
            try {
                // a literal with a colon is parsed, never looked up
                return InetAddress.getByName(cidr.substring(0, cidr.indexOf('/'))) instanceof java.net.Inet6Address;
            } catch (UnknownHostException e) {
                return false;
            }
        }
        return false;
    }

    static RawUser user(JsonNode o, String origin) {
        String id = text(o, "id", "");
        String upn = text(o, "userPrincipalName", "");
        if (id == null && upn == null) {
            throw new Json.Malformed("a user with neither id nor userPrincipalName");
        }
        Membership direct = Json.field(o, "memberOf") == null ? null : membership(Json.entries(o, "memberOf", ""));
        Membership transitive = Json.field(o, "transitiveMemberOf") == null ? null
                : membership(Json.entries(o, "transitiveMemberOf", ""));
        return new RawUser(id, upn, text(o, "displayName", ""), text(o, "userType", ""), direct, transitive,
                mfaStateOf(o), origin);
    }

    static Membership membership(List<JsonNode> entries) {
        Membership m = Membership.empty();
        int untyped = 0;
        for (JsonNode e : nonNull(entries)) {
            if (!e.isObject()) {
                throw new Json.Malformed("memberOf: expected directory objects, found " + Json.describe(e));
            }
            String type = Json.odataType(e);
            String id = text(e, "id", "memberOf.");
            String template = text(e, "roleTemplateId", "memberOf.");
            if ("directoryrole".equals(type) || type == null && template != null) {
                if (template != null) {
                    m.roleTemplates().add(template);
                } else if (id != null) {
                    m.roleObjectIds().add(id);
                }
            } else if ("group".equals(type) || type == null && id != null) {
                if (id != null) {
                    m.groups().add(id);
                    String name = text(e, "displayName", "memberOf.");
                    if (name != null) {
                        m.groupNames().put(id, name);
                    }
                }
                untyped += type == null ? 1 : 0;
            }
            // administrative units and other directory objects do not count for Conditional Access
        }
        return new Membership(m.groups(), m.roleTemplates(), m.roleObjectIds(), m.groupNames(), untyped);
    }

    static Members members(List<JsonNode> entries) {
        Members m = new Members(new LinkedHashSet<>(), new LinkedHashSet<>());
        for (JsonNode e : nonNull(entries)) {
            String type = Json.odataType(e);
            String id = e.isObject() ? text(e, "id", "members.") : null;
            if (id == null) {
                continue;
            }
            if ("user".equals(type) || type == null && Json.has(e, "userPrincipalName")) {
                m.users().add(id);
            } else if ("group".equals(type)) {
                m.groups().add(id);
            }
        }
        return m;
    }

    static RawGroup group(JsonNode o) {
        String id = text(o, "id", "");
        if (id == null) {
            throw new Json.Malformed("a group without an id");
        }
        Membership memberOf = Json.field(o, "memberOf") == null ? null : membership(Json.entries(o, "memberOf", ""));
        Members members = Json.field(o, "members") == null ? null : members(Json.entries(o, "members", ""));
        return new RawGroup(id, text(o, "displayName", ""), memberOf, members, true);
    }

    static RawRole role(JsonNode o) {
        String id = text(o, "id", "");
        String template = text(o, "roleTemplateId", "");
        if (template == null) {
            throw new Json.Malformed("a directory role without a roleTemplateId");
        }
        Members members = Json.field(o, "members") == null ? null : members(Json.entries(o, "members", ""));
        return new RawRole(id, template, text(o, "displayName", ""), members);
    }

    static RawAssignment assignment(JsonNode o) {
        String principal = text(o, "principalId", "");
        String role = text(o, "roleDefinitionId", "");
        if (principal == null || role == null) {
            throw new Json.Malformed("a role assignment without principalId or roleDefinitionId");
        }
        String scope = text(o, "directoryScopeId", "");
        return new RawAssignment(principal, role, scope == null ? "/" : scope);
    }

    static ServicePrincipal servicePrincipal(JsonNode o) {
        String id = text(o, "id", "");
        String appId = text(o, "appId", "");
        if (id == null && appId == null) {
            throw new Json.Malformed("a service principal with neither id nor appId");
        }
        return new ServicePrincipal(id, appId, text(o, "displayName", ""), bool(o, "accountEnabled", ""),
                bool(o, "appRoleAssignmentRequired", ""), text(o, "preferredSingleSignOnMode", ""),
                strings(o, "tags", ""));
    }

    static boolean securityDefaults(JsonNode o) {
        if (o.isBoolean()) {
            return o.booleanValue();
        }
        Boolean on = o.isObject() ? bool(o, "isEnabled", "") : null;
        if (on == null) {
            throw new Json.Malformed("a security defaults policy without isEnabled");
        }
        return on;
    }

    /**
     * A per-user MFA entry: the user's {@code id} / {@code userId} / {@code userPrincipalName} beside a
     * {@code perUserMfaState} (Graph beta {@code strongAuthenticationRequirements}); MSOnline's
     * {@code StrongAuthenticationRequirements} list (empty = disabled) is read too.
     *
     * @param contextUser the user id the list's {@code @odata.context} names ({@code users('…')}), or null
     */
    static MfaState mfa(JsonNode o, String contextUser) {
        String key = firstText(o, "userId", "id", "objectId", "userPrincipalName");
        if (key == null) {
            key = contextUser;
        }
        String state = mfaStateOf(o);
        if (key == null) {
            throw new Json.Malformed("a per-user MFA state without the user's id or userPrincipalName");
        }
        if (state == null) {
            throw new Json.Malformed("a per-user MFA entry without perUserMfaState");
        }
        return new MfaState(key.toLowerCase(Locale.ROOT), state);
    }

    /** Also the user's UPN when the entry has both, so either finds it. */
    static String mfaUpn(JsonNode o) {
        return firstText(o, "userPrincipalName");
    }

    private static String mfaStateOf(JsonNode o) {
        JsonNode state = Json.field(o, "perUserMfaState");
        if (!Json.absent(state)) {
            return text(o, "perUserMfaState", "").toLowerCase(Locale.ROOT);
        }
        JsonNode requirements = Json.field(o, "strongAuthenticationRequirements");
        if (Json.absent(requirements)) {
            return null;
        }
        if (requirements.isObject()) {
            String s = text(requirements, "perUserMfaState", "strongAuthenticationRequirements.");
            return s == null ? null : s.toLowerCase(Locale.ROOT);
        }
        if (requirements.isArray()) {
            if (requirements.isEmpty()) {
                return "disabled";
            }
            String s = text(requirements.get(0), "state", "StrongAuthenticationRequirements.");
            return s == null ? null : s.toLowerCase(Locale.ROOT);
        }
        throw new Json.Malformed("strongAuthenticationRequirements: expected an object or a list, found "
                + Json.describe(requirements));
    }

    private static String firstText(JsonNode o, String... names) {
        for (String n : names) {
            String v = text(o, n, "");
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }
}
