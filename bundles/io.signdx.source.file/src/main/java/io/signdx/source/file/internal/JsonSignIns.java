package io.signdx.source.file.internal;

import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Streams the records of a JSON export, whatever its outer shape, without holding more than one
 * record in memory:
 * <ul>
 * <li>Graph list responses {@code {"@odata.context":…, "value":[…], "@odata.nextLink":…}}, one or several
 * pages in a file, or an array of pages;</li>
 * <li>the Entra portal's JSON download (an array of beta sign-ins);</li>
 * <li>Azure Monitor diagnostic records, one per line or as {@code {"records":[…]}}, keys in any case;</li>
 * <li>Log Analytics query results (an array of rows with PascalCase columns).</li>
 * </ul>
 * Each record is classified by its own keys, so a file that mixes shapes is still read correctly.
 */
final class JsonSignIns {
    /** What a record is. */
    enum Kind {
        GRAPH_SIGN_IN("Graph sign-in"),
        AZURE_MONITOR("Azure Monitor diagnostic record"),
        LOG_ANALYTICS("Log Analytics SigninLogs row"),
        CA_POLICY_ROW("Log Analytics row of Conditional Access policy results (not a sign-in)"),
        UNKNOWN("unrecognised object");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    /**
     * One record, its number in the file (from 1) and the line it starts on. A Graph sign-in read from the
     * token stream comes as {@code graph} (its fields, valid until the next record) with a null node; every
     * other record comes as a tree. {@code raw} is the record's text as written in the file, when known.
     */
    record Element(Kind kind, ObjectNode node, GraphStream graph, String raw, long record, long line) {
        /** The record's text: as written in the file, else written again from its tree. */
        String text() {
            return raw != null ? raw : node.toString();
        }
    }

    interface Sink {
        void accept(Element e);
    }

    /** The shape of the file, for the report ("Graph beta list response (2 pages)" …). */
    static final class Shape {
        int pages;
        boolean records;
        boolean topArray;
        int topObjects;
        String odataContext;

        String describe(Kind firstKind) {
            if (pages > 0) {
                String version = odataContext != null && odataContext.contains("/v1.0/") ? "v1.0" : "beta";
                return "Graph " + version + " list response (JSON, " + pages + (pages == 1 ? " page)" : " pages)");
            }
            if (records) {
                return "Azure Monitor diagnostic records (JSON, {\"records\":[…]})";
            }
            if (firstKind == Kind.AZURE_MONITOR) {
                return "Azure Monitor diagnostic records (JSON, " + (topArray ? "array)" : "one per line)");
            }
            if (firstKind == Kind.LOG_ANALYTICS) {
                return "Log Analytics SigninLogs export (JSON)";
            }
            return topArray ? "Entra portal JSON download (array of sign-ins)" : "single Graph sign-in (JSON)";
        }
    }

    private final ObjectMapper mapper;
    private final Shape shape = new Shape();
    private final GraphStream graph;
    private final boolean keepRaw;
    private Recorder recorder;
    private long records;

    /**
     * The mapper the readers parse with. Numbers with a fraction (the coordinates of every sign-in) are read by
     * Jackson's own exact parser from its buffer rather than through a String and {@code Double.parseDouble}: the
     * same values, and no copy per number (a twentieth of what reading allocated).
     */
    static ObjectMapper mapper() {
        return new ObjectMapper(JsonFactory.builder().enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER).build());
    }

    JsonSignIns(ObjectMapper mapper) {
        this(mapper, true);
    }

    /** @param keepRaw false: a Graph sign-in read from the token stream comes without its text (raw null) */
    JsonSignIns(ObjectMapper mapper, boolean keepRaw) {
        this.mapper = mapper;
        this.graph = new GraphStream(mapper);
        this.keepRaw = keepRaw;
    }

    Shape shape() {
        return shape;
    }

    /**
     * Reads every record; throws Jackson's exception (with its location) on invalid JSON. With a recorder (the
     * bytes the parser reads) Graph sign-ins are read from the token stream and every record's text is cut
     * from the input; without one, each record is read as a tree.
     */
    void read(JsonParser p, Recorder bytes, Sink sink) throws IOException {
        this.recorder = bytes;
        JsonToken t;
        while ((t = p.nextToken()) != null) {
            if (t == JsonToken.START_ARRAY) {
                shape.topArray = true;
                readArray(p, sink);
            } else if (t == JsonToken.START_OBJECT) {
                shape.topObjects++;
                readTopObject(p, sink);
            } else {
                throw new com.fasterxml.jackson.core.JsonParseException(p,
                        "expected a JSON object or array at the top level, found " + t);
            }
        }
    }

