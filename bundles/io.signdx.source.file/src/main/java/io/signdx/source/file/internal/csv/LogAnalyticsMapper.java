package io.signdx.source.file.internal.csv;

import static io.signdx.source.file.internal.csv.Cells.put;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.signdx.source.file.internal.csv.Header.Column;

import java.util.Locale;
import java.util.Map;

/**
 * One row of a Log Analytics export ({@code SigninLogs}, {@code AADNonInteractiveUserSignInLogs}, and
 * the service principal / managed identity tables, "Export to CSV" from the Logs blade) into a Graph
 * beta {@code signIn}. Dynamic columns hold JSON, possibly as a JSON string, possibly split into
 * {@code _dynamic} / {@code _string} columns.
 */
final class LogAnalyticsMapper implements SignInMapper {

    private static final Map<String, String> TABLES = Map.of(
            "signinlogs", "interactiveUser",
            "aadnoninteractiveusersigninlogs", "nonInteractiveUser",
            "aadserviceprincipalsigninlogs", "servicePrincipal",
            "aadmanagedidentitysigninlogs", "managedIdentity");

    private final int columns;
    private final String fileEventType;

    private final Column created;
    private final Column timeGenerated;
    private final Column id;
    private final Column originalRequestId;
    private final Column correlationId;
    private final Column resultType;
    private final Column resultDescription;
    private final Column upn;
    private final Column userDisplayName;
    private final Column userId;
    private final Column userType;
    private final Column appDisplayName;
    private final Column appId;
    private final Column resourceDisplayName;
    private final Column resourceIdentity;
    private final Column resourceTenantId;
    private final Column homeTenantId;
    private final Column ipAddress;
    private final Column ipFromResource;
    private final Column location;
    private final Column clientAppUsed;
    private final Column isInteractive;
    private final Column table;
    private final Column authRequirement;
    private final Column caStatus;
    private final Column riskDuring;
    private final Column riskAggregated;
    private final Column riskState;
    private final Column riskDetail;
    private final Column riskEventTypesV2;
    private final Column crossTenant;
    private final Column userAgent;
    private final Column protocol;
    private final Column incomingToken;
    private final Column tokenIssuerType;
    private final Column tokenIssuerName;
    private final Column flagged;
    private final Column credentialType;
    private final Column uniqueToken;
    private final Column signInIdentifier;
    private final Column alternateSignInName;
    private final Column sessionId;
    private final Column servicePrincipalId;
    private final Column servicePrincipalName;
    private final Column processingTime;
    private final Column asn;
    private final Column originalTransfer;
    private final Column[] status;
    private final Column[] deviceDetail;
    private final Column[] locationDetails;
    private final Column[] caPolicies;
    private final Column[] authDetails;
    private final Column[] authRequirementPolicies;
    private final Column[] mfaDetail;
    private final Column[] networkLocationDetails;
    private final Column[] authProcessingDetails;
    private final Column[] authMethodsUsed;
    private final Column[] authContexts;

