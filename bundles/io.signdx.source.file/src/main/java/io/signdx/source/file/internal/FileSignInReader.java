package io.signdx.source.file.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.signdx.api.ingest.ReadReport;
import io.signdx.api.ingest.Rejection;
import io.signdx.api.ingest.SignInReadException;
import io.signdx.api.ingest.SignInReader;
import io.signdx.api.model.SignIn;
import io.signdx.source.file.internal.csv.CsvFormatException;
import io.signdx.source.file.internal.csv.CsvRecord;
import io.signdx.source.file.internal.csv.CsvRows;
import io.signdx.source.file.internal.csv.CsvSignIns;

import org.osgi.service.component.annotations.Component;

/**
 * Reads every supported export format. The format is recognised from the content, never from the
 * file name: JSON ({@link JsonSignIns}) or CSV ({@link CsvSignIns}); each record is then brought to
 * Graph's shape and mapped by {@link GraphSignInMapper}. A record that cannot be understood is
 * reported with its number and line and skipped (or, in strict mode, fails the file).
 */
@Component(service = SignInReader.class)
public final class FileSignInReader implements SignInReader {
    static final int KEPT_REJECTIONS = 1000;

    private final ObjectMapper mapper = JsonSignIns.mapper();
    private final JsonFactory json = mapper.getFactory();

    @Override
    public ReadReport read(Path file, boolean strict, Consumer<SignIn> sink) throws SignInReadException, IOException {
        return read(file, strict, true, sink);
    }

    /** Graph sign-ins of JSON files come without their text; the other forms, rare and small, keep it. */
    @Override
    public ReadReport readFields(Path file, boolean strict, Consumer<SignIn> sink)
            throws SignInReadException, IOException {
        return read(file, strict, false, sink);
    }

    private ReadReport read(Path file, boolean strict, boolean keepRaw, Consumer<SignIn> sink)
            throws SignInReadException, IOException {
        String name = file.getFileName().toString();
        if (Files.isDirectory(file)) {
            throw new SignInReadException(name + ": is a folder, not an export file");
        }
        try (Input in = Input.open(file)) {
            int first = in.firstChar();
            if (first == -1) {
                throw new SignInReadException(name + ": the file is empty");
            }
            Tally tally = new Tally(name, strict, sink);
            String format;
            if (first == '{' || first == '[') {
                format = readJson(in, tally, keepRaw);
            } else {
                format = readCsv(file, in, tally);
            }
            return new ReadReport(name, (in.gzip ? "gzip, " : "") + format, tally.read, tally.rejected,
                    tally.rejectedCount);
        }
    }

    /** Counts what was read and rejected, and enforces strict mode. */
    private static final class Tally {
        final String file;
        final boolean strict;
        final Consumer<SignIn> sink;
        final List<Rejection> rejected = new ArrayList<>();
        final Map<JsonSignIns.Kind, Long> kinds = new HashMap<>();
        long read;
        long rejectedCount;
        String firstUnknownKeys;

        Tally(String file, boolean strict, Consumer<SignIn> sink) {
            this.file = file;
            this.strict = strict;
            this.sink = sink;
        }

        void accept(SignIn s) {
            read++;
            sink.accept(s);
        }

        void reject(long record, long line, String reason) throws SignInReadException {
            Rejection r = new Rejection(file, record, line, reason);
            if (strict) {
                throw new SignInReadException(r + " (strict mode: nothing from this file is kept)");
            }
            rejectedCount++;
            if (rejected.size() < KEPT_REJECTIONS) {
                rejected.add(r);
            }
        }
    }

