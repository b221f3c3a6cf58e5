package io.signdx.source.file.internal.csv;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a CSV file row by row with Jackson's streaming {@link CsvParser} (no schema: every row is an
 * array of strings, the header is just the first row). Keeps one row in memory; knows the physical
 * line each row starts on (quoted cells may span lines). Blank lines are skipped.
 */
final class RowReader implements Closeable {

    private static final CsvFactory FACTORY = CsvFactory.builder().build();

    /** One row: the physical line it starts on (from 1) and its cells as written (never null). */
    record Row(long line, String[] cells) {
    }

    /** The CSV itself is broken at a row: no later row can be read. */
    static final class SyntaxException extends IOException {
        private static final long serialVersionUID = 1L;
        final long line;

        SyntaxException(long line, String message, Throwable cause) {
            super(message, cause);
            this.line = line;
        }
    }

    private final Reader reader;
    private final CsvParser parser;
    private long nextRowLine = 1;
    private int expected = 16;

    RowReader(Reader reader) throws IOException {
        this.reader = reader;
        this.parser = FACTORY.createParser(reader);
        this.parser.setSchema(CsvSchema.emptySchema());
    }

    /** The next non-blank row, or null at the end of the file. */
    Row next() throws IOException {
        while (true) {
            long line = -1;
            List<String> cells = new ArrayList<>(expected);
            try {
                JsonToken t = parser.nextToken();
                if (t == null) {
                    return null;
                }
                if (t != JsonToken.START_ARRAY) {
                    throw new SyntaxException(nextRowLine, "unexpected CSV content (" + t + ")", null);
                }
                while ((t = parser.nextToken()) != JsonToken.END_ARRAY) {
                    if (t == null) {
                        break;
                    }
                    if (line < 0) {
                        line = parser.currentTokenLocation().getLineNr();
                    }
                    cells.add(parser.getText());
                }
                nextRowLine = parser.currentLocation().getLineNr();
            } catch (StreamReadException e) {
                long at = line > 0 ? line : nextRowLine;
                throw new SyntaxException(at, describe(e, at), e);
            }
            if (line < 0) {
                line = nextRowLine;
            }
            if (blank(cells)) {
                continue;
            }
            expected = Math.max(expected, cells.size());
            return new Row(line, cells.toArray(new String[0]));
        }
    }

    private static boolean blank(List<String> cells) {
        for (String c : cells) {
            if (c != null && !c.isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static String describe(StreamReadException e, long rowLine) {
        String m = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        long at = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
        if (m.toLowerCase(java.util.Locale.ROOT).contains("missing closing quote")) {
            return "unterminated quoted value: the quote opened in the row starting on line " + rowLine
                    + " is never closed (reached " + (at > 0 ? "line " + at + ", " : "") + "the end of the file)";
        }
        String hint = m.contains("Expected column separator")
                ? " (a quote inside a quoted value must be doubled: \"\")" : "";
        return "broken CSV" + (at > 0 ? " at line " + at : "") + ": " + m + hint;
    }

    @Override
    public void close() throws IOException {
        try {
            parser.close();
        } finally {
            reader.close();
        }
    }
}
