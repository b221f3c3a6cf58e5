package io.signdx.source.file.graph;

import java.util.Collection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.signdx.api.model.AppliedPolicy;
import io.signdx.api.model.AuthenticationContext;
import io.signdx.api.model.AuthenticationDetail;
import io.signdx.api.model.NetworkLocation;
import io.signdx.api.model.RequirementPolicy;
import io.signdx.api.model.SignIn;
import io.signdx.source.file.internal.GraphMapping;

/**
 * Converts between {@link SignIn} and the Graph beta {@code signIn} JSON text. {@code fromJson(toJson(s))}
 * gives back a sign-in equal in every field but {@code raw} and {@code origin}, which are kept as given (and but
 * authentication contexts without an id, which readers skip).
 */
public final class GraphJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private GraphJson() {
    }

    /**
     * Reads one Graph-shaped sign-in.
     *
     * @throws IllegalArgumentException with a plain reason when the text is not a readable sign-in
     */
    public static SignIn fromJson(String json, String raw, String origin) {
        try {
            return GraphMapping.map(JSON.readTree(json), raw, origin);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Reads sign-ins back from their raw records ({@link SignIn#raw()} as the file reader keeps it): a record
     * that reader accepted gives the sign-in it gave, field for field, so a store may keep the raw record alone.
     * One instance per thread (it keeps what it learnt of the records' field names).
     *
     * @since 1.1
     */
    public static final class RecordReader {
        private final io.signdx.source.file.internal.RecordReader reader = new io.signdx.source.file.internal.RecordReader();

        /**
         * The sign-in of one raw record.
         *
         * @throws IllegalArgumentException when the text is not a record the file reader takes for a sign-in
         */
        public SignIn read(String raw, String origin) {
            return reader.read(raw, origin);
        }
    }

    /** Writes a sign-in as Graph beta JSON (without its raw record). */
    public static String toJson(SignIn s) {
        ObjectNode n = JSON.createObjectNode();
        put(n, "id", s.id());
        put(n, "createdDateTime", s.createdDateTime() == null ? null : s.createdDateTime().toString());
        put(n, "correlationId", s.correlationId());
        put(n, "originalRequestId", s.originalRequestId());
        put(n, "userId", s.userId());
        put(n, "userPrincipalName", s.userPrincipalName());
        put(n, "userDisplayName", s.userDisplayName());
        put(n, "userType", s.userTypeValue());
        put(n, "appId", s.appId());
        put(n, "appDisplayName", s.appDisplayName());
        put(n, "resourceId", s.resourceId());
        put(n, "resourceDisplayName", s.resourceDisplayName());
        put(n, "servicePrincipalId", s.servicePrincipalId());
        put(n, "servicePrincipalName", s.servicePrincipalName());
        put(n, "clientCredentialType", s.clientCredentialType());
        put(n, "managedIdentityType", s.managedIdentityType());
        put(n, "ipAddress", s.ipAddress());
        ObjectNode loc = n.putObject("location");
        put(loc, "city", s.location().city());
        put(loc, "state", s.location().state());
        put(loc, "countryOrRegion", s.location().countryOrRegion());
        if (s.location().latitude() != null || s.location().longitude() != null) {
            ObjectNode geo = loc.putObject("geoCoordinates");
            if (s.location().latitude() != null) {
                geo.put("latitude", s.location().latitude());
            }
            if (s.location().longitude() != null) {
                geo.put("longitude", s.location().longitude());
            }
        }
        put(n, "clientAppUsed", s.clientAppUsed());
        if (s.isInteractive() != null) {
            n.put("isInteractive", s.isInteractive());
        }
        put(n, "authenticationProtocol", s.authenticationProtocol());
        ObjectNode status = n.putObject("status");
        status.put("errorCode", s.errorCode());
        put(status, "failureReason", s.status().failureReason());
        put(status, "additionalDetails", s.status().additionalDetails());
        put(n, "conditionalAccessStatus", s.conditionalAccessStatusValue());
        ArrayNode policies = n.putArray("appliedConditionalAccessPolicies");
        for (AppliedPolicy p : s.appliedConditionalAccessPolicies()) {
            ObjectNode o = policies.addObject();
            put(o, "id", p.id());
            put(o, "displayName", p.displayName());
            put(o, "result", p.resultValue());
            strings(o, "enforcedGrantControls", p.enforcedGrantControls());
            strings(o, "enforcedSessionControls", p.enforcedSessionControls());
            strings(o, "conditionsSatisfied", p.conditionsSatisfied());
            strings(o, "conditionsNotSatisfied", p.conditionsNotSatisfied());
        }
        put(n, "authenticationRequirement", s.authenticationRequirementValue());
        ArrayNode reqs = n.putArray("authenticationRequirementPolicies");
        for (RequirementPolicy r : s.authenticationRequirementPolicies()) {
            ObjectNode o = reqs.addObject();
            put(o, "requirementProvider", r.requirementProvider());
            put(o, "detail", r.detail());
        }
        ArrayNode steps = n.putArray("authenticationDetails");
        for (AuthenticationDetail d : s.authenticationDetails()) {
            ObjectNode o = steps.addObject();
            put(o, "authenticationStepDateTime", d.stepDateTime() == null ? null : d.stepDateTime().toString());
            put(o, "authenticationMethod", d.method());
            put(o, "authenticationMethodDetail", d.methodDetail());
            if (d.succeeded() != null) {
                o.put("succeeded", d.succeeded());
            }
            put(o, "authenticationStepResultDetail", d.resultDetail());
            put(o, "authenticationStepRequirement", d.requirement());
        }
        strings(n, "authenticationMethodsUsed", s.authenticationMethodsUsed());
        ObjectNode dev = n.putObject("deviceDetail");
        put(dev, "deviceId", s.deviceDetail().deviceId());
        put(dev, "displayName", s.deviceDetail().displayName());
        put(dev, "operatingSystem", s.deviceDetail().operatingSystem());
        put(dev, "browser", s.deviceDetail().browser());
        if (s.deviceDetail().isCompliant() != null) {
            dev.put("isCompliant", s.deviceDetail().isCompliant());
        }
        if (s.deviceDetail().isManaged() != null) {
            dev.put("isManaged", s.deviceDetail().isManaged());
        }
        put(dev, "trustType", s.deviceDetail().trustType());
        put(n, "riskLevelDuringSignIn", s.risk().riskLevelDuringSignInValue());
        put(n, "riskLevelAggregated", s.risk().riskLevelAggregatedValue());
        put(n, "riskState", s.risk().riskStateValue());
        put(n, "riskDetail", s.risk().riskDetail());
        strings(n, "riskEventTypes_v2", s.risk().riskEventTypes());
        put(n, "crossTenantAccessType", s.crossTenantAccessTypeValue());
        put(n, "homeTenantId", s.homeTenantId());
        put(n, "resourceTenantId", s.resourceTenantId());
        n.put("flaggedForReview", s.flaggedForReview());
        put(n, "userAgent", s.userAgent());
        strings(n, "signInEventTypes", s.signInEventTypes());
        ArrayNode nets = n.putArray("networkLocationDetails");
        for (NetworkLocation l : s.networkLocationDetails()) {
            ObjectNode o = nets.addObject();
            put(o, "networkType", l.networkType());
            strings(o, "networkNames", l.networkNames());
        }
        put(n, "incomingTokenType", s.incomingTokenType());
        put(n, "tokenIssuerType", s.tokenIssuerType());
        put(n, "originalTransferMethod", s.originalTransferMethod());
        // null (not recorded) is omitted; an empty list is written, as it says that nothing was asked for
        if (s.authenticationContextClassReferences() != null) {
            ArrayNode contexts = n.putArray("authenticationContextClassReferences");
            for (AuthenticationContext c : s.authenticationContextClassReferences()) {
                ObjectNode o = contexts.addObject();
                put(o, "id", c.id());
                put(o, "detail", c.detail());
            }
        }
        return n.toString();
    }

    private static void put(ObjectNode n, String field, String value) {
        if (value != null) {
            n.put(field, value);
        }
    }

    private static void strings(ObjectNode n, String field, Collection<String> values) {
        ArrayNode a = n.putArray(field);
        values.forEach(a::add);
    }
}
