package io.signdx.source.file.internal.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.signdx.source.file.internal.csv.CsvSignIns.Kind;

import java.io.IOException;
import java.io.StringReader;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class CsvDetectionTest {

    private static List<String> header(String fixture) throws IOException {
        String text = Fixtures.text(fixture);
        // the header line of every fixture is a plain comma list without quotes
        String first = text.substring(0, text.indexOf('\n')).replace("\r", "");
        return Arrays.asList(first.split(",", -1));
    }

    @Test
    void detectsEveryFixture() throws IOException {
        assertEquals(Kind.PORTAL, CsvSignIns.detect(header(Fixtures.PORTAL)));
        assertEquals(Kind.AUTH_DETAILS, CsvSignIns.detect(header(Fixtures.PORTAL_AUTH)));
        assertEquals(Kind.LOG_ANALYTICS, CsvSignIns.detect(header(Fixtures.SIGNIN_LOGS)));
        assertEquals(Kind.LOG_ANALYTICS, CsvSignIns.detect(header(Fixtures.NON_INTERACTIVE)));
        assertEquals(Kind.UNKNOWN, CsvSignIns.detect(List.of("Foo", "Bar")));
        assertEquals(Kind.UNKNOWN, CsvSignIns.detect(List.of()));
    }

    @Test
    void headersMatchLeniently() {
        // byte order mark, odd case, inner and outer whitespace
        assertEquals(Kind.PORTAL, CsvSignIns.detect(List.of("\uFEFF  date   (utc) ", "REQUEST  ID ")));
        // Log Analytics [UTC] suffixes, PascalCase in any case
        assertEquals(Kind.LOG_ANALYTICS,
                CsvSignIns.detect(List.of("TimeGenerated [UTC]", "resulttype", "USERPRINCIPALNAME")));
        assertEquals(Kind.LOG_ANALYTICS,
                CsvSignIns.detect(List.of("CreatedDateTime [UTC]", "Status_dynamic", "Status_string", "Id")));
        // repeated columns are fine
        assertEquals(Kind.PORTAL, CsvSignIns.detect(List.of("Date (UTC)", "Request ID", "Incoming token type",
                "Incoming token type")));
    }

    @Test
    void whyNotGivesShortReasons() throws IOException {
        List<String> portal = header(Fixtures.PORTAL);
        List<String> la = header(Fixtures.SIGNIN_LOGS);
        List<String> auth = header(Fixtures.PORTAL_AUTH);

        assertNull(CsvSignIns.whyNot(Kind.PORTAL, portal));
        assertNull(CsvSignIns.whyNot(Kind.LOG_ANALYTICS, la));
        assertNull(CsvSignIns.whyNot(Kind.AUTH_DETAILS, auth));

        assertEquals("no 'Request ID' or 'Date (UTC)' column", CsvSignIns.whyNot(Kind.PORTAL, la));
        assertEquals("no 'Date (UTC)' column", CsvSignIns.whyNot(Kind.PORTAL, auth));
        assertEquals("no 'Request ID' column", CsvSignIns.whyNot(Kind.PORTAL, List.of("Date (UTC)", "User")));
        assertEquals("no 'TimeGenerated' or 'CreatedDateTime' column; no 'ResultType' or 'Status' column;"
                + " no 'Id', 'OriginalRequestId', 'CorrelationId', 'UserPrincipalName' or 'AppId' column",
                CsvSignIns.whyNot(Kind.LOG_ANALYTICS, auth));
        assertEquals("no 'ResultType' or 'Status' column",
                CsvSignIns.whyNot(Kind.LOG_ANALYTICS, List.of("TimeGenerated [UTC]", "UserPrincipalName")));
        String laWhy = CsvSignIns.whyNot(Kind.LOG_ANALYTICS, List.of("Foo"));
        assertTrue(laWhy.startsWith("no 'TimeGenerated' or 'CreatedDateTime' column; "), laWhy);
        assertTrue(laWhy.contains("'UserPrincipalName'"), laWhy);
        assertEquals("no 'Authentication method' column; no 'Succeeded', 'Result detail' or 'Requirement' column;"
                + " it has sign-in columns ('Username', 'Application' or 'Sign-in error code')",
                CsvSignIns.whyNot(Kind.AUTH_DETAILS, portal));
        assertEquals("it is an Entra portal sign-in CSV", CsvSignIns.whyNot(Kind.UNKNOWN, portal));
        assertNull(CsvSignIns.whyNot(Kind.UNKNOWN, List.of("Foo")));
        assertEquals("the file has no header line", CsvSignIns.whyNot(Kind.PORTAL, List.of()));
    }

    @Test
    void whyNotNamesTheMoreSpecificKindThatWon() {
        // an AuthDetails file that also carries a Date (UTC) column would do as a portal header,
        // but it is the authentication details file
        List<String> h = List.of("Request ID", "Date (UTC)", "Authentication method", "Succeeded");
        assertEquals(Kind.AUTH_DETAILS, CsvSignIns.detect(h));
        assertEquals("it is an Entra portal authentication details CSV", CsvSignIns.whyNot(Kind.PORTAL, h));
    }

    @Test
    void openRejectsAnUnknownFileListingTheFormatsTried() {
        CsvFormatException e = assertThrows(CsvFormatException.class,
                () -> CsvSignIns.open(new StringReader("Foo,Bar\n1,2\n"), "notes.csv"));
        assertEquals(Kind.UNKNOWN, e.kind());
        assertEquals("notes.csv", e.fileName());
        assertEquals("notes.csv: not a sign-in CSV export; tried Entra portal sign-in CSV: no 'Request ID' or"
                + " 'Date (UTC)' column; Log Analytics sign-in CSV: no 'TimeGenerated' or 'CreatedDateTime' column;"
                + " no 'ResultType' or 'Status' column; no 'Id', 'OriginalRequestId', 'CorrelationId',"
                + " 'UserPrincipalName' or 'AppId' column (columns: 'Foo', 'Bar')", e.getMessage());
    }

    @Test
    void openRejectsTheAuthDetailsFileAndEmptyFiles() {
        CsvFormatException auth = assertThrows(CsvFormatException.class,
                () -> CsvSignIns.open(Fixtures.reader(Fixtures.PORTAL_AUTH), Fixtures.PORTAL_AUTH));
        assertEquals(Kind.AUTH_DETAILS, auth.kind());
        assertTrue(auth.getMessage().contains("join this file to it by Request ID"), auth.getMessage());

        CsvFormatException empty = assertThrows(CsvFormatException.class,
                () -> CsvSignIns.open(new StringReader("\n\r\n  \n"), "empty.csv"));
        assertEquals("empty.csv: the file is empty: no header line", empty.getMessage());
        assertNull(empty.kind());
    }

    @Test
    void openSkipsAnExcelSeparatorHint() throws IOException {
        try (CsvRows rows = CsvSignIns.open(new StringReader("sep=,\nDate (UTC),Request ID\n2026-03-02T10:00:00Z,r1\n"),
                "hint.csv")) {
            assertEquals(Kind.PORTAL, rows.kind());
            assertEquals(List.of("Date (UTC)", "Request ID"), rows.header());
            CsvRecord r = rows.next();
            assertEquals("r1", r.signIn().get("id").asText());
            assertEquals(3, r.line());
        }
    }

    @Test
    void aBrokenHeaderIsReportedWithItsLine() {
        CsvFormatException e = assertThrows(CsvFormatException.class,
                () -> CsvSignIns.open(new StringReader("Date (UTC),\"Request ID\n"), "broken.csv"));
        assertEquals(1, e.line());
        assertTrue(e.getMessage().startsWith("broken.csv: line 1: header: unterminated quoted value"), e.getMessage());
    }
}
