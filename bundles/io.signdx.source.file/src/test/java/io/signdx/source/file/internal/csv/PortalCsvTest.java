package io.signdx.source.file.internal.csv;

import static io.signdx.source.file.internal.csv.Fixtures.guid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.signdx.source.file.internal.csv.CsvSignIns.Kind;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;

class PortalCsvTest {

    private static List<CsvRecord> rows() {
        return Fixtures.all(Fixtures.PORTAL);
    }

    private static ObjectNode signIn(int index) {
        CsvRecord r = rows().get(index);
        assertNull(r.error(), r.error());
        return r.signIn();
    }

    @Test
    void readsEveryRowWithRecordAndLineNumbers() throws IOException {
        try (CsvRows rows = Fixtures.open(Fixtures.PORTAL)) {
            assertEquals(Kind.PORTAL, rows.kind());
            assertEquals(Fixtures.PORTAL, rows.fileName());
            // the header as written: trailing space gone, duplicates kept
            assertTrue(rows.header().contains("Application ID"));
            assertEquals(2, rows.header().stream().filter("Incoming token type"::equals).count());
            List<CsvRecord> all = Fixtures.all(rows);
            assertEquals(4, all.size());
            for (int i = 0; i < all.size(); i++) {
                assertEquals(i + 1, all.get(i).record());
                assertEquals(i + 2, all.get(i).line());
                assertTrue(all.get(i).ok(), all.get(i).error());
            }
            assertEquals(4, rows.records());
        }
    }

    @Test
    void mapsTheColumnsOfASuccessfulSignIn() {
        ObjectNode s = signIn(0);
        assertEquals(guid(1, '1'), s.get("id").asText());
        assertEquals("2026-03-02T08:15:42Z", s.get("createdDateTime").asText());
        assertEquals(guid(101, 'c'), s.get("correlationId").asText());
        assertEquals(guid(11, 'b'), s.get("userId").asText());
        assertEquals("Adele Vance", s.get("userDisplayName").asText());
        assertEquals("adele.vance@contoso.example", s.get("userPrincipalName").asText());
        assertEquals("member", s.get("userType").asText());
        assertEquals("OfficeHome", s.get("appDisplayName").asText());
        assertEquals("Microsoft Graph", s.get("resourceDisplayName").asText());
        assertEquals(Fixtures.TENANT, s.get("resourceTenantId").asText());
        assertEquals(Fixtures.TENANT, s.get("homeTenantId").asText());
        assertEquals("203.0.113.10", s.get("ipAddress").asText());
        assertEquals("Browser", s.get("clientAppUsed").asText());
        assertTrue(s.get("userAgent").asText().startsWith("Mozilla/5.0 (Windows NT 10.0; Win64; x64)"));
        assertEquals("none", s.get("crossTenantAccessType").asText());
        assertEquals("none", s.get("authenticationProtocol").asText());
        assertEquals("AzureAD", s.get("tokenIssuerType").asText());
        assertFalse(s.get("flaggedForReview").asBoolean());
        assertTrue(s.get("flaggedForReview").isBoolean());
        assertEquals(117, s.get("processingTimeInMilliseconds").asInt());
        assertEquals(8075, s.get("autonomousSystemNumber").asInt());
        assertEquals("success", s.get("conditionalAccessStatus").asText());
        assertEquals("multiFactorAuthentication", s.get("authenticationRequirement").asText());

        JsonNode status = s.get("status");
        assertTrue(status.get("errorCode").isInt());
        assertEquals(0, status.get("errorCode").asInt());
        assertEquals("MFA requirement satisfied by claim in the token", status.get("additionalDetails").asText());

        JsonNode device = s.get("deviceDetail");
        assertEquals(guid(21, 'd'), device.get("deviceId").asText());
        assertEquals("Windows10", device.get("operatingSystem").asText());
        assertEquals("Edge 122.0.0", device.get("browser").asText());
        assertTrue(device.get("isCompliant").isBoolean() && device.get("isCompliant").asBoolean());
        assertTrue(device.get("isManaged").asBoolean());
        assertEquals("Microsoft Entra joined", device.get("trustType").asText());

        JsonNode loc = s.get("location");
        assertEquals("Redmond", loc.get("city").asText());
        assertEquals("Washington", loc.get("state").asText());
        assertEquals("US", loc.get("countryOrRegion").asText());

        assertEquals("Previously satisfied", s.get("mfaDetail").get("authMethod").asText());
        assertFalse(s.get("mfaDetail").has("authDetail"), "empty cells are omitted");
    }

    @Test
    void theTrailingSpaceHeadersStillMatch() {
        ObjectNode s = signIn(0);
        // "Application ID " and "Resource ID " carry a trailing space in the portal's header
        assertEquals("4765445b-32c6-49b0-83e6-1d93765276ca", s.get("appId").asText());
        assertEquals("00000003-0000-0000-c000-000000000000", s.get("resourceId").asText());
    }

    @Test
    void theDuplicatedIncomingTokenTypeTakesTheFirstNonEmptyValue() {
        // row 1: first column empty, second "Primary Refresh Token"
        assertEquals("primaryRefreshToken", signIn(0).get("incomingTokenType").asText());
        // row 2: first column "None", second empty
        assertEquals("none", signIn(1).get("incomingTokenType").asText());
    }