    LogAnalyticsMapper(Header h, String fileName) {
        this.columns = h.size();
        this.fileEventType = GraphValues.eventTypeFromFileName(fileName);
        created = h.column("CreatedDateTime");
        timeGenerated = h.column("TimeGenerated");
        id = h.column("Id");
        originalRequestId = h.column("OriginalRequestId");
        correlationId = h.column("CorrelationId");
        resultType = h.column("ResultType");
        resultDescription = h.column("ResultDescription");
        upn = h.column("UserPrincipalName");
        userDisplayName = h.column("UserDisplayName");
        userId = h.column("UserId");
        userType = h.column("UserType");
        appDisplayName = h.column("AppDisplayName");
        appId = h.column("AppId");
        resourceDisplayName = h.column("ResourceDisplayName");
        resourceIdentity = h.column("ResourceIdentity");
        resourceTenantId = h.column("ResourceTenantId");
        homeTenantId = h.column("HomeTenantId");
        ipAddress = h.column("IPAddress");
        ipFromResource = h.column("IPAddressFromResourceProvider");
        location = h.column("Location");
        clientAppUsed = h.column("ClientAppUsed");
        isInteractive = h.column("IsInteractive");
        table = h.column("Type");
        authRequirement = h.column("AuthenticationRequirement");
        caStatus = h.column("ConditionalAccessStatus");
        riskDuring = h.column("RiskLevelDuringSignIn");
        riskAggregated = h.column("RiskLevelAggregated");
        riskState = h.column("RiskState");
        riskDetail = h.column("RiskDetail");
        riskEventTypesV2 = h.column("RiskEventTypes_V2");
        crossTenant = h.column("CrossTenantAccessType");
        userAgent = h.column("UserAgent");
        protocol = h.column("AuthenticationProtocol");
        incomingToken = h.column("IncomingTokenType");
        tokenIssuerType = h.column("TokenIssuerType");
        tokenIssuerName = h.column("TokenIssuerName");
        flagged = h.column("FlaggedForReview");
        credentialType = h.column("ClientCredentialType");
        uniqueToken = h.column("UniqueTokenIdentifier");
        signInIdentifier = h.column("SignInIdentifier");
        alternateSignInName = h.column("AlternateSignInName");
        sessionId = h.column("SessionId");
        servicePrincipalId = h.column("ServicePrincipalId");
        servicePrincipalName = h.column("ServicePrincipalName");
        processingTime = h.column("ProcessingTimeInMs", "ProcessingTimeInMilliseconds");
        asn = h.column("AutonomousSystemNumber");
        originalTransfer = h.column("OriginalTransferMethod");
        status = h.dynamic("Status");
        deviceDetail = h.dynamic("DeviceDetail");
        locationDetails = h.dynamic("LocationDetails");
        caPolicies = h.dynamic("ConditionalAccessPolicies");
        authDetails = h.dynamic("AuthenticationDetails");
        authRequirementPolicies = h.dynamic("AuthenticationRequirementPolicies");
        mfaDetail = h.dynamic("MfaDetail");
        networkLocationDetails = h.dynamic("NetworkLocationDetails");
        authProcessingDetails = h.dynamic("AuthenticationProcessingDetails");
        authMethodsUsed = h.dynamic("AuthenticationMethodsUsed");
        authContexts = h.dynamic("AuthenticationContextClassReferences");
    }

