package io.signdx.source.file.internal.csv;

import static io.signdx.source.file.internal.csv.Cells.put;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.signdx.source.file.internal.csv.Header.Column;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One row of the Entra admin center download (Sign-in logs → Download → CSV) into a Graph beta
 * {@code signIn}. Column names are the portal's display names, matched leniently by {@link Header}.
 */
final class PortalMapper implements SignInMapper {

    private final int columns;
    private final String eventType;

    private final Column date;
    private final Column requestId;
    private final Column correlationId;
    private final Column userId;
    private final Column user;
    private final Column username;
    private final Column userType;
    private final Column crossTenant;
    private final Column incomingToken;
    private final Column protocol;
    private final Column uniqueToken;
    private final Column originalTransfer;
    private final Column credentialType;
    private final Column application;
    private final Column applicationId;
    private final Column appOwnerTenant;
    private final Column resource;
    private final Column resourceId;
    private final Column resourceTenant;
    private final Column resourceOwnerTenant;
    private final Column homeTenant;
    private final Column homeTenantName;
    private final Column servicePrincipalId;
    private final Column servicePrincipalName;
    private final Column ipAddress;
    private final Column location;
    private final Column status;
    private final Column errorCode;
    private final Column failureReason;
    private final Column additionalDetails;
    private final Column clientApp;
    private final Column deviceId;
    private final Column deviceName;
    private final Column browser;
    private final Column os;
    private final Column compliant;
    private final Column managed;
    private final Column joinType;
    private final Column mfaResult;
    private final Column mfaMethod;
    private final Column mfaDetail;
    private final Column authRequirement;
    private final Column signInIdentifier;
    private final Column sessionId;
    private final Column ipSeenByResource;
    private final Column throughGsa;
    private final Column gsaIp;
    private final Column asn;
    private final Column flagged;
    private final Column tokenIssuerType;
    private final Column tokenIssuerName;
    private final Column latency;
    private final Column conditionalAccess;
    private final Column userAgent;

    PortalMapper(Header h, String fileName) {
        this.columns = h.size();
        this.eventType = GraphValues.eventTypeFromFileName(fileName);
        date = h.column("Date (UTC)", "Date");
        requestId = h.column("Request ID");
        correlationId = h.column("Correlation ID");
        userId = h.column("User ID");
        user = h.column("User");
        username = h.column("Username", "User name", "User principal name");
        userType = h.column("User type");
        crossTenant = h.column("Cross tenant access type");
        incomingToken = h.column("Incoming token type");
        protocol = h.column("Authentication Protocol");
        uniqueToken = h.column("Unique token identifier");
        originalTransfer = h.column("Original transfer method");
        credentialType = h.column("Client credential type");
        application = h.column("Application");
        applicationId = h.column("Application ID", "App ID");
        appOwnerTenant = h.column("App owner tenant ID");
        resource = h.column("Resource");
        resourceId = h.column("Resource ID");
        resourceTenant = h.column("Resource tenant ID");
        resourceOwnerTenant = h.column("Resource owner tenant ID");
        homeTenant = h.column("Home tenant ID");
        homeTenantName = h.column("Home tenant name");
        servicePrincipalId = h.column("Service principal ID");
        servicePrincipalName = h.column("Service principal name");
        ipAddress = h.column("IP address");
        location = h.column("Location");
        status = h.column("Status");
        errorCode = h.column("Sign-in error code", "Error code");
        failureReason = h.column("Failure reason");
        additionalDetails = h.column("Additional details");
        clientApp = h.column("Client app");
        deviceId = h.column("Device ID");
        deviceName = h.column("Device name", "Device");
        browser = h.column("Browser");
        os = h.column("Operating System");
        compliant = h.column("Compliant");
        managed = h.column("Managed");
        joinType = h.column("Join Type", "Trust type");
        mfaResult = h.column("Multifactor authentication result");
        mfaMethod = h.column("Multifactor authentication auth method");
        mfaDetail = h.column("Multifactor authentication auth detail");
        authRequirement = h.column("Authentication requirement");
        signInIdentifier = h.column("Sign-in identifier");
        sessionId = h.column("Session ID");
        ipSeenByResource = h.column("IP address (seen by resource)");
        throughGsa = h.column("Through Global Secure Access");
        gsaIp = h.column("Global Secure Access IP address");
        asn = h.column("Autonomous system number");
        flagged = h.column("Flagged for review");
        tokenIssuerType = h.column("Token issuer type");
        tokenIssuerName = h.column("Token issuer name");
        latency = h.column("Latency", "Latency (ms)");
        conditionalAccess = h.column("Conditional Access");
        userAgent = h.column("User agent");
    }

