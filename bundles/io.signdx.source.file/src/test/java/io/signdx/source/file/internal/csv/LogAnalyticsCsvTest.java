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

class LogAnalyticsCsvTest {

    private static ObjectNode signIn(String fixture, int index) {
        CsvRecord r = Fixtures.all(fixture).get(index);
        assertNull(r.error(), r.error());
        return r.signIn();
    }

    @Test
    void theFixtureHasTheExportQuirks() throws IOException {
        String text = Fixtures.text(Fixtures.SIGNIN_LOGS);
        assertTrue(text.startsWith("\uFEFFTenantId,"), "UTF-8 byte order mark");
        assertTrue(text.contains("TimeGenerated [UTC]") && text.contains("CreatedDateTime [UTC]"));
        assertTrue(text.contains("\r\n") && !text.replace("\r\n", "").contains("\n"), "CRLF line ends only");
        assertTrue(text.contains("DeviceDetail_dynamic,DeviceDetail_string"));
        assertTrue(text.contains("\"[\r\n  {\r\n"), "multi-line JSON in a quoted cell");
    }

    @Test
    void readsRowsSpanningLinesWithTheirStartLines() throws IOException {
        try (CsvRows rows = Fixtures.open(Fixtures.SIGNIN_LOGS)) {
            assertEquals(Kind.LOG_ANALYTICS, rows.kind());
            assertEquals("TenantId", rows.header().get(0), "no byte order mark in the names");
            List<CsvRecord> all = Fixtures.all(rows);
            assertEquals(3, all.size());
            assertTrue(all.stream().allMatch(CsvRecord::ok));
            // the pretty-printed ConditionalAccessPolicies and LocationDetails of rows 1 and 2 span lines
            assertEquals(List.of(1L, 2L, 3L), all.stream().map(CsvRecord::record).toList());
            assertEquals(List.of(2L, 34L, 58L), all.stream().map(CsvRecord::line).toList());
        }
    }

    @Test
    void mapsASuccessfulInteractiveSignIn() {
        ObjectNode s = signIn(Fixtures.SIGNIN_LOGS, 0);
        assertEquals(guid(201, '2'), s.get("id").asText());
        assertEquals(guid(201, '2'), s.get("originalRequestId").asText());
        assertEquals(guid(201, 'c'), s.get("correlationId").asText());
        // CreatedDateTime wins over TimeGenerated; locale form, UTC
        assertEquals("2026-03-02T08:15:41.987Z", s.get("createdDateTime").asText());
        assertEquals("adele.vance@contoso.example", s.get("userPrincipalName").asText());
        assertEquals("Adele Vance", s.get("userDisplayName").asText());
        assertEquals(guid(11, 'b'), s.get("userId").asText());
        assertEquals("member", s.get("userType").asText());
        assertEquals("4765445b-32c6-49b0-83e6-1d93765276ca", s.get("appId").asText());
        // ResourceIdentity, not the Azure resource path in ResourceId
        assertEquals("00000003-0000-0000-c000-000000000000", s.get("resourceId").asText());
        assertEquals(Fixtures.TENANT, s.get("homeTenantId").asText());
        assertEquals(Fixtures.TENANT, s.get("resourceTenantId").asText());
        assertTrue(s.get("isInteractive").asBoolean());
        assertEquals("[\"interactiveUser\"]", s.get("signInEventTypes").toString());
        assertEquals("success", s.get("conditionalAccessStatus").asText());
        assertEquals("multiFactorAuthentication", s.get("authenticationRequirement").asText());
        assertEquals(143, s.get("processingTimeInMilliseconds").asInt());
        assertEquals("[]", s.get("riskEventTypes_v2").toString());
        assertEquals("none", s.get("riskLevelDuringSignIn").asText());
        assertFalse(s.get("flaggedForReview").asBoolean());

        assertEquals("{\"errorCode\":0,\"additionalDetails\":\"MFA completed in Azure AD\"}", s.get("status").toString());
        JsonNode device = s.get("deviceDetail");
        assertEquals("CONTOSO-LT-021", device.get("displayName").asText());
        assertTrue(device.get("isCompliant").asBoolean());
        assertEquals("Azure AD joined", device.get("trustType").asText());
        JsonNode loc = s.get("location");
        assertEquals("Redmond", loc.get("city").asText());
        assertEquals("US", loc.get("countryOrRegion").asText());
        assertEquals(47.67, loc.get("geoCoordinates").get("latitude").asDouble());
        assertEquals("Mobile app notification", s.get("mfaDetail").get("authMethod").asText());

        JsonNode policies = s.get("appliedConditionalAccessPolicies");
        assertEquals(2, policies.size());
        assertEquals("{\"id\":\"" + guid(1, 'f') + "\",\"displayName\":\"Require MFA for all users\","
                + "\"enforcedGrantControls\":[\"Mfa\"],\"enforcedSessionControls\":[],\"result\":\"success\","
                + "\"conditionsSatisfied\":3,\"conditionsNotSatisfied\":0}", policies.get(0).toString());

        assertEquals(2, s.get("authenticationDetails").size());
        assertEquals("Mobile app notification",
                s.get("authenticationDetails").get(1).get("authenticationMethod").asText());
        assertEquals("multiConditionalAccess",
                s.get("authenticationRequirementPolicies").get(0).get("requirementProvider").asText());
        assertEquals("namedNetwork", s.get("networkLocationDetails").get(0).get("networkType").asText());
        assertEquals("Login Hint Present", s.get("authenticationProcessingDetails").get(0).get("key").asText());
    }

