package io.signdx.console.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The role table covers every endpoint the bundle publishes, and each role gets exactly what the table
 * says. The published patterns are read from the components' whiteboard annotations, so a new servlet
 * without rules fails here.
 */
class AccessTableTest {
    @TempDir
    Path home;

    /** Servlet and filter patterns the bundle's components declare, from their whiteboard annotations. */
    static List<String> publishedPatterns() throws IOException {
        Pattern annotation = Pattern.compile("@HttpWhiteboard(Servlet|Filter)Pattern\\(\\{?([^)}]*)\\}?\\)");
        Pattern literal = Pattern.compile("\"([^\"]*)\"");
        List<String> out = new ArrayList<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path p : sources.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = annotation.matcher(Files.readString(p));
                while (m.find()) {
                    Matcher v = literal.matcher(m.group(2));
                    while (v.find()) {
                        out.add(m.group(1).toLowerCase(java.util.Locale.ROOT) + " " + v.group(1));
                    }
                }
            }
        }
        return out;
    }

    @Test
    void theFilterGuardsEverythingAndEveryApiServletHasRules() throws IOException {
        List<String> patterns = publishedPatterns();
        assertTrue(patterns.contains("filter /*"), patterns.toString());
        List<String> api = patterns.stream().filter(p -> p.startsWith("servlet /api")).map(p -> p.substring(8)).toList();
        assertTrue(api.size() >= 15, api.toString());
        for (String pattern : api) {
            String prefix = pattern.endsWith("/*") ? pattern.substring(0, pattern.length() - 2) : pattern;
            boolean covered = Access.API.stream().anyMatch(r -> pattern.endsWith("/*")
                    ? r.pattern().startsWith(prefix + "/") : r.pattern().equals(prefix));
            assertTrue(covered, "no rule for the servlet pattern " + pattern);
        }
        for (Access.Rule rule : Access.API) {
            boolean served = api.stream().anyMatch(p -> p.endsWith("/*")
                    ? rule.pattern().startsWith(p.substring(0, p.length() - 1)) : rule.pattern().equals(p));
            assertTrue(served, "no servlet serves the rule " + rule);
        }
    }

    @Test
    void publicEndpointsAreExactlyTheAgreedOnes() {
        assertEquals(List.of("GET /api/health", "POST /api/session"), Access.API.stream().filter(Access.Rule::isPublic)
                .map(r -> r.method() + " " + r.pattern()).toList());
        assertTrue(Access.publicPage("GET", "/ui/login.html"));
        assertTrue(Access.publicPage("GET", "/ui/assets/app.css"));
        assertFalse(Access.publicPage("GET", "/ui/index.html"));
        assertFalse(Access.publicPage("POST", "/ui/login.html"));
        assertFalse(Access.publicPage("GET", "/ui/vendor/uplot/uPlot.iife.min.js"));
    }

    @Test
    void eachRoleGetsWhatTheTableSaysAndNoMore() throws Exception {
        try (ConsoleServer server = new ConsoleServer(home)) {
            Map<Role, ConsoleServer.Client> clients = Map.of(Role.READER, server.reader(), Role.OPERATOR,
                    server.operator(), Role.ADMIN, server.admin());
            for (Access.Rule rule : Access.API) {
                if (rule.isPublic() || rule.pattern().equals("/api/session")) {
                    continue;
                }
                String path = rule.pattern().replace("{action}", "enable").replaceAll("\\{[^}]+}", "none");
                for (Map.Entry<Role, ConsoleServer.Client> c : clients.entrySet()) {
                    HttpResponse<String> r = c.getValue().send(rule.method(), path, null, (byte[]) null);
                    boolean refused = r.statusCode() == 403 && r.body().contains("requires role");
                    assertEquals(!c.getKey().includes(rule.role()), refused,
                            c.getKey() + " " + rule.method() + " " + path + " → " + r.statusCode() + " " + r.body());
                    if (refused) {
                        assertEquals("{\"error\":\"requires role " + rule.role().label() + "\"}", r.body());
                    }
                }
            }
        }
    }

    @Test
    void patternsMatchWholeSegments() {
        Access.Rule r = new Access.Rule("GET", "/api/signins/{id}/diagnosis", Role.READER);
        assertTrue(r.matches("GET", "/api/signins/abc/diagnosis"));
        assertTrue(r.matches("HEAD", "/api/signins/abc/diagnosis"));
        assertFalse(r.matches("POST", "/api/signins/abc/diagnosis"));
        assertFalse(r.matches("GET", "/api/signins//diagnosis"));
        assertFalse(r.matches("GET", "/api/signins/abc/diagnosis/x"));
        assertFalse(r.matches("GET", "/api/signins/abc"));
    }
}