    private String readJson(Input in, Tally tally, boolean keepRaw) throws IOException, SignInReadException {
        JsonSignIns records = new JsonSignIns(mapper, keepRaw);
        Recorder bytes = new Recorder(in.utf8Bytes());
        Records parsed = new Records(tally.file);
        // The file is parsed and mapped on a thread of its own while this one hands the sign-ins to the
        // sink, which usually stores them: on 2 cores parsing and storing then overlap instead of alternating.
        Thread parser = new Thread(() -> {
            try (JsonParser p = json.createParser(bytes)) {
                records.read(p, bytes, e -> {
                    parsed.kinds.merge(e.kind(), 1L, Long::sum);
                    parsed.add(map(e, parsed));
                });
                parsed.finish(null);
            } catch (StrictStop abandoned) {
                // the calling thread stopped listening (strict mode, or its sink failed)
            } catch (Throwable t) {
                parsed.finish(t);
            }
        }, "signdx-read " + tally.file);
        parser.setDaemon(true);
        parser.start();
        try {
            parsed.drain(tally);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw new SignInReadException(tally.file + ": invalid JSON" + (at == null ? ""
                    : " at line " + at.getLineNr() + ", column " + at.getColumnNr()) + ": "
                    + e.getOriginalMessage() + " (nothing after this point can be read)", e);
        } finally {
            parsed.cancel();
            try {
                parser.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        tally.kinds.putAll(parsed.kinds);
        tally.firstUnknownKeys = parsed.firstUnknownKeys;
        if (tally.read == 0 && tally.rejectedCount > 0) {
            throw new SignInReadException(noSignIns(tally));
        }
        return records.shape().describe(parsed.firstKind);
    }

    /** A record read: the sign-in, or why it was rejected. */
    private record Outcome(SignIn signIn, long record, long line, String reason) {
    }

    /**
     * Hands what the parsing thread reads to the calling thread, in order, in chunks through a bounded queue
     * (memory stays bounded whatever the file's size), then how the parsing ended.
     */
    private static final class Records {
        private static final int CHUNK = 256;
        private static final int CHUNK_CHARS = 1 << 20;
        private static final Object END = new Object();
        final String file;
        final Map<JsonSignIns.Kind, Long> kinds = new HashMap<>();
        JsonSignIns.Kind firstKind;
        String firstUnknownKeys;
        /**
         * Up to 24 chunks read ahead: 6,144 sign-ins of a usual size (≈ 60 MB), more than an import's batch of
         * 5,000, so that the file is parsed while the previous batch is being stored rather than after. A chunk
         * also ends at 1 MB of raw records, so that huge records cannot fill the heap.
         */
        private final java.util.concurrent.BlockingQueue<Object> queue = new java.util.concurrent.ArrayBlockingQueue<>(24);
        private List<Outcome> chunk = new ArrayList<>(CHUNK);
        private long chunkChars;
        private volatile boolean cancelled;
        private Throwable failure;

        Records(String file) {
            this.file = file;
        }

        /** On the parsing thread. */
        void add(Outcome o) {
            chunk.add(o);
            chunkChars += o.signIn() == null || o.signIn().raw() == null ? 0 : o.signIn().raw().length();
            if (chunk.size() == CHUNK || chunkChars > CHUNK_CHARS) {
                put(chunk);
                chunk = new ArrayList<>(CHUNK);
                chunkChars = 0;
            }
        }

        /** On the parsing thread, last: {@code null} when the file was read to its end. */
        void finish(Throwable t) {
            failure = t;
            try {
                if (!chunk.isEmpty()) {
                    put(chunk);
                }
                put(END);
            } catch (StrictStop abandoned) {
                // the calling thread stopped listening: nobody waits for the end
            }
        }

        private void put(Object o) {
            try {
                while (!cancelled && !queue.offer(o, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    // the reader is busy storing: wait, unless it gave up
                }
            } catch (InterruptedException e) {
                cancelled = true;
                throw new StrictStop(null);
            }
            if (cancelled) {
                throw new StrictStop(null); // unwinds the parser; the caller no longer listens
            }
        }

        /** On the calling thread: every outcome to the tally, then the parser's failure, if any. */
        void drain(Tally tally) throws IOException, SignInReadException {
            while (true) {
                Object o;
                try {
                    o = queue.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.io.InterruptedIOException("reading " + file + " was interrupted");
                }
                if (o == END) {
                    break;
                }
                @SuppressWarnings("unchecked")
                List<Outcome> outcomes = (List<Outcome>) o;
                for (Outcome r : outcomes) {
                    if (r.signIn() != null) {
                        tally.accept(r.signIn());
                    } else {
                        tally.reject(r.record(), r.line(), r.reason());
                    }
                }
            }
            // the queue's hand-over makes the parser's last writes visible here
            if (failure instanceof IOException e) {
                throw e;
            }
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
        }

        void cancel() {
            cancelled = true;
            queue.clear();
        }
    }

    /** Lets the parser stop when the calling thread no longer listens. */
    private static final class StrictStop extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StrictStop(Throwable cause) {
            super(null, cause, false, false);
        }
    }

    /** One record as a sign-in or a rejection (on the parsing thread). */
    private static Outcome map(JsonSignIns.Element e, Records parsed) {
        if (parsed.firstKind == null) {
            parsed.firstKind = e.kind();
        }
        String origin = parsed.file + "#" + e.record();
        try {
            switch (e.kind()) {
                case GRAPH_SIGN_IN:
                    return accepted(e.graph() != null ? e.graph().signIn(e.raw(), origin)
                            : GraphSignInMapper.map(e.node(), e.text(), origin), e);
                case AZURE_MONITOR:
                    return accepted(GraphSignInMapper.map(Shapes.fromAzureMonitor(e.node()), e.text(), origin), e);
                case LOG_ANALYTICS:
                    return accepted(GraphSignInMapper.map(Shapes.fromLogAnalytics(e.node()), e.text(), origin), e);
                case CA_POLICY_ROW:
                    return new Outcome(null, e.record(), e.line(), "this is a row of Conditional Access policy "
                            + "results (it has policyId and result but no user), not a sign-in");
                default:
                    if (parsed.firstUnknownKeys == null) {
                        List<String> keys = new ArrayList<>();
                        e.node().fieldNames().forEachRemaining(keys::add);
                        parsed.firstUnknownKeys = keys.size() > 12 ? keys.subList(0, 12) + "…" : keys.toString();
                    }
                    return new Outcome(null, e.record(), e.line(), "not a sign-in record: none of the known shapes "
                            + "matches (Graph sign-in, Azure Monitor record, Log Analytics row)");
            }
        } catch (IllegalArgumentException x) {
            return new Outcome(null, e.record(), e.line(), x.getMessage());
        }
    }

    private static Outcome accepted(SignIn s, JsonSignIns.Element e) {
        return new Outcome(s, e.record(), e.line(), null);
    }

    private static String noSignIns(Tally t) {
        if (t.kinds.getOrDefault(JsonSignIns.Kind.CA_POLICY_ROW, 0L) > 0 && t.kinds.size() == 1) {
            return t.file + ": holds Conditional Access policy results (one row per policy and sign-in, as a "
                    + "Log Analytics query that expands ConditionalAccessPolicies returns them), not sign-ins. "
                    + "Export the SigninLogs rows themselves.";
        }
        return t.file + ": no sign-ins found. Formats tried: Graph list response ({\"value\":[…]} of objects "
                + "with createdDateTime/userPrincipalName), Entra portal JSON array (the same objects in an array), "
                + "Azure Monitor records (objects with 'properties' and 'category' or 'time'), Log Analytics rows "
                + "(TimeGenerated/ResultType columns). The first record's keys are " + t.firstUnknownKeys
                + "; first problem: " + (t.rejected.isEmpty() ? "-" : t.rejected.get(0));
    }

    private String readCsv(Path file, Input in, Tally tally) throws IOException, SignInReadException {
        CsvRows rows;
        try {
            rows = CsvSignIns.open(in.reader(), tally.file);
        } catch (CsvFormatException e) {
            throw new SignInReadException(e.getMessage() + (e.kind() == CsvSignIns.Kind.UNKNOWN
                    ? "; JSON formats were not tried: the file does not start with { or [" : ""), e);
        }
        try (rows) {
            Map<String, ArrayNode> steps = rows.kind() == CsvSignIns.Kind.PORTAL ? authDetailsBeside(file) : Map.of();
            rows.withAuthDetails(steps);
            while (rows.hasNext()) {
                CsvRecord r = rows.next();
                if (r.error() != null) {
                    tally.reject(r.record(), r.line(), r.error());
                    continue;
                }
                try {
                    ObjectNode node = r.signIn();
                    tally.accept(GraphSignInMapper.map(node, node.toString(), tally.file + "#" + r.record()));
                } catch (IllegalArgumentException x) {
                    tally.reject(r.record(), r.line(), x.getMessage());
                }
            }
            return rows.kind().label() + (steps.isEmpty() ? "" : ", joined with its authentication details file");
        } catch (CsvFormatException e) {
            throw new SignInReadException(e.getMessage(), e);
        }
    }

    /** The portal downloads "…AuthDetails…csv" beside the sign-ins: join it when it is there. */
    private static Map<String, ArrayNode> authDetailsBeside(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Map<String, ArrayNode> byRequest = new HashMap<>();
        if (dir == null) {
            return byRequest;
        }
        try (DirectoryStream<Path> candidates = Files.newDirectoryStream(dir, "*[Aa]uth[Dd]etails*.csv*")) {
            for (Path c : candidates) {
                if (!c.equals(file.toAbsolutePath())) {
                    try (Input in = Input.open(c); Reader r = in.reader()) {
                        CsvSignIns.joinAuthDetails(r, c.getFileName().toString(), byRequest);
                    }
                }
            }
        }
        return byRequest;
    }
}
