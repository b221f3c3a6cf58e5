package io.signdx.source.file.internal.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.NoSuchElementException;

import org.junit.jupiter.api.Test;

class MalformedCsvTest {

    @Test
    void portalRowsWithBadValuesAreErrorsAndReadingGoesOn() {
        List<CsvRecord> all = Fixtures.all(Fixtures.MALFORMED_PORTAL);
        assertEquals(6, all.size());
        assertTrue(all.get(0).ok());
        assertError(all.get(1), 2, 3, "column 'Sign-in error code' is 'abc', not a number");
        assertError(all.get(2), 3, 4, "column 'Date (UTC)' has no date: 'yesterday'");
        assertError(all.get(3), 4, 5, "column 'Compliant' is 'maybe', not true or false");
        assertTrue(all.get(4).ok());
        assertEquals(6, all.get(4).line());
        assertError(all.get(5), 6, 7, "unterminated quoted value: the quote opened in the row starting on line 7"
                + " is never closed (reached line 7, the end of the file)");
    }

    @Test
    void logAnalyticsRowsWithBadValuesAreErrorsWithTheirStartLines() {
        List<CsvRecord> all = Fixtures.all(Fixtures.MALFORMED_LA);
        assertEquals(6, all.size());
        assertTrue(all.get(0).ok(), all.get(0).error());
        assertEquals(2, all.get(0).line());
        // record 1 spans lines 2 to 33 (multi-line JSON cells)
        assertError(all.get(1), 2, 34, "column 'ResultType' is 'abc', not a number");
        assertError(all.get(2), 3, 35, "column 'TimeGenerated [UTC]' has no date: 'yesterday'");
        assertError(all.get(3), 4, 36, "column 'ConditionalAccessPolicies' is not valid JSON at character 56:"
                + " Unrecognized token 'failure': was expecting (JSON String, Number, Array, Object or token 'null',"
                + " 'true' or 'false')");
        assertTrue(all.get(4).ok());
        assertError(all.get(5), 6, 38, "unterminated quoted value: the quote opened in the row starting on line 38"
                + " is never closed (reached line 52, the end of the file)");
    }

    @Test
    void afterBrokenCsvTheRowsEnd() throws IOException {
        try (CsvRows rows = Fixtures.open(Fixtures.MALFORMED_PORTAL)) {
            for (int i = 0; i < 6; i++) {
                rows.next();
            }
            assertFalse(rows.hasNext());
            assertFalse(rows.hasNext());
            assertThrows(NoSuchElementException.class, rows::next);
        }
    }

    @Test
    void aStrayQuoteSaysHowToFixIt() throws IOException {
        List<CsvRecord> all = Fixtures.allFromText("Date (UTC),Request ID,User\n"
                + "2026-03-02T10:00:00Z,r1,\"Adele \"AV\" Vance\"\n", "x.csv");
        assertEquals(1, all.size());
        CsvRecord r = all.get(0);
        assertEquals(2, r.line());
        assertTrue(r.error().startsWith("broken CSV at line 2: "), r.error());
        assertTrue(r.error().endsWith("(a quote inside a quoted value must be doubled: \"\")"), r.error());
    }

    @Test
    void jsonErrorsSayWhereAndInsideStringsToo() throws IOException {
        String csv = "TimeGenerated,ResultType,Id,DeviceDetail,Status\n"
                + "2026-03-02T10:00:00Z,0,a,\"{\"\"deviceId\"\": }\",\n"
                + "2026-03-02T10:00:00Z,0,b,\"\"\"{\\\"\"deviceId\\\"\":,}\"\"\",\n"
                + "2026-03-02T10:00:00Z,0,c,\"[1,2]\",\n"
                + "2026-03-02T10:00:00Z,,d,,\"{\"\"errorCode\"\":\"\"x1\"\"}\"\n";
        List<CsvRecord> all = Fixtures.allFromText(csv, "x.csv");
        assertEquals("column 'DeviceDetail' is not valid JSON at character 14: Unexpected character ('}' (code 125)):"
                + " expected a valid value (JSON String, Number, Array, Object or token 'null', 'true' or 'false')",
                all.get(0).error());
        assertTrue(all.get(1).error().startsWith("column 'DeviceDetail' holds a JSON string that is not valid JSON"
                + " at character 13: "), all.get(1).error());
        assertEquals("column 'DeviceDetail' holds JSON an array, not an object: '[1,2]'", all.get(2).error());
        assertEquals("column 'Status' is 'x1', not a number", all.get(3).error());
    }

    @Test
    void booleansAndNumbersAreChecked() throws IOException {
        String csv = "TimeGenerated [UTC],ResultType,Id,IsInteractive,ProcessingTimeInMs\n"
                + "2026-03-02T10:00:00Z,0,a,perhaps,1\n"
                + "2026-03-02T10:00:00Z,0,b,true,fast\n"
                + "\"13/2/2026, 10:00:00 AM\",0,c,true,1\n";
        List<CsvRecord> all = Fixtures.allFromText(csv, "x.csv");
        assertEquals("column 'IsInteractive' is 'perhaps', not true or false", all.get(0).error());
        assertEquals("column 'ProcessingTimeInMs' is 'fast', not a number", all.get(1).error());
        assertEquals("column 'TimeGenerated [UTC]' has no date: '13/2/2026, 10:00:00 AM'", all.get(2).error(),
                "month first: there is no month 13");
    }

    private static void assertError(CsvRecord r, long record, long line, String error) {
        assertEquals(record, r.record());
        assertEquals(line, r.line());
        assertEquals(error, r.error());
        assertNull(r.signIn());
        assertFalse(r.ok());
    }
}