    @Test
    void mapsTheErrorCodesAndConditionalAccessOfFailedAndInterruptedSignIns() {
        ObjectNode invalidPassword = signIn(1);
        assertEquals(50126, invalidPassword.get("status").get("errorCode").asInt());
        assertEquals("Error validating credentials due to invalid username or password.",
                invalidPassword.get("status").get("failureReason").asText());
        assertEquals("notApplied", invalidPassword.get("conditionalAccessStatus").asText());
        assertEquals("singleFactorAuthentication", invalidPassword.get("authenticationRequirement").asText());

        ObjectNode blocked = signIn(2);
        assertEquals(53003, blocked.get("status").get("errorCode").asInt());
        assertEquals("failure", blocked.get("conditionalAccessStatus").asText());
        assertEquals("Lisbon", blocked.get("location").get("city").asText());
        assertEquals("PT", blocked.get("location").get("countryOrRegion").asText());
        assertEquals("c44b4083-3bb0-49c1-b47d-974e53cbdf3c", blocked.get("appId").asText());

        ObjectNode mfaRequired = signIn(3);
        assertEquals(50074, mfaRequired.get("status").get("errorCode").asInt());
        assertEquals("Strong Authentication is required.", mfaRequired.get("status").get("failureReason").asText());
        assertTrue(mfaRequired.get("status").get("additionalDetails").asText()
                .startsWith("User needs to perform multi-factor authentication."));
        assertEquals("multiFactorAuthentication", mfaRequired.get("authenticationRequirement").asText());
        assertEquals("Microsoft Entra hybrid joined", mfaRequired.get("deviceDetail").get("trustType").asText());
        // a quoted cell with doubled quotes
        assertEquals("Alex \"AW\" Wilber", mfaRequired.get("userDisplayName").asText());
    }

    @Test
    void omitsWhatTheRowLeavesEmpty() {
        ObjectNode s = signIn(1);
        JsonNode device = s.get("deviceDetail");
        assertFalse(device.has("deviceId"));
        assertFalse(device.has("trustType"));
        assertFalse(s.has("mfaDetail"));
        assertFalse(s.has("ipAddressFromResourceProvider"));
        assertFalse(s.has("tokenIssuerName"));
        assertFalse(s.has("authenticationDetails"), "no AuthDetails joined");
        assertFalse(s.get("status").has("additionalDetails"));
    }

    @Test
    void theFileNameTellsInteractiveFromNonInteractive() throws IOException {
        ObjectNode interactive = signIn(0);
        assertTrue(interactive.get("isInteractive").asBoolean());
        assertEquals("[\"interactiveUser\"]", interactive.get("signInEventTypes").toString());

        String csv = Fixtures.text(Fixtures.PORTAL);
        ObjectNode nonInteractive = Fixtures.allFromText(csv, "NonInteractiveSignIns_2026-03-02_2026-03-03.csv")
                .get(0).signIn();
        assertFalse(nonInteractive.get("isInteractive").asBoolean());
        assertEquals("[\"nonInteractiveUser\"]", nonInteractive.get("signInEventTypes").toString());

        ObjectNode unknown = Fixtures.allFromText(csv, "download.csv").get(0).signIn();
        assertFalse(unknown.has("isInteractive"));
        assertFalse(unknown.has("signInEventTypes"));
    }

    @Test
    void localeDatesAndShortLocationsAreRead() throws IOException {
        String csv = "Date (UTC),Request ID,Location,Status,Sign-in error code\n"
                + "\"3/2/2026, 9:20:11 PM\",r1,\"Paris, FR\",Success,\n"
                + "2026-03-02 21:20:11.250,r2,US,Failure,50053\n"
                + "2026-03-02T21:20:11+01:00,r3,\"Kyiv, , UA\",Interrupted,\n";
        List<CsvRecord> all = Fixtures.allFromText(csv, "x.csv");
        ObjectNode r1 = all.get(0).signIn();
        assertEquals("2026-03-02T21:20:11Z", r1.get("createdDateTime").asText());
        assertEquals("Paris", r1.get("location").get("city").asText());
        assertEquals("FR", r1.get("location").get("countryOrRegion").asText());
        assertEquals(0, r1.get("status").get("errorCode").asInt(), "Success without a code is 0");
        ObjectNode r2 = all.get(1).signIn();
        assertEquals("2026-03-02T21:20:11.25Z", r2.get("createdDateTime").asText());
        assertEquals("{\"countryOrRegion\":\"US\"}", r2.get("location").toString());
        assertEquals(50053, r2.get("status").get("errorCode").asInt());
        ObjectNode r3 = all.get(2).signIn();
        assertEquals("2026-03-02T20:20:11Z", r3.get("createdDateTime").asText());
        assertEquals("{\"city\":\"Kyiv\",\"countryOrRegion\":\"UA\"}", r3.get("location").toString());
        assertFalse(r3.has("status"), "Interrupted without a code gives no status");
    }

    @Test
    void unknownColumnsAreIgnoredAndMissingOnesOmitted() throws IOException {
        String csv = "Request ID,Date (UTC),Something new,Username\nr1,2026-03-02T10:00:00Z,whatever,a@contoso.example\n";
        ObjectNode s = Fixtures.allFromText(csv, "x.csv").get(0).signIn();
        assertEquals("{\"id\":\"r1\",\"createdDateTime\":\"2026-03-02T10:00:00Z\","
                + "\"userPrincipalName\":\"a@contoso.example\"}", s.toString());
    }

    @Test
    void aRowWithoutRequestIdOrDateIsAnError() throws IOException {
        String csv = "Request ID,Date (UTC),Username,Application\n,,a@contoso.example\n";
        CsvRecord r = Fixtures.allFromText(csv, "x.csv").get(0);
        assertEquals("the row has neither 'Request ID' nor 'Date (UTC)' (it has 3 values, the header 4 columns)",
                r.error());
        assertNull(r.signIn());
    }
}
