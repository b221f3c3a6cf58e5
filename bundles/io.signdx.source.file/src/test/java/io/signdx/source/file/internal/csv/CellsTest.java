package io.signdx.source.file.internal.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;

import io.signdx.source.file.internal.csv.Header.Column;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CellsTest {

    private static final Column COL = new Column("When", new int[] {0});

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2021-04-28T14:08:45Z                | 2021-04-28T14:08:45Z",
        "2021-04-28T14:08:45.2210000Z        | 2021-04-28T14:08:45.221Z",
        "2019-03-12T16:02:15.5522137+00:00   | 2019-03-12T16:02:15.5522137Z",
        "2021-04-28T14:08:45+02:00           | 2021-04-28T12:08:45Z",
        "2021-04-28T14:08:45                 | 2021-04-28T14:08:45Z",
        "2021-04-28 14:08:45.221             | 2021-04-28T14:08:45.221Z",
        "2021-04-28 14:08:45 UTC             | 2021-04-28T14:08:45Z",
        "2021-04-28                          | 2021-04-28T00:00:00Z",
        "'4/28/2021, 2:08:45.221 PM'         | 2021-04-28T14:08:45.221Z",
        "'4/28/2021, 12:08:45.221 AM'        | 2021-04-28T00:08:45.221Z",
        "'4/28/2021, 12:00:00 PM'            | 2021-04-28T12:00:00Z",
        "'04/08/2021, 9:05 am'               | 2021-04-08T09:05:00Z",
        "4/28/2021 14:08                     | 2021-04-28T14:08:00Z",
        "4/28/2021                           | 2021-04-28T00:00:00Z",
    })
    void readsTheDateForms(String in, String out) throws RowException {
        assertEquals(out, Cells.date(COL, in));
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "2/30/2021, 1:00:00 PM", "4/28/2021, 13:00:00 PM", "28/4/2021",
        "2021-13-01T00:00:00Z", "2021-04-28T25:00:00Z", "1619618925", "4/28/21"})
    void rejectsWhatIsNoDate(String in) {
        RowException e = assertThrows(RowException.class, () -> Cells.date(COL, in));
        assertEquals("column 'When' has no date: '" + in + "'", e.getMessage());
    }

    @Test
    void unwrapsJsonStringsHoldingJson() throws RowException {
        String once = "\"{\\\"a\\\":1}\"";
        String twice = "\"\\\"{\\\\\\\"a\\\\\\\":1}\\\"\"";
        assertEquals("{\"a\":1}", Cells.json(COL, "{\"a\":1}").toString());
        assertEquals("{\"a\":1}", Cells.json(COL, once).toString());
        assertEquals("{\"a\":1}", Cells.json(COL, twice).toString());
        assertEquals("\"plain text\"", Cells.json(COL, "\"plain text\"").toString());
        assertNull(Cells.json(COL, "null"));
        assertNull(Cells.json(COL, "\"\""));
        JsonNode arr = Cells.array(COL, "\"[]\"");
        assertEquals(0, arr.size());
        assertNull(Cells.object(COL, "{}"), "an empty object is empty");
    }

    @Test
    void jsonErrorsGiveTheCharacter() {
        RowException e = assertThrows(RowException.class, () -> Cells.json(COL, "{\"a\":1} trailing"));
        assertEquals("column 'When' is not valid JSON at character 9: Unrecognized token 'trailing': was expecting"
                + " (JSON String, Number, Array, Object or token 'null', 'true' or 'false')", e.getMessage());
    }

    @Test
    void numbersAndBooleans() throws RowException {
        assertEquals(50126, Cells.integer(COL, " 50126 "));
        assertEquals(-1, Cells.integer(COL, "-1"));
        assertEquals(1234, Cells.integer(COL, "1,234 ms"));
        assertEquals("column 'When' is '12a', not a number",
                assertThrows(RowException.class, () -> Cells.integer(COL, "12a")).getMessage());
        for (String t : List.of("True", "true", "YES", "1")) {
            assertEquals(true, Cells.bool(COL, t), t);
        }
        for (String f : List.of("False", "no", "0", "N")) {
            assertEquals(false, Cells.bool(COL, f), f);
        }
    }

    @Test
    void portalDisplayTextsBecomeGraphEnumValues() {
        assertEquals("notApplied", GraphValues.conditionalAccessStatus("Not Applied"));
        assertEquals("success", GraphValues.conditionalAccessStatus("Success"));
        assertEquals("failure", GraphValues.conditionalAccessStatus("Failure"));
        assertEquals("singleFactorAuthentication", GraphValues.authenticationRequirement("Single-factor authentication"));
        assertEquals("multiFactorAuthentication", GraphValues.authenticationRequirement("Multifactor authentication"));
        assertEquals("b2bCollaboration", GraphValues.crossTenantAccessType("B2B collaboration"));
        assertEquals("oAuth2", GraphValues.authenticationProtocol("OAuth 2.0"));
        assertEquals("primaryRefreshToken", GraphValues.incomingTokenType("Primary Refresh Token"));
        assertEquals("guest", GraphValues.userType("Guest"));
        assertEquals("Something new", GraphValues.crossTenantAccessType("Something new"), "unknown values stay");
        assertNull(GraphValues.userType(null));
    }

    @Test
    void headerKeysAreLenient() {
        assertEquals("application id", Header.key("  Application   ID  "));
        assertEquals("application id", Header.key("\uFEFFApplication ID "));
        assertEquals("timegenerated", Header.key("TimeGenerated [UTC]"));
        assertEquals("date (utc)", Header.key("Date (UTC)"));
        assertEquals("autonomous system number", Header.key("Autonomous system  number"));
        Header h = new Header(List.of("A", "Incoming token type", "incoming  TOKEN type "));
        String[] row = {"x", "", "refreshToken"};
        assertEquals("refreshToken", h.column("Incoming token type").get(row));
        row = new String[] {"x", "none", "refreshToken"};
        assertEquals("none", h.column("Incoming token type").get(row));
        assertNull(h.column("Missing").get(row));
        assertNull(h.column("Incoming token type").get(new String[] {"x"}), "short rows are fine");
    }
}
