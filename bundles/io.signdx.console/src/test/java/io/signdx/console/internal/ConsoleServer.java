package io.signdx.console.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.signdx.api.tenant.TenantSnapshots;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The console's filter and servlets in an embedded Jetty (the server the product embeds), wired to fakes
 * of the platform services as DS wires the real ones, with users of every role and a clock tests move.
 */
final class ConsoleServer implements AutoCloseable {
    static final String ADMIN_PASSWORD = "admin-Pass-1234";
    static final String OPERATOR_PASSWORD = "operator-Pass-1234";
    static final String READER_PASSWORD = "reader-Pass-1234";

    final Path home;
    final AtomicLong clock = new AtomicLong(1_000_000_000L);
    final Fakes.Audit audit = new Fakes.Audit();
    final Fakes.Store store = new Fakes.Store();
    final Fakes.Engine engine = new Fakes.Engine();
    final Fakes.Modules modules;
    final UserStore users;
    final Sessions sessions;
    final ApiTokens tokens;
    final LoginThrottle throttle;
    final ImportJobs imports;
    final Preferences preferences;
    final CurrentTenant tenant;
    final Map<String, Object> services = new LinkedHashMap<>();
    private final Server server;
    final String base;

    ConsoleServer(Path home, TenantSnapshots snapshots, Map<String, Object> config) throws Exception {
        this.home = home;
        ConsoleConfig cfg = Fakes.config(config);
        Files.createDirectories(home.resolve("deploy"));
        modules = new Fakes.Modules(home.resolve("deploy"));
        users = new UserStore(home.resolve("data/users.json"), Map.of(UserStore.ENV_PASSWORD, ADMIN_PASSWORD), audit);
        users.create("otto", Role.OPERATOR, OPERATOR_PASSWORD.toCharArray());
        users.create("rita", Role.READER, READER_PASSWORD.toCharArray());
        sessions = new Sessions(cfg.sessionIdleMinutes() * 60_000L, cfg.maxSessions(), clock::get);
        tokens = new ApiTokens(home.resolve("data/tokens.json"), () -> java.time.Instant.ofEpochMilli(clock.get()));
        throttle = new LoginThrottle(cfg.loginFailuresAllowed(), cfg.loginMaxDelaySeconds() * 1000L, clock::get);
        // small batches and commits, so that a short upload crosses both
        imports = new ImportJobs(new Fakes.Reader(), store, audit, home.resolve("data/tmp/imports"), 1, 2, 2, 4);
        preferences = new Preferences(home.resolve("data/preferences.json"));
        tenant = new CurrentTenant(snapshots);

        ServletContextHandler ctx = new ServletContextHandler("/");
        ctx.addFilter(new FilterHolder(new AuthFilter(users, sessions, tokens, throttle, audit)), "/*",
                EnumSet.of(DispatcherType.REQUEST));
        add(ctx, new HealthServlet("test"), "/api/health");
        add(ctx, new SessionServlet(users, sessions, throttle, audit), "/api/session");
        add(ctx, new SignInsServlet(store, engine, tenant, cfg), "/api/signins", "/api/signins/*");
        add(ctx, new OverviewServlet(store, store, engine, modules, tenant, cfg), "/api/overview");
        add(ctx, new ModulesServlet(modules, audit, home.resolve("deploy"), home.resolve("data/tmp/bundles"),
                cfg.maxBundleMegabytes() << 20, Duration.ofSeconds(2)), "/api/modules", "/api/modules/*");
        add(ctx, new ImportsServlet(imports, cfg.maxImportMegabytes() << 20), "/api/imports", "/api/imports/*");
        add(ctx, new TenantServlet(tenant, audit, home.resolve("data/tmp/tenant"), cfg.maxTenantMegabytes() << 20),
                "/api/tenant");
        add(ctx, new PolicyServlet(tenant, store, new PolicyServlet.Services() {
            @Override
            public Object get(boolean evaluator) {
                return services.get(evaluator ? "evaluator" : "linter");
            }

            @Override
            public void release(boolean evaluator) {
                // nothing to release in a test
            }
        }, cfg.maxJsonKilobytes() * 1024), "/api/whatif", "/api/lint");
        add(ctx, new PreferencesServlet(preferences), "/api/preferences");
        add(ctx, new TokensServlet(tokens, audit), "/api/tokens", "/api/tokens/*");
        add(ctx, new UsersServlet(users, sessions, preferences, audit), "/api/users", "/api/users/*");
        add(ctx, new AuditServlet(audit), "/api/audit");
        add(ctx, new RootServlet(), "/");
        add(ctx, new Pages(), "/ui/*");
        server = new Server(new InetSocketAddress("127.0.0.1", 0));
        server.setHandler(ctx);
        server.start();
        base = "http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    ConsoleServer(Path home) throws Exception {
        this(home, null, Map.of());
    }

