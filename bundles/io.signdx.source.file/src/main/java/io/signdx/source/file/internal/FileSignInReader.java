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

    private final ObjectMapper mapper = new ObjectMapper();
    private final JsonFactory json = mapper.getFactory();

    @Override
    public ReadReport read(Path file, boolean strict, Consumer<SignIn> sink) throws SignInReadException, IOException {
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
                format = readJson(in, tally);
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

    private String readJson(Input in, Tally tally) throws IOException, SignInReadException {
        JsonSignIns records = new JsonSignIns(mapper);
        JsonSignIns.Kind[] firstKind = {null};
        try (JsonParser p = in.utf8() ? json.createParser(in.bytes) : json.createParser(in.reader())) {
            records.read(p, e -> {
                if (firstKind[0] == null) {
                    firstKind[0] = e.kind();
                }
                try {
                    handle(e, tally);
                } catch (SignInReadException x) {
                    throw new StrictStop(x);
                }
            });
        } catch (StrictStop s) {
            throw s.cause;
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw new SignInReadException(tally.file + ": invalid JSON" + (at == null ? ""
                    : " at line " + at.getLineNr() + ", column " + at.getColumnNr()) + ": "
                    + e.getOriginalMessage() + " (nothing after this point can be read)", e);
        }
        if (tally.read == 0 && tally.rejectedCount > 0) {
            throw new SignInReadException(noSignIns(tally));
        }
        return records.shape().describe(firstKind[0]);
    }

    /** Lets a strict-mode stop travel through the parser's callback. */
    private static final class StrictStop extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final SignInReadException cause;

        StrictStop(SignInReadException cause) {
            super(null, null, false, false);
            this.cause = cause;
        }
    }

    private void handle(JsonSignIns.Element e, Tally tally) throws SignInReadException {
        tally.kinds.merge(e.kind(), 1L, Long::sum);
        String origin = tally.file + "#" + e.record();
        try {
            switch (e.kind()) {
                case GRAPH_SIGN_IN -> tally.accept(GraphSignInMapper.map(e.node(), e.node().toString(), origin));
                case AZURE_MONITOR -> tally.accept(GraphSignInMapper.map(Shapes.fromAzureMonitor(e.node()),
                        e.node().toString(), origin));
                case LOG_ANALYTICS -> tally.accept(GraphSignInMapper.map(Shapes.fromLogAnalytics(e.node()),
                        e.node().toString(), origin));
                case CA_POLICY_ROW -> tally.reject(e.record(), e.line(), "this is a row of Conditional Access policy "
                        + "results (it has policyId and result but no user), not a sign-in");
                default -> {
                    if (tally.firstUnknownKeys == null) {
                        List<String> keys = new ArrayList<>();
                        e.node().fieldNames().forEachRemaining(keys::add);
                        tally.firstUnknownKeys = keys.size() > 12 ? keys.subList(0, 12) + "…" : keys.toString();
                    }
                    tally.reject(e.record(), e.line(), "not a sign-in record: none of the known shapes matches "
                            + "(Graph sign-in, Azure Monitor record, Log Analytics row)");
                }
            }
        } catch (IllegalArgumentException x) {
            tally.reject(e.record(), e.line(), x.getMessage());
        }
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
