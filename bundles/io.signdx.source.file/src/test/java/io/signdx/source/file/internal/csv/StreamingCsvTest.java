package io.signdx.source.file.internal.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A 200,000-row portal download is read row by row: the reader is never far ahead of the rows. */
class StreamingCsvTest {

    private static final int ROWS = 200_000;
    private static final String HEADER = "Date (UTC),Request ID,User agent,Correlation ID,User ID,User,Username,"
            + "Incoming token type,Application,Application ID ,Resource,Resource ID ,IP address,Location,Status,"
            + "Sign-in error code,Failure reason,Client app,Compliant,Managed,Incoming token type,Conditional Access\n";

    /** Counts the characters the CSV reader has taken so far. */
    private static final class CountingReader extends FilterReader {
        long chars;

        CountingReader(Reader in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (c >= 0) {
                chars++;
            }
            return c;
        }

        @Override
        public int read(char[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0) {
                chars += n;
            }
            return n;
        }
    }

    private static Path generate(Path dir) throws IOException {
        Path file = dir.resolve("InteractiveSignIns_2026-03-01_2026-03-31.csv");
        Instant start = Instant.parse("2026-03-01T00:00:00Z");
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
            w.write(HEADER);
            for (int i = 1; i <= ROWS; i++) {
                boolean ok = i % 3 != 0;
                // every 50,000th row has an error code that is no number
                String code = i % 50_000 == 0 ? "n/a" : ok ? "0" : "50126";
                w.write(start.plusSeconds(i * 10L).toString());
                w.write(",r");
                w.write(Integer.toString(i));
                w.write(",\"Mozilla/5.0 (X11; Linux x86_64)\",c");
                w.write(Integer.toString(i));
                w.write(",u1,\"Vance, Adele\",adele@contoso.example,,OfficeHome,a1,Microsoft Graph,g1,"
                        + "203.0.113.10,\"Redmond, Washington, US\",");
                w.write(ok ? "Success" : "Failure");
                w.write(',');
                w.write(code);
                w.write(ok ? ",,Browser,True,True,None,Success\n"
                        : ",\"Invalid username or password.\",Browser,False,False,None,Not Applied\n");
            }
        }
        return file;
    }

    @Test
    void streamsTwoHundredThousandRows(@TempDir Path dir) throws IOException {
        Path file = generate(dir);
        long size = Files.size(file);
        assertTrue(size > 30_000_000L, "a file of " + size + " bytes");

        CountingReader counting = new CountingReader(Files.newBufferedReader(file, StandardCharsets.UTF_8));
        long count = 0;
        long failures = 0;
        long errors = 0;
        long readAfterFirst = -1;
        long readAtHalf = -1;
        CsvRecord last = null;
        try (CsvRows rows = CsvSignIns.open(counting, file.getFileName().toString())) {
            while (rows.hasNext()) {
                CsvRecord r = rows.next();
                count++;
                assertEquals(count, r.record());
                if (r.ok()) {
                    if (r.signIn().get("status").get("errorCode").asInt() == 50126) {
                        failures++;
                    }
                } else {
                    errors++;
                    assertEquals("column 'Sign-in error code' is 'n/a', not a number", r.error());
                }
                if (count == 1) {
                    readAfterFirst = counting.chars;
                    assertEquals("2026-03-01T00:00:10Z", r.signIn().get("createdDateTime").asText());
                    assertEquals("Vance, Adele", r.signIn().get("userDisplayName").asText());
                    assertEquals("interactiveUser", r.signIn().get("signInEventTypes").get(0).asText());
                } else if (count == ROWS / 2) {
                    readAtHalf = counting.chars;
                }
                last = r;
            }
        }
        assertEquals(ROWS, count);
        assertEquals(4, errors);
        assertEquals(ROWS / 3 - 1, failures, "every third row failed, but row 150,000 is one of the errors");
        assertEquals(ROWS + 1L, last.line());
        assertEquals(ROWS, last.record());
        assertEquals("column 'Sign-in error code' is 'n/a', not a number", last.error(), "row 200,000 is an error");
        // streaming: after the first row only a buffer's worth was read, at the middle about half the file
        assertTrue(readAfterFirst < 64 * 1024, "read " + readAfterFirst + " characters for the first row");
        assertTrue(readAtHalf < size * 0.55 && readAtHalf > size * 0.45,
                "read " + readAtHalf + " of " + size + " characters at the middle");
    }
}
