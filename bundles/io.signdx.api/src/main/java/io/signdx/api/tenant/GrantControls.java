package io.signdx.api.tenant;

import java.util.List;

/**
 * The grant controls of a Conditional Access policy.
 *
 * @param operator {@code OR} (one of the controls) or {@code AND} (all of them), as recorded
 * @param builtInControls e.g. {@code block}, {@code mfa}, {@code compliantDevice},
 *        {@code domainJoinedDevice}, {@code approvedApplication}, {@code compliantApplication},
 *        {@code passwordChange}
 * @param authenticationStrength the required authentication strength, or null
 * @param termsOfUse ids of terms of use the user must accept
 * @param customAuthenticationFactors custom controls
 */
public record GrantControls(String operator, List<String> builtInControls, AuthenticationStrength authenticationStrength,
        List<String> termsOfUse, List<String> customAuthenticationFactors) {

    /** Null lists become empty. */
    public GrantControls {
        builtInControls = PolicyConditions.orEmpty(builtInControls);
        termsOfUse = PolicyConditions.orEmpty(termsOfUse);
        customAuthenticationFactors = PolicyConditions.orEmpty(customAuthenticationFactors);
    }

    /** True when the grant is Block. */
    public boolean blocks() {
        return builtInControls.stream().anyMatch(c -> c.equalsIgnoreCase("block"));
    }

    /** True when all controls are required; OR is the default when the export does not say. */
    public boolean requiresAll() {
        return "AND".equalsIgnoreCase(operator);
    }

    /**
     * An authentication strength.
     *
     * @param id policy id of the strength
     * @param displayName e.g. {@code Phishing-resistant MFA}
     * @param allowedCombinations e.g. {@code windowsHelloForBusiness}, {@code fido2}, {@code password,sms}
     */
    public record AuthenticationStrength(String id, String displayName, List<String> allowedCombinations) {
        /** Null lists become empty. */
        public AuthenticationStrength {
            allowedCombinations = PolicyConditions.orEmpty(allowedCombinations);
        }

        /** The name to show. */
        public String label() {
            return displayName != null && !displayName.isBlank() ? displayName : id;
        }
    }
}