    @Test
    void fallsBackToTheStringColumnOfADynamicPair() {
        ObjectNode s = signIn(Fixtures.SIGNIN_LOGS, 1);
        // DeviceDetail_dynamic, LocationDetails_dynamic, Status_dynamic are empty: the _string columns hold them
        JsonNode device = s.get("deviceDetail");
        assertEquals("Chrome 122.0.0", device.get("browser").asText());
        assertTrue(device.get("isCompliant").isBoolean(), "\"false\" as text becomes a boolean");
        assertFalse(device.get("isManaged").asBoolean());
        assertEquals("Lisbon", s.get("location").get("city").asText());
        assertEquals(53003, s.get("status").get("errorCode").asInt());
        assertTrue(s.get("status").get("failureReason").asText().startsWith("Access has been blocked"));
        assertFalse(s.has("mfaDetail"), "MfaDetail_string {} is empty");
        assertEquals("oAuth2", s.get("authenticationProtocol").asText());
        // the other date form: 2026-03-02 14:08:44.900
        assertEquals("2026-03-02T14:08:44.9Z", s.get("createdDateTime").asText());
    }

    @Test
    void keepsConditionalAccessPoliciesAsTheyCome() {
        JsonNode policies = signIn(Fixtures.SIGNIN_LOGS, 1).get("appliedConditionalAccessPolicies");
        JsonNode block = policies.get(0);
        assertEquals("failure", block.get("result").asText());
        assertEquals("[\"Block\"]", block.get("enforcedGrantControls").toString());
        // strings stay strings, numbers numbers: another layer normalizes them
        assertEquals("application,users,locations", block.get("conditionsSatisfied").asText());
        assertTrue(block.get("conditionsSatisfied").isTextual());
        JsonNode reportOnly = policies.get(1);
        assertTrue(reportOnly.get("conditionsSatisfied").isInt());
        assertEquals(guid(4, 'f'), reportOnly.get("id").asText(), "policyId also given as id");
        assertEquals(guid(4, 'f'), reportOnly.get("policyId").asText());
        assertEquals("reportOnlyFailure", reportOnly.get("result").asText());
    }

    @Test
    void readsRiskAndAfternoonLocaleDates() {
        ObjectNode s = signIn(Fixtures.SIGNIN_LOGS, 2);
        assertEquals("2026-03-02T23:59:06.5Z", s.get("createdDateTime").asText());
        assertEquals(50126, s.get("status").get("errorCode").asInt());
        assertEquals("[\"unfamiliarFeatures\"]", s.get("riskEventTypes_v2").toString());
        assertEquals("medium", s.get("riskLevelAggregated").asText());
        assertEquals("atRisk", s.get("riskState").asText());
        assertTrue(s.get("flaggedForReview").asBoolean());
        assertEquals("[]", s.get("appliedConditionalAccessPolicies").toString());
        assertFalse(s.has("authenticationRequirementPolicies"), "an empty cell is omitted");
    }

