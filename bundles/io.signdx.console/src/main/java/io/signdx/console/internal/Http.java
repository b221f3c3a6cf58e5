package io.signdx.console.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Small helpers shared by the API servlets: JSON answers and requests, errors, the caller. */
final class Http {
    static final String PRINCIPAL_ATTRIBUTE = "signdx.principal";
    static final String JSON_TYPE = "application/json";

    /**
     * Thread-safe once built and never reconfigured. Its output escapes {@code < > & '} as {@code \\u003c}
     * …: the values are the same JSON strings, but record text can never form markup even in a client
     * that wrongly treats an answer as HTML.
     */
    private static final ObjectMapper JSON = JsonMapper.builder(new JsonFactoryBuilder()
            .characterEscapes(new HtmlSafeEscapes())
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build()).build())
            .build();

    private Http() {
    }

    static ObjectMapper mapper() {
        return JSON;
    }

    static void json(HttpServletResponse resp, int status, Object body) throws IOException {
        prepare(resp, status);
        JSON.writeValue(resp.getOutputStream(), body);
    }

    /** Starts a JSON answer written with a generator; the caller closes it. */
    static JsonGenerator stream(HttpServletResponse resp, int status) throws IOException {
        prepare(resp, status);
        return JSON.getFactory().createGenerator(resp.getOutputStream());
    }

    private static void prepare(HttpServletResponse resp, int status) {
        resp.setStatus(status);
        resp.setContentType(JSON_TYPE);
        resp.setCharacterEncoding("UTF-8");
        resp.setHeader("Cache-Control", "no-store");
    }

    static void error(HttpServletResponse resp, int status, String message) throws IOException {
        if (!resp.isCommitted()) {
            resp.resetBuffer();
        }
        json(resp, status, Map.of("error", message));
    }

    /**
     * Reads a JSON request body of at most {@code maxBytes}.
     *
     * @throws BadRequest when it is not JSON, too big, or not of type application/json
     */
    static JsonNode body(HttpServletRequest req, int maxBytes) throws IOException {
        String type = req.getContentType();
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith(JSON_TYPE)) {
            // a browser form on another site cannot send application/json without asking first (CORS)
            throw new BadRequest(415, "send the request body as application/json");
        }
        if (req.getContentLengthLong() > maxBytes) {
            throw new BadRequest(413, "the request body is larger than " + maxBytes + " bytes");
        }
        try (InputStream in = new LimitedInputStream(req.getInputStream(), maxBytes)) {
            JsonNode node = JSON.readTree(in);
            if (node == null || node.isMissingNode()) {
                throw new BadRequest(400, "the request body is empty; send a JSON object");
            }
            return node;
        } catch (LimitedInputStream.TooLarge e) {
            throw new BadRequest(413, "the request body is larger than " + maxBytes + " bytes");
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new BadRequest(400, "the request body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** A parameter of the query string, never of the body (which is left unread); null when absent or malformed. */
    static String queryParameter(HttpServletRequest req, String name) {
        String query = req.getQueryString();
        if (query == null) {
            return null;
        }
        try {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                if (key.equals(name)) {
                    return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                }
            }
        } catch (IllegalArgumentException e) {
            return null; // a broken %-escape
        }
        return null;
    }

    static Principal principal(HttpServletRequest req) {
        return (Principal) req.getAttribute(PRINCIPAL_ATTRIBUTE);
    }

    /** The caller's name for the audit log, e.g. {@code alice} or {@code token:deploy-bot}. */
    static String actor(HttpServletRequest req) {
        Principal p = principal(req);
        return p == null ? "anonymous" : p.actor();
    }

    /** The path below the servlet's pattern split into decoded segments; empty for none. */
    static String[] segments(HttpServletRequest req) {
        String info = req.getPathInfo();
        if (info == null || info.equals("/") || info.isEmpty()) {
            return new String[0];
        }
        return info.substring(1).split("/", -1);
    }

    /** A request that cannot be served as asked, with the status and message to answer. */
    static final class BadRequest extends IOException {
        private static final long serialVersionUID = 1L;
        private final int status;

        BadRequest(int status, String message) {
            super(message);
            this.status = status;
        }

        int status() {
            return status;
        }
    }

    /** Escapes the characters that matter to HTML, besides what JSON itself requires. */
    private static final class HtmlSafeEscapes extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        private final int[] escapes;

        HtmlSafeEscapes() {
            escapes = standardAsciiEscapesForJSON();
            escapes['<'] = ESCAPE_STANDARD;
            escapes['>'] = ESCAPE_STANDARD;
            escapes['&'] = ESCAPE_STANDARD;
            escapes['\''] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return escapes;
        }

        @Override
        public com.fasterxml.jackson.core.SerializableString getEscapeSequence(int ch) {
            return null;
        }
    }
}
