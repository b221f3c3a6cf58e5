package io.signdx.api.model;

import java.time.Instant;

/**
 * One step of the authentication ({@code authenticationDetails}).
 *
 * @param stepDateTime when the step happened, or {@code null}
 * @param method e.g. "Password", "Mobile app notification", "Previously satisfied"
 * @param methodDetail e.g. "Password Hash Sync", "Pass-through Authentication"
 * @param succeeded whether the step succeeded, or {@code null} when not recorded
 * @param resultDetail e.g. "MFA denied; user declined the authentication"
 * @param requirement e.g. "Primary authentication", "Multifactor authentication"
 */
public record AuthenticationDetail(Instant stepDateTime, String method, String methodDetail, Boolean succeeded,
        String resultDetail, String requirement) {
}
