package io.signdx.console.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

import io.signdx.api.engine.AuditLog;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardFilterPattern;

/**
 * The console's gate, in front of every page and API call. It adds the security headers, lets the
 * public paths through (login page and its assets, {@code /api/health}, {@code POST /api/session}),
 * authenticates everything else — a session cookie, HTTP Basic or an API token — checks the CSRF token
 * of state-changing requests that came with the cookie, and enforces the role table ({@link Access}).
 */
@Component(service = Filter.class, immediate = true)
@HttpWhiteboardFilterPattern("/*")
public final class AuthFilter implements Filter {
    static final String COOKIE = "SIGNDX_SESSION";
    static final String CSRF_HEADER = "X-CSRF-Token";
    static final String UI_HEADER = "X-Requested-With";
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final UserStore users;
    private final Sessions sessions;
    private final ApiTokens tokens;
    private final LoginThrottle throttle;
    private final AuditLog audit;

    @Activate
    public AuthFilter(@Reference UserStore users, @Reference Sessions sessions, @Reference ApiTokens tokens,
            @Reference LoginThrottle throttle, @Reference AuditLog audit) {
        this.users = users;
        this.sessions = sessions;
        this.tokens = tokens;
        this.throttle = throttle;
        this.audit = audit;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        HttpServletResponse resp = (HttpServletResponse) response;
        String path = path(req);
        String method = req.getMethod();
        boolean api = path.equals("/api") || path.startsWith("/api/");
        headers(resp, api);
        Optional<Access.Rule> rule = api ? Access.rule(method, path) : Optional.empty();
        if (rule.isPresent() && rule.get().isPublic() || !api && Access.publicPage(method, path)) {
            if (!SAFE_METHODS.contains(method) && crossSite(req)) {
                reject(req, resp, HttpServletResponse.SC_FORBIDDEN, "cross-site request refused");
                return;
            }
            chain.doFilter(request, response);
            return;
        }
        if (!SAFE_METHODS.contains(method) && crossSite(req)) {
            reject(req, resp, HttpServletResponse.SC_FORBIDDEN, "cross-site request refused");
            return;
        }
        Principal who;
        try {
            who = authenticate(req);
        } catch (Throttled t) {
            resp.setHeader("Retry-After", String.valueOf((t.waitMillis + 999) / 1000));
            reject(req, resp, 429, "too many failed log-ins; try again in " + (t.waitMillis + 999) / 1000 + " s");
            return;
        }
        if (who == null) {
            refuse(req, resp, api);
            return;
        }
        if (who.method() == Principal.Method.SESSION && !SAFE_METHODS.contains(method)
                && !Secrets.same(who.session().csrfToken(), req.getHeader(CSRF_HEADER))) {
            reject(req, resp, HttpServletResponse.SC_FORBIDDEN, "CSRF token missing or wrong");
            return;
        }
        req.setAttribute(Http.PRINCIPAL_ATTRIBUTE, who);
        if (api) {
            if (rule.isEmpty()) {
                if (Access.knownPath(path)) {
                    resp.setHeader("Allow", String.join(", ", Access.API.stream()
                            .filter(r -> r.pathMatches(path)).map(Access.Rule::method).distinct().toList()));
                    reject(req, resp, HttpServletResponse.SC_METHOD_NOT_ALLOWED, method + " is not allowed on " + path);
                } else {
                    reject(req, resp, HttpServletResponse.SC_NOT_FOUND, "no such API endpoint: " + path);
                }
                return;
            }
            if (!who.role().includes(rule.get().role())) {
                reject(req, resp, HttpServletResponse.SC_FORBIDDEN, "requires role " + rule.get().role().label());
                return;
            }
        } else if (path.equals("/ui")) {
            resp.sendRedirect("/ui/");
            return;
        } else if (path.equals("/ui/") && SAFE_METHODS.contains(method)) {
            // the app shell; a resource servlet would not map a folder to its index page
            req.getRequestDispatcher("/ui/index.html").forward(req, resp);
            return;
        }
        chain.doFilter(request, response);
    }

    /** Thrown while the caller must wait after failed log-ins. */
    private static final class Throttled extends Exception {
        private static final long serialVersionUID = 1L;
        private final long waitMillis;

        Throttled(long waitMillis) {
            super(null, null, false, false);
            this.waitMillis = waitMillis;
        }
    }

