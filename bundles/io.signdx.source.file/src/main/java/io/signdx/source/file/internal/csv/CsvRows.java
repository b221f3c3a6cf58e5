package io.signdx.source.file.internal.csv;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The data rows of one CSV sign-in export, converted one at a time as they are read (only the current
 * row is in memory). A row that cannot be converted comes back as a {@link CsvRecord} with an error and
 * reading goes on; broken CSV (a quote never closed) ends the rows with one last error record. Reading
 * failures of the underlying reader surface as {@link UncheckedIOException}. Close it to close the reader.
 */
public final class CsvRows implements Iterator<CsvRecord>, AutoCloseable {

    private final RowReader rows;
    private final Header header;
    private final CsvSignIns.Kind kind;
    private final SignInMapper mapper;
    private final String fileName;

    private Map<String, ArrayNode> authDetails;
    private CsvRecord pending;
    private boolean done;
    private long record;

    CsvRows(RowReader rows, Header header, CsvSignIns.Kind kind, SignInMapper mapper, String fileName) {
        this.rows = rows;
        this.header = header;
        this.kind = kind;
        this.mapper = mapper;
        this.fileName = fileName;
    }

    /** The kind of export: {@link CsvSignIns.Kind#PORTAL} or {@link CsvSignIns.Kind#LOG_ANALYTICS}. */
    public CsvSignIns.Kind kind() {
        return kind;
    }

    /** The header's column names as written (trimmed, byte order mark removed). */
    public List<String> header() {
        return header.names();
    }

    /** The file name given to {@link CsvSignIns#open}. */
    public String fileName() {
        return fileName;
    }

    /** How many data rows were read so far. */
    public long records() {
        return record;
    }

    /**
     * Sets {@code authenticationDetails} on every sign-in returned from now on whose {@code id} is a key of this map
     * (filled by {@link CsvSignIns#joinAuthDetails}); null stops joining.
     *
     * @return this
     */
    public CsvRows withAuthDetails(Map<String, ArrayNode> byRequestId) {
        this.authDetails = byRequestId;
        return this;
    }

    @Override
    public boolean hasNext() {
        if (pending == null && !done) {
            pending = advance();
        }
        return pending != null;
    }

    @Override
    public CsvRecord next() {
        if (!hasNext()) {
            throw new NoSuchElementException(fileName + ": no more rows");
        }
        CsvRecord r = pending;
        pending = null;
        if (r.ok()) {
            join(r.signIn());
        }
        return r;
    }

    private CsvRecord advance() {
        RowReader.Row row;
        try {
            row = rows.next();
        } catch (RowReader.SyntaxException e) {
            done = true;
            record++;
            return new CsvRecord(record, e.line, null, e.getMessage());
        } catch (IOException e) {
            done = true;
            throw new UncheckedIOException(fileName + ": cannot read: " + e.getMessage(), e);
        }
        if (row == null) {
            done = true;
            return null;
        }
        record++;
        try {
            return new CsvRecord(record, row.line(), mapper.map(row.cells()), null);
        } catch (RowException e) {
            return new CsvRecord(record, row.line(), null, e.getMessage());
        }
    }

    private void join(ObjectNode signIn) {
        if (authDetails == null || authDetails.isEmpty()) {
            return;
        }
        JsonNode id = signIn.get("id");
        if (id == null) {
            return;
        }
        ArrayNode steps = authDetails.get(id.asText());
        if (steps != null) {
            signIn.set("authenticationDetails", steps.deepCopy());
        }
    }

    /** Closes the reader. */
    @Override
    public void close() {
        done = true;
        pending = null;
        try {
            rows.close();
        } catch (IOException e) {
            throw new UncheckedIOException(fileName + ": cannot close: " + e.getMessage(), e);
        }
    }
}
