package io.signdx.api.model;

/**
 * What required the authentication ({@code authenticationRequirementPolicies}).
 *
 * @param requirementProvider e.g. "user" (per-user MFA), "multiConditionalAccess", "securityDefaults",
 *        "mfaRegistrationRequiredByIdentityProtectionPolicy"
 * @param detail free text detail
 */
public record RequirementPolicy(String requirementProvider, String detail) {
}