    @Override
    public ObjectNode map(String[] c) throws RowException {
        String id = requestId.get(c);
        String when = date.get(c);
        if (id == null && when == null) {
            throw new RowException("the row has neither '" + requestId.name + "' nor '" + date.name + "' (it has "
                    + c.length + " value" + (c.length == 1 ? "" : "s") + ", the header " + columns + " columns)");
        }
        ObjectNode s = Cells.NODES.objectNode();
        put(s, "id", id);
        if (when != null) {
            s.put("createdDateTime", Cells.date(date, when));
        }
        put(s, "userDisplayName", user.get(c));
        put(s, "userPrincipalName", username.get(c));
        put(s, "userId", userId.get(c));
        put(s, "userType", GraphValues.userType(userType.get(c)));
        put(s, "appId", applicationId.get(c));
        put(s, "appDisplayName", application.get(c));
        put(s, "appOwnerTenantId", appOwnerTenant.get(c));
        put(s, "ipAddress", ipAddress.get(c));
        put(s, "ipAddressFromResourceProvider", ipSeenByResource.get(c));
        put(s, "clientAppUsed", clientApp.get(c));
        put(s, "clientCredentialType", GraphValues.clientCredentialType(credentialType.get(c)));
        put(s, "userAgent", userAgent.get(c));
        put(s, "correlationId", correlationId.get(c));
        put(s, "conditionalAccessStatus", GraphValues.conditionalAccessStatus(conditionalAccess.get(c)));
        put(s, "authenticationProtocol", GraphValues.authenticationProtocol(protocol.get(c)));
        put(s, "incomingTokenType", GraphValues.incomingTokenType(incomingToken.get(c)));
        put(s, "originalTransferMethod", GraphValues.originalTransferMethod(originalTransfer.get(c)));
        if (eventType != null && (eventType.equals("interactiveUser") || eventType.equals("nonInteractiveUser"))) {
            s.put("isInteractive", eventType.equals("interactiveUser"));
        }
        put(s, "homeTenantId", homeTenant.get(c));
        put(s, "homeTenantName", homeTenantName.get(c));
        put(s, "resourceDisplayName", resource.get(c));
        put(s, "resourceId", resourceId.get(c));
        put(s, "resourceTenantId", resourceTenant.get(c));
        put(s, "resourceOwnerTenantId", resourceOwnerTenant.get(c));
        put(s, "servicePrincipalId", servicePrincipalId.get(c));
        put(s, "servicePrincipalName", servicePrincipalName.get(c));
        put(s, "tokenIssuerName", tokenIssuerName.get(c));
        put(s, "tokenIssuerType", tokenIssuerType.get(c));
        String v = latency.get(c);
        if (v != null) {
            Cells.putNumber(s, "processingTimeInMilliseconds", Cells.integer(latency, v));
        }
        put(s, "authenticationRequirement", GraphValues.authenticationRequirement(authRequirement.get(c)));
        put(s, "uniqueTokenIdentifier", uniqueToken.get(c));
        put(s, "signInIdentifier", signInIdentifier.get(c));
        put(s, "sessionId", sessionId.get(c));
        if (eventType != null) {
            s.putArray("signInEventTypes").add(eventType);
        }
        put(s, "crossTenantAccessType", GraphValues.crossTenantAccessType(crossTenant.get(c)));
        v = flagged.get(c);
        if (v != null) {
            s.put("flaggedForReview", Cells.bool(flagged, v));
        }
        v = throughGsa.get(c);
        if (v != null) {
            s.put("isThroughGlobalSecureAccess", Cells.bool(throughGsa, v));
        }
        put(s, "globalSecureAccessIpAddress", gsaIp.get(c));
        v = asn.get(c);
        if (v != null) {
            Cells.putNumber(s, "autonomousSystemNumber", Cells.integer(asn, v));
        }
        status(s, c);
        device(s, c);
        location(s, c);
        ObjectNode mfa = Cells.NODES.objectNode();
        put(mfa, "authMethod", mfaMethod.get(c));
        put(mfa, "authDetail", mfaDetail.get(c));
        if (!mfa.isEmpty()) {
            s.set("mfaDetail", mfa);
        }
        return s;
    }

