package io.signdx.console.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardFilterPattern;

/**
 * Authenticates every API call but the health check with HTTP Basic, stores the user and role on the
 * request, adds security headers, and refuses state-changing calls that a browser sent from another
 * site (a browser replays cached Basic credentials cross-site, so Origin and Sec-Fetch-Site are checked;
 * scripts send neither and pass).
 */
@Component(service = Filter.class, immediate = true)
@HttpWhiteboardFilterPattern("/api/*")
public final class AuthFilter implements Filter {
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final UserStore users;

    @Activate
    public AuthFilter(@Reference UserStore users) {
        this.users = users;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        HttpServletResponse resp = (HttpServletResponse) response;
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
        resp.setHeader("Referrer-Policy", "no-referrer");
        String path = req.getRequestURI().substring(req.getContextPath().length());
        if (path.equals("/api/health")) {
            chain.doFilter(request, response);
            return;
        }
        if (!SAFE_METHODS.contains(req.getMethod()) && crossSite(req)) {
            Http.error(resp, HttpServletResponse.SC_FORBIDDEN, "cross-site request refused");
            return;
        }
        Optional<String[]> credentials = basic(req.getHeader("Authorization"));
        Optional<Role> role = credentials.flatMap(c -> users.authenticate(c[0], c[1].toCharArray()));
        if (role.isEmpty()) {
            resp.setHeader("WWW-Authenticate", "Basic realm=\"SignDx\", charset=\"UTF-8\"");
            Http.error(resp, HttpServletResponse.SC_UNAUTHORIZED, "authentication required");
            return;
        }
        req.setAttribute(Http.USER_ATTRIBUTE, credentials.get()[0]);
        req.setAttribute(Http.ROLE_ATTRIBUTE, role.get());
        chain.doFilter(request, response);
    }

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
}
