package io.signdx.source.file.internal.csv;

import static io.signdx.source.file.internal.csv.Fixtures.guid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

import io.signdx.source.file.internal.csv.CsvSignIns.Kind;

import java.io.IOException;
import java.io.StringReader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class AuthDetailsJoinTest {

    @Test
    void readsOneStepPerRowUnderItsRequestId() throws IOException {
        Map<String, ArrayNode> map = Fixtures.portalAuthDetails();
        assertEquals(5, map.size());
        ArrayNode first = map.get(guid(1, '1'));
        assertEquals(2, first.size(), "two steps, in file order");
        JsonNode password = first.get(0);
        assertEquals("2026-03-02T08:15:40Z", password.get("authenticationStepDateTime").asText());
        assertEquals("Password", password.get("authenticationMethod").asText());
        assertEquals("Password in the cloud", password.get("authenticationMethodDetail").asText());
        assertTrue(password.get("succeeded").isBoolean() && password.get("succeeded").asBoolean());
        assertEquals("Correct password", password.get("authenticationStepResultDetail").asText());
        assertEquals("Primary authentication", password.get("authenticationStepRequirement").asText());
        JsonNode previously = first.get(1);
        assertEquals("Previously satisfied", previously.get("authenticationMethod").asText());
        assertFalse(previously.has("authenticationMethodDetail"), "empty cells are omitted");
        assertFalse(map.get(guid(2, '1')).get(0).get("succeeded").asBoolean());
    }

    @Test
    void joinsOnRequestId() throws IOException {
        Map<String, ArrayNode> map = Fixtures.portalAuthDetails();
        List<CsvRecord> all = Fixtures.all(Fixtures.open(Fixtures.PORTAL).withAuthDetails(map));
        assertEquals(4, all.size());
        for (CsvRecord r : all) {
            String id = r.signIn().get("id").asText();
            assertEquals(map.get(id), r.signIn().get("authenticationDetails"), id);
            assertNotSame(map.get(id), r.signIn().get("authenticationDetails"), "each sign-in gets its own copy");
        }
        assertEquals(2, all.get(0).signIn().get("authenticationDetails").size());
        assertEquals("Invalid username or password or Invalid on-premise username or password.",
                all.get(1).signIn().get("authenticationDetails").get(0).get("authenticationStepResultDetail").asText());
    }

    @Test
    void joinsRecordsAlreadyLookedAtWithHasNext() throws IOException {
        try (CsvRows rows = Fixtures.open(Fixtures.PORTAL)) {
            assertTrue(rows.hasNext());
            rows.withAuthDetails(Fixtures.portalAuthDetails());
            assertEquals(2, rows.next().signIn().get("authenticationDetails").size());
            rows.withAuthDetails(null);
            assertFalse(rows.next().signIn().has("authenticationDetails"));
        }
    }

    @Test
    void signInsWithoutStepsAreLeftAlone() throws IOException {
        Map<String, ArrayNode> map = new HashMap<>();
        CsvSignIns.joinAuthDetails(new StringReader(
                "Request ID,Authentication method,Succeeded\nsomething-else,Password,True\n"), "a.csv", map);
        List<CsvRecord> all = Fixtures.all(Fixtures.open(Fixtures.PORTAL).withAuthDetails(map));
        assertTrue(all.stream().noneMatch(r -> r.signIn().has("authenticationDetails")));
    }

    @Test
    void acceptsTheLongColumnNames() throws IOException {
        Map<String, ArrayNode> map = new HashMap<>();
        CsvSignIns.joinAuthDetails(new StringReader("\uFEFFRequest ID,Authentication step date (UTC),"
                + "Authentication method,Authentication method detail,Succeeded,Authentication step result detail,"
                + "Authentication step requirement\r\n"
                + "r1,\"3/2/2026, 8:15:40 AM\",Text message,,No,\"Invalid verification code, try again\","
                + "Multifactor authentication\r\n"), "long.csv", map);
        JsonNode step = map.get("r1").get(0);
        assertEquals("{\"authenticationStepDateTime\":\"2026-03-02T08:15:40Z\",\"authenticationMethod\":\"Text message\","
                + "\"succeeded\":false,\"authenticationStepResultDetail\":\"Invalid verification code, try again\","
                + "\"authenticationStepRequirement\":\"Multifactor authentication\"}", step.toString());
    }

    @Test
    void aBadValueNamesRecordLineColumnAndValue() {
        CsvFormatException e = assertThrows(CsvFormatException.class, () -> CsvSignIns.joinAuthDetails(
                new StringReader("Request ID,Authentication method,Succeeded\nr1,Password,True\n"
                        + "r2,\"Pass\nword\",True\nr3,Password,maybe\n"), "auth.csv", new HashMap<>()));
        assertEquals("auth.csv: line 5: record 3: column 'Succeeded' is 'maybe', not true or false", e.getMessage());
        assertEquals(5, e.line());
        assertEquals(Kind.AUTH_DETAILS, e.kind());
    }

    @Test
    void refusesAFileThatIsNotAuthDetails() {
        CsvFormatException e = assertThrows(CsvFormatException.class, () -> CsvSignIns.joinAuthDetails(
                Fixtures.reader(Fixtures.PORTAL), Fixtures.PORTAL, new HashMap<>()));
        assertEquals(Kind.PORTAL, e.kind());
        assertTrue(e.getMessage().startsWith(Fixtures.PORTAL + ": not an Entra portal authentication details CSV:"
                + " no 'Authentication method' column"), e.getMessage());
    }
}