    @Override
    public ObjectNode map(String[] c) throws RowException {
        String signInId = id.get(c);
        String original = originalRequestId.get(c);
        Column dateColumn = created.get(c) != null ? created : timeGenerated;
        String when = dateColumn.get(c);
        if (signInId == null && original == null && when == null) {
            throw new RowException("the row has no '" + id.name + "', '" + originalRequestId.name + "' or '"
                    + dateColumn.name + "' (it has " + c.length + " value" + (c.length == 1 ? "" : "s")
                    + ", the header " + columns + " columns)");
        }
        ObjectNode s = Cells.NODES.objectNode();
        put(s, "id", signInId != null ? signInId : original);
        if (when != null) {
            s.put("createdDateTime", Cells.date(dateColumn, when));
        }
        put(s, "userDisplayName", userDisplayName.get(c));
        put(s, "userPrincipalName", upn.get(c));
        put(s, "userId", userId.get(c));
        put(s, "userType", GraphValues.userType(userType.get(c)));
        put(s, "appId", appId.get(c));
        put(s, "appDisplayName", appDisplayName.get(c));
        put(s, "ipAddress", ipAddress.get(c));
        put(s, "ipAddressFromResourceProvider", ipFromResource.get(c));
        put(s, "clientAppUsed", clientAppUsed.get(c));
        put(s, "clientCredentialType", GraphValues.clientCredentialType(credentialType.get(c)));
        put(s, "userAgent", userAgent.get(c));
        put(s, "correlationId", correlationId.get(c));
        put(s, "conditionalAccessStatus", GraphValues.conditionalAccessStatus(caStatus.get(c)));
        put(s, "originalRequestId", original);
        put(s, "authenticationProtocol", GraphValues.authenticationProtocol(protocol.get(c)));
        put(s, "incomingTokenType", GraphValues.incomingTokenType(incomingToken.get(c)));
        put(s, "originalTransferMethod", GraphValues.originalTransferMethod(originalTransfer.get(c)));
        String eventType = eventType(c);
        if (eventType != null && (eventType.equals("interactiveUser") || eventType.equals("nonInteractiveUser"))) {
            s.put("isInteractive", eventType.equals("interactiveUser"));
        }
        put(s, "homeTenantId", homeTenantId.get(c));
        put(s, "resourceDisplayName", resourceDisplayName.get(c));
        put(s, "resourceId", resourceIdentity.get(c));
        put(s, "resourceTenantId", resourceTenantId.get(c));
        put(s, "servicePrincipalId", servicePrincipalId.get(c));
        put(s, "servicePrincipalName", servicePrincipalName.get(c));
        put(s, "tokenIssuerName", tokenIssuerName.get(c));
        put(s, "tokenIssuerType", tokenIssuerType.get(c));
        String v = processingTime.get(c);
        if (v != null) {
            Cells.putNumber(s, "processingTimeInMilliseconds", Cells.integer(processingTime, v));
        }
        put(s, "riskDetail", riskDetail.get(c));
        put(s, "riskLevelAggregated", GraphValues.riskLevel(riskAggregated.get(c)));
        put(s, "riskLevelDuringSignIn", GraphValues.riskLevel(riskDuring.get(c)));
        put(s, "riskState", GraphValues.riskState(riskState.get(c)));
        v = riskEventTypesV2.get(c);
        if (v != null) {
            s.set("riskEventTypes_v2", stringArray(riskEventTypesV2, v));
        }
        put(s, "authenticationRequirement", GraphValues.authenticationRequirement(authRequirement.get(c)));
        put(s, "uniqueTokenIdentifier", uniqueToken.get(c));
        put(s, "signInIdentifier", signInIdentifier.get(c));
        put(s, "alternateSignInName", alternateSignInName.get(c));
        put(s, "sessionId", sessionId.get(c));
        if (eventType != null) {
            s.putArray("signInEventTypes").add(eventType);
        }
        put(s, "crossTenantAccessType", GraphValues.crossTenantAccessType(crossTenant.get(c)));
        v = flagged.get(c);
        if (v != null) {
            s.put("flaggedForReview", Cells.bool(flagged, v));
        }
        v = asn.get(c);
        if (v != null) {
            Cells.putNumber(s, "autonomousSystemNumber", Cells.integer(asn, v));
        }
        status(s, c);
        device(s, c);
        location(s, c);
        JsonNode policies = policies(c);
        if (policies != null) {
            s.set("appliedConditionalAccessPolicies", policies);
        }
        setArray(s, "authenticationProcessingDetails", authProcessingDetails, c);
        setArray(s, "networkLocationDetails", networkLocationDetails, c);
        setArray(s, "authenticationDetails", authDetails, c);
        setArray(s, "authenticationRequirementPolicies", authRequirementPolicies, c);
        // an empty cell leaves the field out: not recorded, unlike [] (nothing asked for)
        setArray(s, "authenticationContextClassReferences", authContexts, c);
        Cell m = first(mfaDetail, c);
        if (m != null) {
            ObjectNode mfa = Cells.object(m.column, m.value);
            if (mfa != null) {
                s.set("mfaDetail", mfa);
            }
        }
        Cell used = first(authMethodsUsed, c);
        if (used != null) {
            s.set("authenticationMethodsUsed", stringArray(used.column, used.value));
        }
        return s;
    }

    /** IsInteractive when given, else the table ({@code Type} column), else the file name. */
    private String eventType(String[] c) throws RowException {
        String v = isInteractive.get(c);
        if (v != null) {
            return Cells.bool(isInteractive, v) ? "interactiveUser" : "nonInteractiveUser";
        }
        String t = table.get(c);
        if (t != null) {
            String e = TABLES.get(t.toLowerCase(Locale.ROOT));
            if (e != null) {
                return e;
            }
        }
        return fileEventType;
    }

