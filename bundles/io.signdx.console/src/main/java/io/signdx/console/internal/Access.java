package io.signdx.console.internal;

import java.util.List;
import java.util.Optional;

/**
 * Who may call what: every API endpoint with its method and the least role it needs, in one table that
 * the authentication filter enforces before any servlet runs. An API path that is not in the table is
 * refused (404), so a new endpoint cannot go out unprotected by forgetting a check.
 */
final class Access {
    /** A path pattern: segments separated by {@code /}; {@code {name}} stands for any one segment. */
    record Rule(String method, String pattern, Role role) {
        /** True for the endpoints anyone may call. */
        boolean isPublic() {
            return role == null;
        }

        boolean matches(String m, String path) {
            if (!method.equals(m) && !(method.equals("GET") && m.equals("HEAD"))) {
                return false;
            }
            return pathMatches(path);
        }

        boolean pathMatches(String path) {
            String[] want = pattern.split("/", -1);
            String[] have = path.split("/", -1);
            if (want.length != have.length) {
                return false;
            }
            for (int i = 0; i < want.length; i++) {
                if (want[i].startsWith("{") ? have[i].isEmpty() : !want[i].equals(have[i])) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Every API endpoint. {@code null} role = public. Keep docs/api.md in step. */
    static final List<Rule> API = List.of(
            new Rule("GET", "/api/health", null),
            new Rule("POST", "/api/session", null),
            new Rule("GET", "/api/session", Role.READER),
            new Rule("DELETE", "/api/session", Role.READER),
            new Rule("GET", "/api/signins", Role.READER),
            new Rule("GET", "/api/signins/{id}", Role.READER),
            new Rule("GET", "/api/signins/{id}/diagnosis", Role.READER),
            new Rule("GET", "/api/overview", Role.READER),
            new Rule("GET", "/api/modules", Role.READER),
            new Rule("POST", "/api/modules/detectors/{scenario}/{action}", Role.OPERATOR),
            new Rule("POST", "/api/modules/bundles/{symbolicName}/{action}", Role.OPERATOR),
            new Rule("POST", "/api/modules/{id}/{action}", Role.OPERATOR),
            new Rule("POST", "/api/modules/bundles", Role.ADMIN),
            new Rule("DELETE", "/api/modules/bundles/{symbolicName}", Role.ADMIN),
            new Rule("GET", "/api/imports", Role.OPERATOR),
            new Rule("POST", "/api/imports", Role.OPERATOR),
            new Rule("GET", "/api/imports/{id}", Role.OPERATOR),
            new Rule("GET", "/api/tenant", Role.READER),
            new Rule("POST", "/api/tenant", Role.ADMIN),
            new Rule("POST", "/api/whatif", Role.READER),
            new Rule("GET", "/api/lint", Role.READER),
            new Rule("GET", "/api/preferences", Role.READER),
            new Rule("PUT", "/api/preferences", Role.READER),
            new Rule("GET", "/api/tokens", Role.ADMIN),
            new Rule("POST", "/api/tokens", Role.ADMIN),
            new Rule("DELETE", "/api/tokens/{id}", Role.ADMIN),
            new Rule("GET", "/api/users", Role.ADMIN),
            new Rule("POST", "/api/users", Role.ADMIN),
            new Rule("PUT", "/api/users/{name}", Role.ADMIN),
            new Rule("DELETE", "/api/users/{name}", Role.ADMIN),
            new Rule("GET", "/api/audit", Role.ADMIN));

    /** Pages anyone may load: the login page and what it needs. */
    static boolean publicPage(String method, String path) {
        return (method.equals("GET") || method.equals("HEAD"))
                && (path.equals("/") || path.equals("/ui/login.html") || path.startsWith("/ui/assets/"));
    }

    private Access() {
    }

    /** The rule for a call; empty when the API has no such endpoint. */
    static Optional<Rule> rule(String method, String path) {
        return API.stream().filter(r -> r.matches(method, path)).findFirst();
    }

    /** True when some method is allowed on the path (for 405 rather than 404). */
    static boolean knownPath(String path) {
        return API.stream().anyMatch(r -> r.pathMatches(path));
    }
}
