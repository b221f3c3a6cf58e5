package io.signdx.source.file.internal;

import static io.signdx.source.file.internal.FileSignInReaderTest.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.signdx.api.ingest.ReadReport;
import io.signdx.api.model.AuthenticationContext;
import io.signdx.api.model.SignIn;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code originalTransferMethod} and {@code authenticationContextClassReferences} through every reader: Graph beta
 * (streamed), Azure Monitor, Log Analytics JSON and CSV, the portal's CSV. Null means "not recorded", an empty
 * list "nothing was asked for"; the two must never be confused.
 */
class TransferMethodAndAuthContextTest {
    private static final AuthenticationContext C1_REQUIRED = new AuthenticationContext("c1", "required");
    private static final AuthenticationContext REGISTER_SECURITY_INFO_SATISFIED =
            new AuthenticationContext("urn:user:registersecurityinfo", "previouslySatisfied");

    @TempDir
    Path dir;

    private final FileSignInReader reader = new FileSignInReader();

    /** The sign-ins of a file by id; each one also read again from its raw record, as a store does. */
    private Map<String, SignIn> read(Path file, ReadReport[] report) throws Exception {
        List<SignIn> all = new ArrayList<>();
        report[0] = reader.read(file, false, all::add);
        Map<String, SignIn> byId = new LinkedHashMap<>();
        RecordReader again = new RecordReader();
        for (SignIn s : all) {
            byId.put(s.id(), s);
            if (s.raw() != null && s.raw().startsWith("{")) {
                SignIn r = again.read(s.raw(), s.origin());
                assertEquals(s.originalTransferMethod(), r.originalTransferMethod(), s.origin());
                assertEquals(s.authenticationContextClassReferences(), r.authenticationContextClassReferences(),
                        s.origin());
            }
        }
        return byId;
    }

    private Map<String, SignIn> read(String fixture, ReadReport[] report) throws Exception {
        return read(resource(fixture), report);
    }

    @Test
    void graphBetaListResponse() throws Exception {
        ReadReport[] r = new ReadReport[1];
        Map<String, SignIn> s = read("json/graph-beta-auth-context.json", r);
        assertEquals(7, r[0].read(), r[0].toString());
        assertEquals("deviceCodeFlow", s.get("ac-1").originalTransferMethod());
        assertEquals(List.of(new AuthenticationContext("urn:user:registersecurityinfo", "required"),
                new AuthenticationContext("c1", "previouslySatisfied")), s.get("ac-1").authenticationContextClassReferences());
        assertEquals(List.of(new AuthenticationContext("c2", "required"), new AuthenticationContext("c3", null)),
                s.get("ac-2").authenticationContextClassReferences());
        assertSame(List.of(), s.get("ac-3").authenticationContextClassReferences());
        assertNull(s.get("ac-4").authenticationContextClassReferences());
        assertNull(s.get("ac-4").originalTransferMethod());
        assertNull(s.get("ac-5").authenticationContextClassReferences());
        assertNull(s.get("ac-6").originalTransferMethod(), "blank");

        // without the records' text: the same values
        List<SignIn> fields = new ArrayList<>();
        reader.readFields(resource("json/graph-beta-auth-context.json"), false, fields::add);
        for (SignIn f : fields) {
            assertNull(f.raw());
            assertEquals(s.get(f.id()).originalTransferMethod(), f.originalTransferMethod(), f.id());
            assertEquals(s.get(f.id()).authenticationContextClassReferences(), f.authenticationContextClassReferences(),
                    f.id());
        }
    }

    @Test
    void azureMonitorRecordsCarryThemInProperties() throws Exception {
        ReadReport[] r = new ReadReport[1];
        Map<String, SignIn> s = read("json/azure-monitor-auth-context.json", r);
        assertEquals("Azure Monitor diagnostic records (JSON, one per line)", r[0].format());
        assertEquals(3, r[0].read(), r[0].toString());
        SignIn first = s.get("amc-1");
        assertEquals("deviceCodeFlow", first.originalTransferMethod());
        assertEquals(List.of(C1_REQUIRED, new AuthenticationContext("urn:user:registerdevice", "required")),
                first.authenticationContextClassReferences());
        assertTrue(first.authenticationContextClassReferences().get(1).isUserAction());
        // PascalCase envelope and PascalCase keys inside Properties
        assertEquals("none", s.get("amc-2").originalTransferMethod());
        assertSame(List.of(), s.get("amc-2").authenticationContextClassReferences());
        assertNull(s.get("amc-3").originalTransferMethod());
        assertNull(s.get("amc-3").authenticationContextClassReferences());
    }

