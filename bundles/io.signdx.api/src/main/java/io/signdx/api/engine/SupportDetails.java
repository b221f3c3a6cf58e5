package io.signdx.api.engine;

import java.time.Instant;

/**
 * What Microsoft support (or a colleague) needs to find the same event.
 *
 * @param requestId request id
 * @param correlationId correlation id
 * @param timestamp when it happened, or {@code null}
 * @param errorCode AADSTS code, 0 for success
 * @param userPrincipalName the user, or {@code null}
 * @param appId the application id, or {@code null}
 */
public record SupportDetails(String requestId, String correlationId, Instant timestamp, int errorCode,
        String userPrincipalName, String appId) {
}
