package io.signdx.source.file.internal.csv;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.node.ArrayNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The CSV fixtures under src/test/resources/csv and small helpers shared by the tests. */
final class Fixtures {

    static final String PORTAL = "InteractiveSignIns_2026-03-02_2026-03-03.csv";
    static final String PORTAL_AUTH = "InteractiveSignIns_AuthDetails_2026-03-02_2026-03-03.csv";
    static final String SIGNIN_LOGS = "SigninLogs_loganalytics_export.csv";
    static final String NON_INTERACTIVE = "AADNonInteractiveUserSignInLogs_loganalytics_export.csv";
    static final String MALFORMED_PORTAL = "malformed_InteractiveSignIns.csv";
    static final String MALFORMED_LA = "malformed_loganalytics.csv";
    static final String AUTH_CONTEXT_LA = "SigninLogs_authcontext_loganalytics_export.csv";

    /** The fictional contoso.example tenant of every fixture. */
    static final String TENANT = "0a1b2c3d-0000-4000-8000-00000000c0de";

    private Fixtures() {
    }

    static Reader reader(String name) {
        InputStream in = Fixtures.class.getResourceAsStream("/csv/" + name);
        assertNotNull(in, "fixture " + name);
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    static String text(String name) throws IOException {
        try (InputStream in = Fixtures.class.getResourceAsStream("/csv/" + name)) {
            assertNotNull(in, "fixture " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static CsvRows open(String name) throws IOException {
        return CsvSignIns.open(reader(name), name);
    }

    /** Every record of a small file. */
    static List<CsvRecord> all(CsvRows rows) {
        List<CsvRecord> out = new ArrayList<>();
        try (rows) {
            rows.forEachRemaining(out::add);
        }
        return out;
    }

    static List<CsvRecord> all(String name) {
        try {
            return all(open(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<CsvRecord> allFromText(String csv, String fileName) throws IOException {
        return all(CsvSignIns.open(new StringReader(csv), fileName));
    }

    static Map<String, ArrayNode> portalAuthDetails() throws IOException {
        Map<String, ArrayNode> map = new HashMap<>();
        CsvSignIns.joinAuthDetails(reader(PORTAL_AUTH), PORTAL_AUTH, map);
        return map;
    }

    /** A fictional GUID as the fixtures write them, e.g. guid(1, '1') = 11111111-1111-4111-8111-000000000001. */
    static String guid(int n, char k) {
        String four = String.valueOf(k).repeat(4);
        return four + four + "-" + four + "-4" + four.substring(1) + "-8" + four.substring(1) + "-"
                + String.format("%012d", n);
    }
}