    private void status(ObjectNode s, String[] c) throws RowException {
        ObjectNode st = Cells.NODES.objectNode();
        String code = errorCode.get(c);
        String result = status.get(c);
        if (code != null) {
            Cells.putNumber(st, "errorCode", Cells.integer(errorCode, code));
        } else if (result != null && Cells.letters(result).equals("success")) {
            st.put("errorCode", 0);
        }
        put(st, "failureReason", failureReason.get(c));
        String more = additionalDetails.get(c);
        put(st, "additionalDetails", more != null ? more : mfaResult.get(c));
        if (!st.isEmpty()) {
            s.set("status", st);
        }
    }

    private void device(ObjectNode s, String[] c) throws RowException {
        ObjectNode d = Cells.NODES.objectNode();
        put(d, "deviceId", deviceId.get(c));
        put(d, "displayName", deviceName.get(c));
        put(d, "operatingSystem", os.get(c));
        put(d, "browser", browser.get(c));
        String v = compliant.get(c);
        if (v != null) {
            d.put("isCompliant", Cells.bool(compliant, v));
        }
        v = managed.get(c);
        if (v != null) {
            d.put("isManaged", Cells.bool(managed, v));
        }
        put(d, "trustType", joinType.get(c));
        if (!d.isEmpty()) {
            s.set("deviceDetail", d);
        }
    }

    /** "City, State, CC" as the portal writes it; fewer parts are read from the end (country last). */
    private void location(ObjectNode s, String[] c) {
        String v = location.get(c);
        if (v == null) {
            return;
        }
        ObjectNode l = Cells.NODES.objectNode();
        String[] parts = v.split(",", -1);
        for (int i = 0; i < parts.length; i++) {
            parts[i] = parts[i].strip();
        }
        if (parts.length >= 3) {
            put(l, "city", parts[0]);
            List<String> middle = new ArrayList<>();
            for (int i = 1; i < parts.length - 1; i++) {
                if (!parts[i].isEmpty()) {
                    middle.add(parts[i]);
                }
            }
            put(l, "state", String.join(", ", middle));
            put(l, "countryOrRegion", parts[parts.length - 1]);
        } else if (parts.length == 2) {
            put(l, "city", parts[0]);
            put(l, looksLikeCountry(parts[1]) ? "countryOrRegion" : "state", parts[1]);
        } else {
            put(l, looksLikeCountry(parts[0]) ? "countryOrRegion" : "city", parts[0]);
        }
        if (!l.isEmpty()) {
            s.set("location", l);
        }
    }

    private static boolean looksLikeCountry(String v) {
        return v.length() == 2 && v.toUpperCase(Locale.ROOT).equals(v) && Character.isLetter(v.charAt(0))
                && Character.isLetter(v.charAt(1));
    }
}