    /** Array elements: records, or Graph pages (objects with a "value" array). */
    private void readArray(JsonParser p, Sink sink) throws IOException {
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == JsonToken.START_OBJECT) {
                readTopObject(p, sink);
            } else {
                long line = p.currentTokenLocation().getLineNr();
                JsonNode value = mapper.readTree(p);
                sink.accept(new Element(Kind.UNKNOWN, mapper.createObjectNode().set("value", value), null, null,
                        ++records, line));
            }
        }
    }

    /**
     * An object at the top (or in a top array): a page or records wrapper whose array is streamed, or
     * a record itself. Fields are read one by one so that a huge "value" array is never held whole.
     */
    private void readTopObject(JsonParser p, Sink sink) throws IOException {
        var at = p.currentTokenLocation();
        long line = at.getLineNr();
        long start = at.getByteOffset();
        ObjectNode fields = recorder == null ? mapper.createObjectNode() : null;
        if (recorder != null) {
            recorder.release(start);
            graph.reset();
        }
        boolean wrapper = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if (value == JsonToken.START_ARRAY && (name.equalsIgnoreCase("value") || name.equalsIgnoreCase("records"))) {
                wrapper = true;
                if (name.equalsIgnoreCase("value")) {
                    shape.pages++;
                } else {
                    shape.records = true;
                }
                readRecords(p, sink);
                if (recorder != null) {
                    graph.reset();
                }
            } else if (name.equals("@odata.context")) {
                JsonNode context = mapper.readTree(p);
                shape.odataContext = context.asText();
                if (fields != null) {
                    fields.set(name, context);
                }
            } else if (fields != null) {
                fields.set(name, mapper.readTree(p));
            } else {
                graph.field(p, name);
            }
        }
        if (!wrapper) {
            records++;
            if (fields != null) {
                sink.accept(new Element(classify(fields), fields, null, null, records, line));
            } else {
                emitStreamed(p, start, line, sink);
            }
        }
    }

    /** The elements of a "value" or "records" array: one record each. */
    private void readRecords(JsonParser p, Sink sink) throws IOException {
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            var at = p.currentTokenLocation();
            long line = at.getLineNr();
            if (t == JsonToken.START_OBJECT && recorder != null) {
                long start = at.getByteOffset();
                recorder.release(start);
                graph.reset();
                String name = null;
                while ((name = graph.nextName(p, name)) != null) {
                    p.nextToken();
                    graph.field(p, name);
                }
                records++;
                emitStreamed(p, start, line, sink);
            } else {
                emit(mapper.readTree(p), line, sink);
            }
        }
    }

    /** A record read from the token stream, the parser on its END_OBJECT: classified by its keys. */
    private void emitStreamed(JsonParser p, long start, long line, Sink sink) throws IOException {
        long end = p.currentTokenLocation().getByteOffset() + 1;
        Kind kind = classify(graph.keys());
        if (kind == Kind.GRAPH_SIGN_IN) {
            // the text is a copy of the record: a third of what reading allocates, needless when only counting
            sink.accept(new Element(kind, null, graph, keepRaw ? recorder.text(start, end) : null, records, line));
        } else {
            String raw = recorder.text(start, end);
            // the other shapes are mapped from a tree: read the record's own text again
            ObjectNode node = (ObjectNode) mapper.readTree(raw);
            sink.accept(new Element(classify(node), node, null, raw, records, line));
        }
    }

    private void emit(JsonNode element, long line, Sink sink) {
        records++;
        if (!element.isObject()) {
            sink.accept(new Element(Kind.UNKNOWN, mapper.createObjectNode().set("value", element), null, null,
                    records, line));
            return;
        }
        ObjectNode o = (ObjectNode) element;
        sink.accept(new Element(classify(o), o, null, null, records, line));
    }

    /** {@link #classify(ObjectNode)} from the key bits {@link GraphStream#keys} collects. */
    static Kind classify(int k) {
        if ((k & GraphStream.HAS_PROPERTIES) != 0 && (k & (GraphStream.HAS_CATEGORY | GraphStream.HAS_OPERATION_NAME
                | GraphStream.HAS_TIME)) != 0) {
            return Kind.AZURE_MONITOR;
        }
        if ((k & (GraphStream.EXACT_TIME_GENERATED | GraphStream.EXACT_RESULT_TYPE
                | GraphStream.EXACT_USER_PRINCIPAL_NAME)) != 0) {
            return (k & GraphStream.EXACT_POLICY_ID) != 0 && (k & GraphStream.EXACT_USER_PRINCIPAL_NAME) == 0
                    ? Kind.CA_POLICY_ROW : Kind.LOG_ANALYTICS;
        }
        if ((k & GraphStream.HAS_POLICY_ID) != 0 && (k & GraphStream.HAS_RESULT) != 0
                && (k & GraphStream.HAS_USER_PRINCIPAL_NAME) == 0) {
            return Kind.CA_POLICY_ROW;
        }
        if ((k & (GraphStream.HAS_CREATED | GraphStream.HAS_USER_PRINCIPAL_NAME)) != 0
                || (k & GraphStream.HAS_STATUS) != 0 && (k & GraphStream.HAS_ID) != 0) {
            return Kind.GRAPH_SIGN_IN;
        }
        return Kind.UNKNOWN;
    }

    static Kind classify(ObjectNode o) {
        if (has(o, "properties") && (has(o, "category") || has(o, "operationName") || has(o, "time"))) {
            return Kind.AZURE_MONITOR;
        }
        if (o.has("TimeGenerated") || o.has("ResultType") || o.has("UserPrincipalName")) {
            return o.has("policyId") && !o.has("UserPrincipalName") ? Kind.CA_POLICY_ROW : Kind.LOG_ANALYTICS;
        }
        if (has(o, "policyId") && has(o, "result") && !has(o, "userPrincipalName")) {
            return Kind.CA_POLICY_ROW;
        }
        if (has(o, "createdDateTime") || has(o, "userPrincipalName") || has(o, "status") && has(o, "id")) {
            return Kind.GRAPH_SIGN_IN;
        }
        return Kind.UNKNOWN;
    }

    private static boolean has(ObjectNode o, String name) {
        if (o.has(name)) {
            return true;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext();) {
            if (it.next().getKey().equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }
}
