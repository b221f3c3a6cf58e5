package io.signdx.console.internal;

import java.io.IOException;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Small helpers shared by the API servlets: JSON answers, errors and role checks. */
final class Http {
    static final String ROLE_ATTRIBUTE = "signdx.role";
    static final String USER_ATTRIBUTE = "signdx.user";
    /** Thread-safe once configured; shared by all requests of this bundle. */
    private static final ObjectMapper JSON = new ObjectMapper();

    private Http() {
    }

    static void json(HttpServletResponse resp, int status, Object body) throws IOException {
        resp.setStatus(status);
        resp.setContentType("application/json");
        resp.setCharacterEncoding("UTF-8");
        resp.setHeader("Cache-Control", "no-store");
        JSON.writeValue(resp.getOutputStream(), body);
    }

    static void error(HttpServletResponse resp, int status, String message) throws IOException {
        json(resp, status, Map.of("error", message));
    }

    /** Answers 403 and returns false when the authenticated user lacks the role. */
    static boolean require(HttpServletRequest req, HttpServletResponse resp, Role needed) throws IOException {
        Object role = req.getAttribute(ROLE_ATTRIBUTE);
        if (role instanceof Role r && r.includes(needed)) {
            return true;
        }
        error(resp, HttpServletResponse.SC_FORBIDDEN, "this needs the " + needed.name().toLowerCase() + " role");
        return false;
    }

    static String user(HttpServletRequest req) {
        Object u = req.getAttribute(USER_ATTRIBUTE);
        return u == null ? "anonymous" : u.toString();
    }
}
