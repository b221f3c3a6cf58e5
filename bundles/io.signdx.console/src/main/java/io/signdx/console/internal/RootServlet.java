package io.signdx.console.internal;

import java.io.IOException;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * The default servlet: {@code /} goes to the console, anything no other servlet or page serves is a 404
 * (after the authentication filter, so that the server's own error pages never answer unauthenticated).
 */
@Component(service = Servlet.class, immediate = true)
@HttpWhiteboardServletPattern("/")
public final class RootServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = AuthFilter.path(req);
        if (path.equals("/") && (req.getMethod().equals("GET") || req.getMethod().equals("HEAD"))) {
            resp.sendRedirect("/ui/");
            return;
        }
        Uploads.drain(req, req.getContentLengthLong());
        Http.error(resp, HttpServletResponse.SC_NOT_FOUND, "not found");
    }
}