    @Test
    void unwrapsDynamicValuesStoredAsJsonStrings() throws IOException {
        String text = Fixtures.text(Fixtures.NON_INTERACTIVE);
        assertTrue(text.contains("\"\"\"{\\\"\"deviceId\\\"\":"), "the cell holds a JSON string of JSON");
        ObjectNode s = signIn(Fixtures.NON_INTERACTIVE, 0);
        assertFalse(s.get("isInteractive").asBoolean());
        assertEquals("[\"nonInteractiveUser\"]", s.get("signInEventTypes").toString());
        assertEquals("2026-03-02T09:00:00.9876543Z", s.get("createdDateTime").asText());
        assertEquals("CONTOSO-LT-021", s.get("deviceDetail").get("displayName").asText());
        assertTrue(s.get("deviceDetail").get("isManaged").isBoolean());
        assertEquals("Redmond", s.get("location").get("city").asText());
        assertEquals("{\"errorCode\":0}", s.get("status").toString());
        assertEquals("notApplied", s.get("appliedConditionalAccessPolicies").get(0).get("result").asText());
        assertEquals("Previously satisfied", s.get("authenticationDetails").get(0).get("authenticationMethod").asText());
        assertEquals("[]", s.get("networkLocationDetails").toString());
        assertFalse(s.has("mfaDetail"));
        assertEquals("primaryRefreshToken", s.get("incomingTokenType").asText());
        assertEquals("00000002-0000-0ff1-ce00-000000000000", s.get("resourceId").asText());
    }

    @Test
    void theTableTellsNonInteractiveWhenIsInteractiveIsEmpty() {
        ObjectNode s = signIn(Fixtures.NON_INTERACTIVE, 1);
        assertFalse(s.get("isInteractive").asBoolean());
        assertEquals("[\"nonInteractiveUser\"]", s.get("signInEventTypes").toString());
        assertEquals(70044, s.get("status").get("errorCode").asInt());
        assertEquals("[]", s.get("appliedConditionalAccessPolicies").toString());
        assertFalse(s.has("userAgent"));
    }

    @Test
    void mapsOriginalTransferMethodAndAuthenticationContexts() {
        List<CsvRecord> all = Fixtures.all(Fixtures.AUTH_CONTEXT_LA);
        assertEquals(5, all.size());
        ObjectNode full = all.get(0).signIn();
        assertEquals("deviceCodeFlow", full.get("originalTransferMethod").asText());
        assertEquals("[{\"id\":\"c1\",\"detail\":\"required\"},{\"id\":\"urn:user:registersecurityinfo\","
                + "\"detail\":\"previouslySatisfied\"}]", full.get("authenticationContextClassReferences").toString());
        ObjectNode empty = all.get(1).signIn();
        assertFalse(empty.has("originalTransferMethod"), "an empty cell is omitted");
        assertFalse(empty.has("authenticationContextClassReferences"), "an empty cell is omitted, not []");
        ObjectNode none = all.get(2).signIn();
        assertEquals("none", none.get("originalTransferMethod").asText());
        assertEquals("[]", none.get("authenticationContextClassReferences").toString());
        // a JSON string holding the JSON is unwrapped; entries are kept as they come, the mapper reads them
        assertEquals("[{\"id\":\"c2\",\"details\":\"required\"},{\"detail\":\"required\"}]",
                all.get(3).signIn().get("authenticationContextClassReferences").toString());
        assertEquals("authenticationTransfer", all.get(3).signIn().get("originalTransferMethod").asText());
        assertNull(all.get(4).signIn());
        assertTrue(all.get(4).error().startsWith("column 'AuthenticationContextClassReferences' is not valid JSON"),
                all.get(4).error());
    }

    @Test
    void withoutLocationDetailsTheLocationColumnGivesTheCountry() throws IOException {
        String csv = "TimeGenerated [UTC],ResultType,Id,Location,ResourceId,IsInteractive\n"
                + "2026-03-02T10:00:00Z,0,x1,DE,/tenants/" + Fixtures.TENANT + "/providers/Microsoft.aadiam,\n";
        ObjectNode s = Fixtures.allFromText(csv, "AADNonInteractiveUserSignInLogs.csv").get(0).signIn();
        assertEquals("{\"countryOrRegion\":\"DE\"}", s.get("location").toString());
        assertFalse(s.has("resourceId"), "ResourceId is the Azure resource, not the sign-in's resource");
        assertEquals("[\"nonInteractiveUser\"]", s.get("signInEventTypes").toString(), "from the file name");
        assertEquals("{\"errorCode\":0}", s.get("status").toString());
    }
}
