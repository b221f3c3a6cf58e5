package io.signdx.console.internal;

import java.io.IOException;
import java.io.StringWriter;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;

import io.signdx.api.model.SignIn;
import io.signdx.api.source.SignInQuery;
import io.signdx.api.source.SignInSource;
import io.signdx.api.source.SignInSourceException;
import io.signdx.policy.PolicyEvaluator;
import io.signdx.policy.PolicyLinter;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * {@code POST /api/whatif} and {@code GET /api/lint} (reader), against the current tenant snapshot. The
 * evaluator and the linter live in optional bundles that may come and go: they are tracked by reference
 * only (the class names in the annotations are not loaded at run time), their types are touched only in
 * {@link PolicyCalls}, and without them these endpoints answer 503.
 */
@Component(service = Servlet.class, immediate = true, configurationPid = ConsoleConfig.PID)
@HttpWhiteboardServletPattern({"/api/whatif", "/api/lint"})
public final class PolicyServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final String NO_EVALUATOR = "the Conditional Access evaluator (bundle io.signdx.policy) is not installed";
    static final String NO_LINTER = "the policy lint (bundle io.signdx.policy.analysis) is not installed";
    static final String NO_SNAPSHOT = "no tenant snapshot is installed; upload one first (POST /api/tenant)";
    static final String RESTART = " was installed after the console started; restart SignDx to use it";
    /** Lint replays at most this many of the newest stored sign-ins against report-only policies. */
    static final int LINT_SIGN_INS = 50_000;

    /** Gets a service for one call and releases it after. */
    interface Services {
        /** The service, or {@code null} when it is not there. */
        Object get(boolean evaluator);

        void release(boolean evaluator);
    }

    @Reference(service = PolicyEvaluator.class, cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile ServiceReference<?> evaluator;

    @Reference(service = PolicyLinter.class, cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile ServiceReference<?> linter;

    private final transient CurrentTenant tenant;
    private final transient SignInSource store;
    private final transient Services services;
    private final int maxJson;

    @Activate
    public PolicyServlet(BundleContext context, @Reference CurrentTenant tenant,
            @Reference(target = "(objectClass=io.signdx.api.ingest.SignInStore)") SignInSource store,
            ConsoleConfig config) {
        this.tenant = tenant;
        this.store = store;
        this.maxJson = config.maxJsonKilobytes() * 1024;
        this.services = new Services() {
            @Override
            public Object get(boolean which) {
                ServiceReference<?> ref = which ? evaluator : linter;
                return ref == null ? null : context.getService(ref);
            }

            @Override
            public void release(boolean which) {
                ServiceReference<?> ref = which ? evaluator : linter;
                if (ref != null) {
                    try {
                        context.ungetService(ref);
                    } catch (IllegalStateException | IllegalArgumentException e) {
                        // the service or our context went away meanwhile: nothing to release
                    }
                }
            }
        };
    }

    PolicyServlet(CurrentTenant tenant, SignInSource store, Services services, int maxJson) {
        this.tenant = tenant;
        this.store = store;
        this.services = services;
        this.maxJson = maxJson;
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        JsonNode body;
        try {
            body = Http.body(req, maxJson);
        } catch (Http.BadRequest e) {
            Http.error(resp, e.status(), e.getMessage());
            return;
        }
        Object service = services.get(true);
        try {
            if (service == null) {
                Http.error(resp, HttpServletResponse.SC_SERVICE_UNAVAILABLE, NO_EVALUATOR);
                return;
            }
            if (tenant.snapshot().isEmpty()) {
                Http.error(resp, HttpServletResponse.SC_CONFLICT, NO_SNAPSHOT);
                return;
            }
            // written to a buffer first, so that a bad request still gets a clean 400
            StringWriter buffer = new StringWriter();
            try (JsonGenerator g = Http.mapper().getFactory().createGenerator(buffer)) {
                PolicyCalls.whatIf(service, body, tenant.context(), g);
            }
            write(resp, buffer.toString());
        } catch (IllegalArgumentException e) {
            Http.error(resp, HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
        } catch (LinkageError e) {
            Http.error(resp, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "the Conditional Access evaluator" + RESTART);
        } finally {
            if (service != null) {
                services.release(true);
            }
        }
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Object service = services.get(false);
        try {
            if (service == null) {
                Http.error(resp, HttpServletResponse.SC_SERVICE_UNAVAILABLE, NO_LINTER);
                return;
            }
            if (tenant.snapshot().isEmpty()) {
                Http.error(resp, HttpServletResponse.SC_CONFLICT, NO_SNAPSHOT);
                return;
            }
            StringWriter buffer = new StringWriter();
            try (JsonGenerator g = Http.mapper().getFactory().createGenerator(buffer)) {
                PolicyCalls.lint(service, tenant.context(),
                        "false".equals(req.getParameter("signIns")) ? null : stored(), g);
            }
            write(resp, buffer.toString());
        } catch (SignInSourceException e) {
            Http.error(resp, HttpServletResponse.SC_SERVICE_UNAVAILABLE, e.getMessage());
        } catch (LinkageError e) {
            Http.error(resp, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "the policy lint" + RESTART);
        } finally {
            if (service != null) {
                services.release(false);
            }
        }
    }

    private static void write(HttpServletResponse resp, String json) throws IOException {
        resp.setStatus(HttpServletResponse.SC_OK);
        resp.setContentType(Http.JSON_TYPE);
        resp.setCharacterEncoding("UTF-8");
        resp.setHeader("Cache-Control", "no-store");
        resp.getWriter().write(json);
    }

    /** The newest stored sign-ins, read page by page as the linter iterates (never all in memory). */
    private Iterable<SignIn> stored() {
        return () -> new Iterator<>() {
            private static final int PAGE = 1000;
            private List<SignIn> page = List.of();
            private int index;
            private int offset;
            private boolean last;

            @Override
            public boolean hasNext() {
                if (index < page.size()) {
                    return true;
                }
                if (last || offset >= LINT_SIGN_INS) {
                    return false;
                }
                page = store.query(SignInQuery.all().withPage(offset, Math.min(PAGE, LINT_SIGN_INS - offset))).items();
                offset += PAGE;
                index = 0;
                last = page.size() < PAGE;
                return !page.isEmpty();
            }

            @Override
            public SignIn next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return page.get(index++);
            }
        };
    }
}