    /** The caller; {@code null} when not authenticated. An Authorization header, when sent, wins over a cookie. */
    private Principal authenticate(HttpServletRequest req) throws Throttled {
        String authorization = req.getHeader("Authorization");
        String address = req.getRemoteAddr();
        if (authorization != null) {
            Optional<String[]> basic = basic(authorization);
            if (basic.isPresent()) {
                String user = basic.get()[0];
                long wait = throttle.waitMillis(user, address);
                if (wait > 0) {
                    throw new Throttled(wait);
                }
                Optional<Role> role = users.authenticate(user, basic.get()[1].toCharArray());
                if (role.isEmpty()) {
                    throttle.failed(user, address);
                    audit.record(safe(user), "login.failed", "basic", "from " + address);
                    return null;
                }
                throttle.succeeded(user);
                return new Principal(user, role.get(), Principal.Method.BASIC, null);
            }
            String bearer = bearer(authorization);
            if (bearer != null) {
                long wait = throttle.waitMillis(null, address);
                if (wait > 0) {
                    throw new Throttled(wait);
                }
                Optional<ApiTokens.Token> token = tokens.verify(bearer);
                if (token.isEmpty()) {
                    throttle.failed(null, address);
                    audit.record("anonymous", "login.failed", "token", "from " + address);
                    return null;
                }
                return new Principal(token.get().name(), token.get().role(), Principal.Method.TOKEN, null);
            }
            return null;
        }
        String id = cookie(req, COOKIE);
        if (id == null) {
            return null;
        }
        Optional<Sessions.Session> session = sessions.use(id);
        if (session.isEmpty()) {
            return null;
        }
        Sessions.Session s = session.get();
        // a session dies with its user and with a change of role (checked here, so nothing can forget it)
        if (!users.role(s.user()).equals(Optional.of(s.role()))) {
            sessions.close(s);
            return null;
        }
        return new Principal(s.user(), s.role(), Principal.Method.SESSION, s);
    }

    private static void refuse(HttpServletRequest req, HttpServletResponse resp, boolean api) throws IOException {
        boolean fromUi = "signdx".equals(req.getHeader(UI_HEADER));
        if (!api && !fromUi && SAFE_METHODS.contains(req.getMethod())) {
            resp.sendRedirect("/ui/login.html");
            return;
        }
        if (!fromUi) {
            // the console's own pages never get this header, so the browser never shows its Basic dialog
            resp.setHeader("WWW-Authenticate", "Basic realm=\"SignDx\", charset=\"UTF-8\"");
        }
        reject(req, resp, HttpServletResponse.SC_UNAUTHORIZED, "authentication required");
    }

    /**
     * Answers a refusal. A body the client is still sending is read and dropped first (up to a bound):
     * closing the connection on unread data would reset it, and the client would never see the answer.
     */
    private static void reject(HttpServletRequest req, HttpServletResponse resp, int status, String message)
            throws IOException {
        if (req.getContentLengthLong() > 0 || req.getHeader("Transfer-Encoding") != null) {
            Uploads.drain(req, req.getContentLengthLong());
        }
        Http.error(resp, status, message);
    }

    static void headers(HttpServletResponse resp, boolean api) {
        resp.setHeader("Content-Security-Policy", CSP);
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.setHeader("Referrer-Policy", "no-referrer");
        resp.setHeader("X-Frame-Options", "DENY");
        resp.setHeader("Cross-Origin-Opener-Policy", "same-origin");
        if (api) {
            resp.setHeader("Cache-Control", "no-store");
        }
    }

    /** The request's path inside the application, decoded and normalised by the server. */
    static String path(HttpServletRequest req) {
        String servletPath = req.getServletPath() == null ? "" : req.getServletPath();
        String info = req.getPathInfo() == null ? "" : req.getPathInfo();
        String p = servletPath + info;
        if (p.isEmpty()) {
            String uri = req.getRequestURI();
            p = uri.substring(Math.min(uri.length(), req.getContextPath().length()));
        }
        return p.isEmpty() ? "/" : p;
    }

    /**
     * True for a request a browser sent from another site. A browser replays Basic credentials it has
     * cached to any site that asks, and scripts send neither header and pass.
     */
    static boolean crossSite(HttpServletRequest req) {
        String fetchSite = req.getHeader("Sec-Fetch-Site");
        if (fetchSite != null && !fetchSite.equals("same-origin") && !fetchSite.equals("none")) {
            return true;
        }
        String origin = req.getHeader("Origin");
        if (origin == null) {
            return false;
        }
        String host = req.getHeader("Host");
        return host == null || !(origin.equals("http://" + host) || origin.equals("https://" + host));
    }

    static Optional<String[]> basic(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? Optional.empty()
                    : Optional.of(new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)});
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static String bearer(String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = header.substring(7).trim();
        return token.isEmpty() ? null : token;
    }

    static String cookie(HttpServletRequest req, String name) {
        Cookie[] cookies = req.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie c : cookies) {
            if (c.getName().equals(name)) {
                return c.getValue();
            }
        }
        return null;
    }

    /** A user name from a request, shortened and stripped of control characters for the audit log. */
    static String safe(String user) {
        String s = user.replaceAll("\\p{Cntrl}", "?");
        return s.length() > 64 ? s.substring(0, 64) + "…" : s;
    }
}
