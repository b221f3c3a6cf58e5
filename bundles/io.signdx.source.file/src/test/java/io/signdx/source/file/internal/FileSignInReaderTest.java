package io.signdx.source.file.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

import io.signdx.api.ingest.ReadReport;
import io.signdx.api.ingest.SignInReadException;
import io.signdx.api.model.AppliedPolicy;
import io.signdx.api.model.ClientApp;
import io.signdx.api.model.CrossTenantAccessType;
import io.signdx.api.model.PolicyResult;
import io.signdx.api.model.SignIn;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSignInReaderTest {
    @TempDir
    Path dir;

    private final FileSignInReader reader = new FileSignInReader();
    private final List<SignIn> read = new ArrayList<>();

    static Path resource(String name) {
        try {
            return Path.of(FileSignInReaderTest.class.getResource("/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private ReadReport read(Path file) throws Exception {
        return reader.read(file, false, read::add);
    }

    /** Reading without the records' text gives the same sign-ins, reports and rejections, on every JSON fixture. */
    @Test
    void readingFieldsOnlyGivesTheSameSignInsWithoutTheirText() throws Exception {
        List<String> files = List.of("public/graph-beta-signin-list-example.json", "json/graph-two-pages.json",
                "json/portal-array.json", "json/azure-monitor-records.json", "json/azure-monitor-lines.json",
                "json/log-analytics-rows.json", "json/malformed-records.json", "json/graph-beta-auth-context.json",
                "json/azure-monitor-auth-context.json", "json/log-analytics-auth-context.json");
        int withoutText = 0;
        for (String f : files) {
            List<SignIn> full = new ArrayList<>();
            List<SignIn> fields = new ArrayList<>();
            ReadReport a = reader.read(resource(f), false, full::add);
            ReadReport b = reader.readFields(resource(f), false, fields::add);
            assertEquals(a.toString(), b.toString(), f);
            assertEquals(full.size(), fields.size(), f);
            assertTrue(!full.isEmpty(), f);
            for (int i = 0; i < full.size(); i++) {
                SignIn x = full.get(i);
                SignIn y = fields.get(i);
                assertTrue(x.raw() != null && !x.raw().isEmpty(), f + " keeps the text when asked");
                if (y.raw() == null) {
                    withoutText++;
                }
                assertEquals(io.signdx.source.file.graph.GraphJson.toJson(x.toBuilder().raw(null).build())
                        + x.origin() + x.appliedConditionalAccessPolicies() + x.authenticationDetails(),
                        io.signdx.source.file.graph.GraphJson.toJson(y.toBuilder().raw(null).build())
                        + y.origin() + y.appliedConditionalAccessPolicies() + y.authenticationDetails(), f + " #" + i);
            }
        }
        // the Graph records read from the token stream are the ones that come without text
        assertTrue(withoutText >= 5, "sign-ins read without their text: " + withoutText);
    }

    /** Coordinates read exactly as Java reads the same text, whatever their digits, streamed or from a tree. */
    @Test
    void coordinatesAreReadExactly() throws Exception {
        String[] values = {"47.6062", "-122.3321", "0.1", "1e-7", "-0.0", "12.97160000000000000000001",
            "40.41680000000000063664629124104976654052734375", "2.2250738585072014E-308", "179.99999999999997",
            "3", "-90"};
        StringBuilder json = new StringBuilder("{\"value\":[");
        for (int i = 0; i < values.length; i++) {
            json.append(i == 0 ? "" : ",").append("{\"id\":\"r").append(i).append("\",\"createdDateTime\":")
                    .append("\"2026-11-20T09:00:00Z\",\"userPrincipalName\":\"ann@contoso.example\",")
                    .append("\"status\":{\"errorCode\":0},\"location\":{\"city\":\"X\",\"geoCoordinates\":")
                    .append("{\"latitude\":").append(values[i]).append(",\"longitude\":").append(values[i])
                    .append("}}}");
        }
        Path f = Files.writeString(dir.resolve("geo.json"), json.append("]}").toString());
        assertEquals(values.length, read(f).read());
        for (int i = 0; i < values.length; i++) {
            Double expected = Double.parseDouble(values[i]);
            assertEquals(expected, read.get(i).location().latitude(), values[i]);
            assertEquals(expected, read.get(i).location().longitude(), values[i]);
            SignIn again = new RecordReader().read(read.get(i).raw(), "again");
            assertEquals(expected, again.location().latitude(), values[i]);
        }
    }

    @Test
    void microsoftsGraphBetaExample() throws Exception {
        ReadReport r = read(resource("public/graph-beta-signin-list-example.json"));
        assertEquals("Graph beta list response (JSON, 1 page)", r.format());
        assertEquals(1, r.read());
        SignIn s = read.get(0);
        assertEquals("1691d37b-8579-43a7-966a-0f35583c1300", s.id());
        assertEquals(Instant.parse("2021-06-30T16:34:32Z"), s.createdDateTime());
        assertEquals(50126, s.errorCode());
        assertEquals("testaccount1@contoso.com", s.userPrincipalName());
        assertEquals("Redmond", s.location().city());
        assertEquals("Windows 10", s.deviceDetail().operatingSystem());
        assertEquals(ClientApp.BROWSER, s.clientApp());
        assertTrue(s.raw().contains("1691d37b"), "the raw record is kept for display");
        assertEquals("graph-beta-signin-list-example.json#1", s.origin());
    }

    @Test
    void microsoftsInvalidV1ExampleGetsAClearMessageWithThePosition() {
        SignInReadException e = assertThrows(SignInReadException.class,
                () -> read(resource("public/graph-v1-signin-list-example.json")));
        assertTrue(e.getMessage().startsWith("graph-v1-signin-list-example.json: invalid JSON at line 64, column"),
                e.getMessage());
    }

    @Test
    void azureMonitorRecordWithIntegerConditions() throws Exception {
        ReadReport r = read(resource("public/azure-monitor-record-example.json"));
        assertEquals("Azure Monitor diagnostic records (JSON, one per line)", r.format());
        SignIn s = read.get(0);
        assertEquals(50140, s.errorCode());
        assertEquals("bbbb1111-cc22-3333-44dd-555555eeeeee", s.correlationId(), "the record's own correlation id wins");
        assertEquals(5, s.appliedConditionalAccessPolicies().size());
        assertEquals(List.of("interactiveUser"), s.signInEventTypes(), "from the SignInLogs category");
        assertEquals(45.0, s.location().latitude());
    }

    @Test
    void caPolicyRowsAreRecognisedAndExplainedNotTakenForSignIns() {
        SignInReadException e = assertThrows(SignInReadException.class,
                () -> read(resource("public/log-analytics-ca-policies-example.json")));
        assertTrue(e.getMessage().contains("holds Conditional Access policy results"), e.getMessage());
    }

    @Test
    void portalArrayWithDisplayNamesStringsAndUnknownValues() throws Exception {
        ReadReport r = read(resource("json/portal-array.json"));
        assertEquals("Entra portal JSON download (array of sign-ins)", r.format());
        assertEquals(2, r.read());
        SignIn s = read.get(0);
        assertEquals(53003, s.errorCode());
        assertEquals(Instant.parse("2026-11-20T08:15:02.1234567Z"), s.createdDateTime());
        assertEquals(Boolean.TRUE, s.isInteractive());
        assertEquals(Boolean.FALSE, s.deviceDetail().isCompliant());
        assertFalse(s.deviceDetail().isRegistered());
        assertTrue(s.flaggedForReview());
        assertEquals(ClientApp.EXCHANGE_ACTIVESYNC, s.clientApp());
        assertEquals(CrossTenantAccessType.UNKNOWN, s.crossTenantAccessType());
        assertEquals("b2bTeleportation", s.crossTenantAccessTypeValue(), "an unknown value survives as text");
        AppliedPolicy legacy = s.appliedConditionalAccessPolicies().get(0);
        assertEquals(List.of("Block"), legacy.enforcedGrantControls(), "portal display names become Graph names");
        assertTrue(legacy.blocks());
        assertEquals(Set.of("application", "users", "clientType"), legacy.conditionsSatisfied());
        assertEquals(Set.of(), legacy.conditionsNotSatisfied(), "'none' is no condition");
        assertEquals(List.of("Mfa"), s.appliedConditionalAccessPolicies().get(1).enforcedGrantControls());
        assertEquals(Instant.parse("2026-11-20T08:16:00Z"), read.get(1).createdDateTime(), "a date without a zone is UTC");
    }

    @Test
    void severalGraphPagesInOneFile() throws Exception {
        ReadReport r = read(resource("json/graph-two-pages.json"));
        assertEquals("Graph beta list response (JSON, 2 pages)", r.format());
        assertEquals(List.of("p1-1", "p1-2", "p2-1"), read.stream().map(SignIn::id).toList());
    }

    @Test
    void azureMonitorLinesInAnyCaseAndRecordsWrapper() throws Exception {
        read(resource("json/azure-monitor-lines.json"));
        assertEquals(List.of("am-1", "am-2"), read.stream().map(SignIn::id).toList());
        SignIn first = read.get(0);
        assertEquals(Instant.parse("2026-11-20T02:00:00Z"), first.createdDateTime(), "time from the envelope");
        assertEquals(List.of("nonInteractiveUser"), first.signInEventTypes());
        assertEquals(Set.of("application", "users"), first.appliedConditionalAccessPolicies().get(0)
                .conditionsSatisfied(), "3 = application | users");
        assertEquals(PolicyResult.SUCCESS, first.appliedConditionalAccessPolicies().get(0).result());
        assertEquals(7000215, read.get(1).errorCode(), "the error code from the envelope's resultType");
        assertEquals("payroll-sync", read.get(1).userLabel());

        read.clear();
        ReadReport r = read(resource("json/azure-monitor-records.json"));
        assertEquals("Azure Monitor diagnostic records (JSON, {\"records\":[…]})", r.format());
        assertEquals(50074, read.get(1).errorCode());
    }

    @Test
    void logAnalyticsRowsWithDynamicColumnsAsText() throws Exception {
        ReadReport r = read(resource("json/log-analytics-rows.json"));
        assertEquals("Log Analytics SigninLogs export (JSON)", r.format());
        SignIn s = read.get(0);
        assertEquals("la-1", s.id());
        assertEquals(50126, s.errorCode());
        assertEquals("Invalid username or password", s.status().failureReason());
        assertEquals("Oslo", s.location().city());
        assertEquals("Windows 10", s.deviceDetail().operatingSystem());
        assertEquals(PolicyResult.REPORT_ONLY_FAILURE, s.appliedConditionalAccessPolicies().get(0).result());
        assertEquals(List.of("passwordSpray"), s.risk().riskEventTypes());
        assertEquals(List.of("nonInteractiveUser"), s.signInEventTypes());
        assertEquals(Instant.parse("2026-11-20T04:00:00Z"), s.createdDateTime(),
                "CreatedDateTime wins over TimeGenerated");
    }

    @Test
    void badRecordsAreReportedWithNumberAndLineAndSkipped() throws Exception {
        ReadReport r = read(resource("json/malformed-records.json"));
        assertEquals(2, r.read());
        assertEquals(List.of("ok-1", "ok-2"), read.stream().map(SignIn::id).toList());
        assertEquals(4, r.rejectedCount());
        assertEquals("malformed-records.json: record 2 (line 3): field 'status.errorCode' is 'abc', not a number",
                r.rejected().get(0).toString());
        assertEquals("malformed-records.json: record 3 (line 4): field 'createdDateTime': 'yesterday' is not a date",
                r.rejected().get(1).toString());
        assertTrue(r.rejected().get(2).reason().startsWith("not a sign-in record"));
    }

    @Test
    void strictModeFailsTheWholeFileAtTheFirstBadRecord() {
        SignInReadException e = assertThrows(SignInReadException.class,
                () -> reader.read(resource("json/malformed-records.json"), true, read::add));
        assertTrue(e.getMessage().contains("record 2 (line 3)") && e.getMessage().contains("strict mode"),
                e.getMessage());
    }

    @Test
    void gzipAndUtf16WithBomAreRecognised() throws Exception {
        byte[] json = Files.readAllBytes(resource("json/graph-two-pages.json"));
        Path gz = dir.resolve("export.bin");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(json);
        }
        ReadReport r = read(gz);
        assertTrue(r.format().startsWith("gzip, Graph beta list response"), r.format());
        assertEquals(3, r.read());

        Path utf16 = dir.resolve("utf16.json");
        String text = new String(json, StandardCharsets.UTF_8).replace("ann.lee", "Ånn.lée");
        byte[] body = text.getBytes(StandardCharsets.UTF_16LE);
        byte[] withBom = new byte[body.length + 2];
        withBom[0] = (byte) 0xFF;
        withBom[1] = (byte) 0xFE;
        System.arraycopy(body, 0, withBom, 2, body.length);
        Files.write(utf16, withBom);
        read.clear();
        assertEquals(3, read(utf16).read());
        assertEquals("Ånn.lée@contoso.example", read.get(0).userPrincipalName());

        Path noBom = dir.resolve("nobom.json");
        Files.write(noBom, text.getBytes(StandardCharsets.UTF_16LE));
        assertTrue(assertThrows(java.io.IOException.class, () -> read(noBom)).getMessage().contains("UTF-16"));

        Path bom8 = dir.resolve("bom8.json");
        byte[] b8 = new byte[json.length + 3];
        b8[0] = (byte) 0xEF;
        b8[1] = (byte) 0xBB;
        b8[2] = (byte) 0xBF;
        System.arraycopy(json, 0, b8, 3, json.length);
        Files.write(bom8, b8);
        read.clear();
        assertEquals(3, read(bom8).read());
    }

    @Test
    void emptyAndUnrecognisedFilesSayWhy() throws Exception {
        Path empty = dir.resolve("empty.json");
        Files.writeString(empty, "  \n");
        assertEquals("empty.json: the file is empty",
                assertThrows(SignInReadException.class, () -> read(empty)).getMessage());
        Path unknown = dir.resolve("unknown.json");
        Files.writeString(unknown, "[{\"foo\":1,\"bar\":2}]");
        String message = assertThrows(SignInReadException.class, () -> read(unknown)).getMessage();
        assertTrue(message.contains("Formats tried") && message.contains("[foo, bar]"), message);
        String text = assertThrows(SignInReadException.class, () -> read(resource("json/notes.txt"))).getMessage();
        assertTrue(text.contains("not a sign-in CSV export") && text.contains("Entra portal sign-in CSV")
                && text.contains("JSON formats were not tried"), text);
    }

    @Test
    void portalCsvIsJoinedWithTheAuthDetailsFileBesideIt() throws Exception {
        ReadReport r = read(resource("csv/InteractiveSignIns_2026-03-02_2026-03-03.csv"));
        assertEquals("Entra portal sign-in CSV, joined with its authentication details file", r.format());
        assertEquals(4, r.read());
        SignIn first = read.get(0);
        assertEquals("11111111-1111-4111-8111-000000000001", first.id());
        assertEquals("Password", first.authenticationDetails().get(0).method());
        assertEquals(Boolean.TRUE, first.authenticationDetails().get(0).succeeded());
        assertTrue(read.stream().anyMatch(s -> s.errorCode() == 53003));
        assertEquals(List.of("interactiveUser"), first.signInEventTypes(), "from the portal's file name");
    }

    @Test
    void logAnalyticsCsvAndTheAuthDetailsFileAlone() throws Exception {
        ReadReport r = read(resource("csv/SigninLogs_loganalytics_export.csv"));
        assertEquals("Log Analytics sign-in CSV", r.format());
        assertTrue(r.read() > 0 && r.rejectedCount() == 0, r.toString());
        String message = assertThrows(SignInReadException.class,
                () -> read(resource("csv/InteractiveSignIns_AuthDetails_2026-03-02_2026-03-03.csv"))).getMessage();
        assertTrue(message.contains("authentication details"), message);
        ReadReport bad = read(resource("csv/malformed_InteractiveSignIns.csv"));
        assertTrue(bad.rejectedCount() > 0 && bad.rejected().get(0).record() > 0, bad.toString());
    }

    @Test
    void aSignInWithoutMostFieldsStillReads() throws Exception {
        Path minimal = dir.resolve("minimal.json");
        Files.writeString(minimal, "[{\"id\":\"x\",\"status\":{}}]");
        read(minimal);
        assertEquals(0, read.get(0).errorCode());
        assertNull(read.get(0).createdDateTime());
    }

    @Test
    void theRawRecordIsTheTextAsWrittenInTheFile() throws Exception {
        String first = "{\n    \"id\" : \"r-1\",\n    \"createdDateTime\": \"2026-11-20T08:15:02Z\",\n"
                + "    \"userPrincipalName\": \"Ånn.lée@contoso.example\", \"extra\": [1, 2.50, {\"a\": null}]\n  }";
        String second = "{\"id\":\"r-2\",\"userPrincipalName\":\"bob@contoso.example\",\"status\":{\"errorCode\":50126}}";
        String text = "{\"@odata.context\": \"x\",\n  \"value\": [\n  " + first + ",\n  " + second + "\n]}";
        Path utf8 = dir.resolve("pretty.json");
        Files.writeString(utf8, text);
        read(utf8);
        assertEquals(List.of(first, second), read.stream().map(SignIn::raw).toList());

        Path utf16 = dir.resolve("pretty16.json");
        byte[] body = text.getBytes(StandardCharsets.UTF_16BE);
        byte[] withBom = new byte[body.length + 2];
        withBom[0] = (byte) 0xFE;
        withBom[1] = (byte) 0xFF;
        System.arraycopy(body, 0, withBom, 2, body.length);
        Files.write(utf16, withBom);
        read.clear();
        read(utf16);
        assertEquals(List.of(first, second), read.stream().map(SignIn::raw).toList(), "UTF-16 too");

        Path lines = dir.resolve("monitor.json");
        String record = "{\"time\":\"2026-11-20T08:15:02Z\",\"category\":\"SignInLogs\",\"properties\":"
                + "{\"id\":\"m-1\",\"userPrincipalName\":\"cid@contoso.example\"}}";
        Files.writeString(lines, record + "\n" + record.replace("m-1", "m-2") + "\n");
        read.clear();
        read(lines);
        assertEquals(record, read.get(0).raw(), "an Azure Monitor record is kept whole, envelope included");
        assertEquals("m-2", read.get(1).id());
    }

    /** A Graph export of n sign-ins, the k-th (from 1) with a bad error code. */
    private Path export(int n, int bad) throws Exception {
        StringBuilder b = new StringBuilder("{\"value\":[");
        for (int i = 1; i <= n; i++) {
            b.append(i == 1 ? "" : ",").append("{\"id\":\"s-").append(i)
                    .append("\",\"createdDateTime\":\"2026-11-20T08:15:02Z\",\"status\":{\"errorCode\":")
                    .append(i == bad ? "\"x\"" : "0").append("}}");
        }
        Path f = dir.resolve("export-" + n + "-" + bad + ".json");
        Files.writeString(f, b.append("]}").toString());
        return f;
    }

    @Test
    void aLongFileArrivesInOrderAndStrictModeStopsTheParserMidway() throws Exception {
        ReadReport all = read(export(20_000, 0));
        assertEquals(20_000, all.read());
        for (int i = 0; i < read.size(); i++) {
            assertEquals("s-" + (i + 1), read.get(i).id());
        }
        read.clear();
        SignInReadException e = assertThrows(SignInReadException.class,
                () -> reader.read(export(20_000, 12_345), true, read::add));
        assertTrue(e.getMessage().contains("record 12345"), e.getMessage());
        assertEquals(12_344, read.size(), "everything before the bad record was handed over, nothing after");
        assertTrue(Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().startsWith("signdx-read export-20000-12345")), "the parser has stopped");
    }

    @Test
    void aFailingSinkStopsTheReadWithItsOwnException() throws Exception {
        Path f = export(5_000, 0);
        int[] seen = {0};
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> reader.read(f, false, s -> {
            if (++seen[0] == 1000) {
                throw new IllegalStateException("disk full");
            }
        }));
        assertEquals("disk full", e.getMessage());
        assertEquals(1000, seen[0]);
    }
}