    @Test
    void logAnalyticsJsonRows() throws Exception {
        ReadReport[] r = new ReadReport[1];
        Map<String, SignIn> s = read("json/log-analytics-auth-context.json", r);
        assertEquals("Log Analytics SigninLogs export (JSON)", r[0].format());
        assertEquals(4, r[0].read(), r[0].toString());
        // the dynamic column as a JSON string
        assertEquals("deviceCodeFlow", s.get("lac-1").originalTransferMethod());
        assertEquals(List.of(C1_REQUIRED, REGISTER_SECURITY_INFO_SATISFIED),
                s.get("lac-1").authenticationContextClassReferences());
        // as JSON, in a _dynamic column; an empty OriginalTransferMethod is not recorded
        assertNull(s.get("lac-2").originalTransferMethod());
        assertEquals(List.of(new AuthenticationContext("c2", "required")),
                s.get("lac-2").authenticationContextClassReferences());
        assertEquals("none", s.get("lac-3").originalTransferMethod());
        assertSame(List.of(), s.get("lac-3").authenticationContextClassReferences(), "\"[]\"");
        assertNull(s.get("lac-4").authenticationContextClassReferences(), "an empty cell is not recorded");
        // broken JSON rejects the record, as in the other dynamic columns
        assertEquals(1, r[0].rejectedCount());
        assertEquals(5, r[0].rejected().get(0).record());
        assertTrue(r[0].rejected().get(0).reason().startsWith(
                "field 'authenticationContextClassReferences' holds text that is not valid JSON"), r[0].toString());
    }

    @Test
    void logAnalyticsCsv() throws Exception {
        ReadReport[] r = new ReadReport[1];
        Map<String, SignIn> s = read("csv/SigninLogs_authcontext_loganalytics_export.csv", r);
        assertEquals("Log Analytics sign-in CSV", r[0].format());
        assertEquals(4, r[0].read(), r[0].toString());
        SignIn full = s.get("33333333-3333-4333-8333-000000000301");
        assertEquals("deviceCodeFlow", full.originalTransferMethod());
        assertEquals(List.of(C1_REQUIRED, REGISTER_SECURITY_INFO_SATISFIED), full.authenticationContextClassReferences());
        SignIn empty = s.get("33333333-3333-4333-8333-000000000302");
        assertNull(empty.originalTransferMethod(), "empty cell");
        assertNull(empty.authenticationContextClassReferences(), "empty cell: not recorded");
        SignIn none = s.get("33333333-3333-4333-8333-000000000303");
        assertEquals("none", none.originalTransferMethod(), "None as the enum value");
        assertSame(List.of(), none.authenticationContextClassReferences());
        SignIn nested = s.get("33333333-3333-4333-8333-000000000304");
        assertEquals("authenticationTransfer", nested.originalTransferMethod());
        assertEquals(List.of(new AuthenticationContext("c2", "required")), nested.authenticationContextClassReferences(),
                "a JSON string holding the JSON; the entry without id is skipped");
        assertEquals(1, r[0].rejectedCount());
        assertEquals(5, r[0].rejected().get(0).record());
        assertTrue(r[0].rejected().get(0).reason().startsWith(
                "column 'AuthenticationContextClassReferences' is not valid JSON"), r[0].toString());
    }

    @Test
    void logAnalyticsCsvStringVariantOfTheDynamicColumn() throws Exception {
        Path f = dir.resolve("SigninLogs.csv");
        Files.writeString(f, "TimeGenerated [UTC],ResultType,Id,AuthenticationContextClassReferences_dynamic,"
                + "AuthenticationContextClassReferences_string,OriginalTransferMethod [string]\n"
                + "2026-03-03T10:00:00Z,0,s1,,\"[{\"\"id\"\":\"\"c1\"\",\"\"detail\"\":\"\"required\"\"}]\",deviceCodeFlow\n"
                + "2026-03-03T10:00:01Z,0,s2,[],,\n");
        ReadReport[] r = new ReadReport[1];
        Map<String, SignIn> s = read(f, r);
        assertEquals(2, r[0].read(), r[0].toString());
        assertEquals(List.of(C1_REQUIRED), s.get("s1").authenticationContextClassReferences());
        assertEquals("deviceCodeFlow", s.get("s1").originalTransferMethod());
        assertSame(List.of(), s.get("s2").authenticationContextClassReferences());
        assertNull(s.get("s2").originalTransferMethod());
    }

    /**
     * The portal's CSV has no authentication contexts. It does have an "Original transfer method" column (the
     * fixture's rows say "None"), which is read; without that column the value is not recorded.
     */
    @Test
    void portalCsv() throws Exception {
        ReadReport[] r = new ReadReport[1];
        Map<String, SignIn> s = read("csv/InteractiveSignIns_2026-03-02_2026-03-03.csv", r);
        assertEquals(4, s.size());
        for (SignIn x : s.values()) {
            assertNull(x.authenticationContextClassReferences(), x.origin());
            assertEquals("none", x.originalTransferMethod(), x.origin());
        }
        Path f = dir.resolve("InteractiveSignIns_2026-03-04_2026-03-05.csv");
        Files.writeString(f, "Date (UTC),Request ID,Username,Status\n"
                + "2026-03-04T10:00:00Z,p1,megan.bowen@contoso.example,Success\n");
        s = read(f, r);
        assertEquals(1, s.size(), r[0].toString());
        assertNull(s.get("p1").originalTransferMethod());
        assertNull(s.get("p1").authenticationContextClassReferences());
    }
}
