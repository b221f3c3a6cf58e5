package io.signdx.tenant.internal;

import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What one entry of a snapshot file is. Recognised from the entry's {@code @odata.type}, else from the
 * list's {@code @odata.context} or the combined file's section, else from the entry's shape.
 */
enum Kind {
    POLICY("conditional access policy", "conditional access policies"),
    NAMED_LOCATION("named location", "named locations"),
    USER("user", "users"),
    GROUP("group", "groups"),
    DIRECTORY_ROLE("directory role", "directory roles"),
    ROLE_ASSIGNMENT("directory role assignment", "directory role assignments"),
    SERVICE_PRINCIPAL("service principal", "service principals"),
    SECURITY_DEFAULTS("security defaults policy", "security defaults policies"),
    PER_USER_MFA("per-user MFA state", "per-user MFA states");

    /** The kinds a file is tried as, for the message about a file that is none of them. */
    static final String TRIED = "conditional access policies, named locations, users, groups, directory roles, "
            + "directory role assignments, service principals, the security defaults policy, per-user MFA state, "
            + "a combined snapshot file";

    private static final Set<String> SECURITY_DEFAULTS_KEYS = Set.of("id", "displayname", "description", "isenabled",
            "controltypes");

    final String one;
    final String many;

    Kind(String one, String many) {
        this.one = one;
        this.many = many;
    }

    String count(int n) {
        return n + " " + (n == 1 ? one : many);
    }

    /** The kind an {@code @odata.type} names; null for any other type. */
    static Kind ofType(String type) {
        if (type == null) {
            return null;
        }
        return switch (type) {
            case "conditionalaccesspolicy" -> POLICY;
            case "ipnamedlocation", "countrynamedlocation", "namedlocation" -> NAMED_LOCATION;
            case "user" -> USER;
            case "group" -> GROUP;
            case "directoryrole" -> DIRECTORY_ROLE;
            case "unifiedroleassignment" -> ROLE_ASSIGNMENT;
            case "serviceprincipal" -> SERVICE_PRINCIPAL;
            case "identitysecuritydefaultsenforcementpolicy" -> SECURITY_DEFAULTS;
            case "strongauthenticationrequirements" -> PER_USER_MFA;
            default -> null;
        };
    }

    /**
     * The kind an {@code @odata.context} URL names, e.g. {@code …/$metadata#identity/conditionalAccess/policies}
     * or {@code …#users(id,userPrincipalName,memberOf())}; null when it names something else.
     */
    static Kind ofContext(String context) {
        String path = contextPath(context);
        if (path == null) {
            return null;
        }
        if (path.endsWith("conditionalaccess/policies") || path.equals("policies/conditionalaccesspolicies")
                || path.equals("conditionalaccesspolicies")) {
            return POLICY;
        }
        if (path.endsWith("namedlocations")) {
            return NAMED_LOCATION;
        }
        if (path.endsWith("identitysecuritydefaultsenforcementpolicy")) {
            return SECURITY_DEFAULTS;
        }
        if (path.endsWith("authentication/requirements")) {
            return PER_USER_MFA;
        }
        if (path.endsWith("rolemanagement/directory/roleassignments")) {
            return ROLE_ASSIGNMENT;
        }
        return switch (path) {
            case "users" -> USER;
            case "groups" -> GROUP;
            case "directoryroles" -> DIRECTORY_ROLE;
            case "serviceprincipals" -> SERVICE_PRINCIPAL;
            default -> null;
        };
    }

    /** The entity path of a context URL, lower case, without select lists, keys and {@code /$entity}. */
    static String contextPath(String context) {
        if (context == null) {
            return null;
        }
        int hash = context.indexOf('#');
        String path = (hash >= 0 ? context.substring(hash + 1) : context).toLowerCase(Locale.ROOT);
        // drop "(…)" select lists and keys, keeping nesting right: users('x')/authentication/requirements
        StringBuilder b = new StringBuilder();
        int depth = 0;
        for (char c : path.toCharArray()) {
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth = Math.max(0, depth - 1);
            } else if (depth == 0) {
                b.append(c);
            }
        }
        String out = b.toString();
        if (out.endsWith("/$entity")) {
            out = out.substring(0, out.length() - "/$entity".length());
        }
        return out;
    }

    /** The kind an untyped entry's shape shows; null when it shows none. Keys match ignoring case. */
    static Kind ofShape(JsonNode o) {
        if (o == null || !o.isObject()) {
            return null;
        }
        if (has(o, "conditions") && (has(o, "grantControls") || has(o, "sessionControls") || has(o, "state")
                || has(o, "displayName"))) {
            return POLICY;
        }
        if (has(o, "ipRanges") || has(o, "countriesAndRegions")) {
            return NAMED_LOCATION;
        }
        boolean mfa = Json.field(o, "perUserMfaState") != null || Json.field(o, "strongAuthenticationRequirements") != null;
        boolean membership = has(o, "memberOf") || has(o, "transitiveMemberOf") || has(o, "userType");
        if (mfa && !membership) {
            return PER_USER_MFA;
        }
        if (has(o, "userPrincipalName")) {
            return USER;
        }
        if (has(o, "roleTemplateId")) {
            return DIRECTORY_ROLE;
        }
        if (has(o, "principalId") && has(o, "roleDefinitionId")) {
            return ROLE_ASSIGNMENT;
        }
        if (has(o, "appId") && !has(o, "signInAudience") && !has(o, "requiredResourceAccess")
                && !has(o, "identifierUris")) {
            return SERVICE_PRINCIPAL;
        }
        if (has(o, "groupTypes") || has(o, "securityEnabled") || has(o, "mailEnabled") || has(o, "membershipRule")) {
            return GROUP;
        }
        if (has(o, "isEnabled") && Json.field(o, "isEnabled").isBoolean() && onlySecurityDefaultsKeys(o)) {
            return SECURITY_DEFAULTS;
        }
        return null;
    }

    /** Keys are looked up ignoring case: PowerShell's Graph module writes them in PascalCase. */
    private static boolean has(JsonNode o, String key) {
        return Json.field(o, key) != null;
    }

    private static boolean onlySecurityDefaultsKeys(JsonNode o) {
        for (String key : (Iterable<String>) o::fieldNames) {
            if (!key.startsWith("@") && !SECURITY_DEFAULTS_KEYS.contains(key.toLowerCase(Locale.ROOT))) {
                return false;
            }
        }
        return true;
    }
}