    private void status(ObjectNode s, String[] c) throws RowException {
        ObjectNode st = Cells.NODES.objectNode();
        Cell json = first(status, c);
        ObjectNode given = json == null ? null : Cells.object(json.column, json.value);
        String code = resultType.get(c);
        if (code != null) {
            Cells.putNumber(st, "errorCode", Cells.integer(resultType, code));
        } else if (given != null && given.hasNonNull("errorCode")) {
            JsonNode e = given.get("errorCode");
            if (e.canConvertToInt()) {
                st.put("errorCode", e.asInt());
            } else {
                Cells.putNumber(st, "errorCode", Cells.integer(json.column, e.asText()));
            }
        }
        String reason = given != null && given.hasNonNull("failureReason") ? given.get("failureReason").asText() : null;
        put(st, "failureReason", reason != null && !reason.isEmpty() ? reason : resultDescription.get(c));
        if (given != null && given.hasNonNull("additionalDetails")) {
            put(st, "additionalDetails", given.get("additionalDetails").asText());
        }
        if (!st.isEmpty()) {
            s.set("status", st);
        }
    }

    private void device(ObjectNode s, String[] c) throws RowException {
        Cell cell = first(deviceDetail, c);
        if (cell == null) {
            return;
        }
        ObjectNode d = Cells.object(cell.column, cell.value);
        if (d == null) {
            return;
        }
        for (String f : new String[] {"isCompliant", "isManaged"}) {
            JsonNode b = d.get(f);
            if (b != null && b.isTextual()) {
                if (b.asText().isBlank()) {
                    d.remove(f);
                } else {
                    d.put(f, Cells.bool(new Column(cell.column.name + "." + f, new int[0]), b.asText()));
                }
            }
        }
        s.set("deviceDetail", d);
    }

    private void location(ObjectNode s, String[] c) throws RowException {
        Cell cell = first(locationDetails, c);
        ObjectNode l = cell == null ? null : Cells.object(cell.column, cell.value);
        if (l == null) {
            String country = location.get(c);
            if (country == null) {
                return;
            }
            l = Cells.NODES.objectNode();
            l.put("countryOrRegion", country);
        }
        s.set("location", l);
    }

    /** ConditionalAccessPolicies as given; a policy with {@code policyId} but no {@code id} gets an id. */
    private JsonNode policies(String[] c) throws RowException {
        Cell cell = first(caPolicies, c);
        ArrayNode a = cell == null ? null : Cells.array(cell.column, cell.value);
        if (a == null) {
            return null;
        }
        ArrayNode out = Cells.NODES.arrayNode(a.size());
        for (JsonNode p : a) {
            if (p.isTextual()) {
                p = Cells.json(cell.column, p.asText());
            }
            if (p instanceof ObjectNode o && !o.has("id") && o.hasNonNull("policyId")) {
                o.set("id", o.get("policyId"));
            }
            if (p != null) {
                out.add(p);
            }
        }
        return out;
    }

    private static void setArray(ObjectNode s, String field, Column[] columns, String[] c) throws RowException {
        Cell cell = first(columns, c);
        if (cell == null) {
            return;
        }
        ArrayNode a = Cells.array(cell.column, cell.value);
        if (a == null) {
            return;
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i).isTextual()) {
                String t = a.get(i).asText().strip();
                if (t.startsWith("{") || t.startsWith("[")) {
                    JsonNode inner = Cells.json(cell.column, t);
                    a.set(i, inner == null ? Cells.NODES.nullNode() : inner);
                }
            }
        }
        s.set(field, a);
    }

    /** A JSON array of strings, or a comma-separated list. */
    private static ArrayNode stringArray(Column col, String v) throws RowException {
        String t = v.strip();
        if (t.startsWith("[") || t.startsWith("\"")) {
            ArrayNode a = Cells.array(col, t);
            return a == null ? Cells.NODES.arrayNode() : a;
        }
        ArrayNode a = Cells.NODES.arrayNode();
        for (String part : t.split(",")) {
            if (!part.isBlank()) {
                a.add(part.strip());
            }
        }
        return a;
    }

    /** A value and the column it came from. */
    private record Cell(Column column, String value) {
    }

    private static Cell first(Column[] columns, String[] c) {
        for (Column col : columns) {
            String v = col.get(c);
            if (v != null) {
                return new Cell(col, v);
            }
        }
        return null;
    }
}