    private static void add(ServletContextHandler ctx, Servlet servlet, String... patterns) {
        ServletHolder holder = new ServletHolder(servlet);
        for (String p : patterns) {
            ctx.addServlet(holder, p);
        }
    }

    @Override
    public void close() throws Exception {
        server.stop();
        imports.stop();
    }

    /** Stands in for the pages bundle: every page is a one-line HTML document naming itself. */
    private static final class Pages extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.setContentType("text/html");
            resp.getWriter().write("<!doctype html><title>" + req.getPathInfo() + "</title>");
        }
    }

    /** An HTTP client of the console: credentials, an optional session cookie and CSRF token. */
    final class Client {
        private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        private final ObjectMapper json = new ObjectMapper();
        String authorization;
        String cookie;
        String csrf;
        final Map<String, String> headers = new LinkedHashMap<>();

        Client basic(String user, String password) {
            authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                    .getBytes(StandardCharsets.UTF_8));
            return this;
        }

        Client bearer(String token) {
            authorization = "Bearer " + token;
            return this;
        }

        /** Logs in with a session, as the browser does, and keeps cookie and CSRF token. */
        Client login(String user, String password) throws Exception {
            HttpResponse<String> r = send("POST", "/api/session", "application/json",
                    "{\"username\":" + json.writeValueAsString(user) + ",\"password\":"
                            + json.writeValueAsString(password) + "}");
            if (r.statusCode() != 200) {
                throw new AssertionError("login failed: " + r.statusCode() + " " + r.body());
            }
            String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow();
            cookie = setCookie.substring(0, setCookie.indexOf(';'));
            csrf = json.readTree(r.body()).path("csrfToken").asText();
            headers.put("X-Requested-With", "signdx");
            return this;
        }

        HttpResponse<String> get(String path) throws Exception {
            return send("GET", path, null, (byte[]) null);
        }

        HttpResponse<String> send(String method, String path, String type, String body) throws Exception {
            return send(method, path, type, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
        }

        HttpResponse<String> send(String method, String path, String type, byte[] body) throws Exception {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).method(method,
                    body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            if (type != null) {
                b.header("Content-Type", type);
            }
            if (authorization != null) {
                b.header("Authorization", authorization);
            }
            if (cookie != null) {
                b.header("Cookie", cookie);
                if (csrf != null && !method.equals("GET")) {
                    b.header("X-CSRF-Token", csrf);
                }
            }
            headers.forEach(b::header);
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        }

        /** A multipart/form-data upload of files (name → content) under one field. */
        HttpResponse<String> upload(String path, String field, Map<String, byte[]> files) throws Exception {
            String boundary = "----signdx-test-boundary";
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                        + f.getKey() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8));
                out.write(f.getValue());
                out.write("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            out.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return send("POST", path, "multipart/form-data; boundary=" + boundary, out.toByteArray());
        }

        JsonNode json(HttpResponse<String> r) throws IOException {
            return json.readTree(r.body());
        }
    }

    Client client() {
        return new Client();
    }

    Client admin() {
        return new Client().basic("admin", ADMIN_PASSWORD);
    }

    Client operator() {
        return new Client().basic("otto", OPERATOR_PASSWORD);
    }

    Client reader() {
        return new Client().basic("rita", READER_PASSWORD);
    }

    static List<String> list(String... values) {
        return List.of(values);
    }
}
