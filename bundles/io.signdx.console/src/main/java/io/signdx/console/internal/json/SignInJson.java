package io.signdx.console.internal.json;

import java.io.IOException;
import java.util.Set;

import com.fasterxml.jackson.core.JsonGenerator;

import io.signdx.api.model.SignIn;

/**
 * A sign-in as one row of a search result: the fields a summary table shows, with its outcome as
 * {@code success}, {@code failure} or {@code interrupted}. Every value is record text, written as JSON
 * data. Self-contained (API types in, a Jackson generator out).
 */
public final class SignInJson {
    /**
     * The codes Entra reports for a sign-in that stopped to ask the user for something (MFA, registration,
     * "stay signed in?", device authentication, an SSO token …) rather than failed; the portal lists them
     * as interrupted. Taken from the error-code catalogue (its {@code interrupt} category, the *Interrupt
     * names and the MFA, device and external-challenge prompts).
     */
    public static final Set<Integer> INTERRUPT_CODES = Set.of(50072, 50074, 50076, 50079, 50097, 50125, 50140,
            50158, 50168, 50199, 50201, 1000002);

    private SignInJson() {
    }

    /** {@code success}, {@code interrupted} or {@code failure}. */
    public static String status(SignIn s) {
        if (s.errorCode() == 0) {
            return "success";
        }
        return INTERRUPT_CODES.contains(s.errorCode()) ? "interrupted" : "failure";
    }

    /** Writes the summary fields as one JSON object. */
    public static void write(SignIn s, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", s.id());
        g.writeStringField("createdDateTime", s.createdDateTime() == null ? null : s.createdDateTime().toString());
        g.writeStringField("userDisplayName", s.userDisplayName());
        g.writeStringField("userPrincipalName", s.userPrincipalName());
        g.writeStringField("userId", s.userId());
        g.writeStringField("appDisplayName", s.appDisplayName());
        g.writeStringField("appId", s.appId());
        g.writeStringField("ipAddress", s.ipAddress());
        g.writeStringField("location", s.location().display());
        g.writeStringField("status", status(s));
        g.writeNumberField("errorCode", s.errorCode());
        g.writeStringField("failureReason", s.status().failureReason());
        g.writeStringField("clientAppUsed", s.clientAppUsed());
        g.writeStringField("conditionalAccessStatus", s.conditionalAccessStatusValue());
        g.writeBooleanField("flagged", s.flaggedForReview());
        g.writeStringField("operatingSystem", s.deviceDetail().operatingSystem());
        g.writeStringField("browser", s.deviceDetail().browser());
        g.writeStringField("userAgent", s.userAgent());
        g.writeStringField("correlationId", s.correlationId());
        g.writeEndObject();
    }
}
