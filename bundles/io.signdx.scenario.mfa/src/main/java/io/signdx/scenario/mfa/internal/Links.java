package io.signdx.scenario.mfa.internal;

/** Microsoft Learn pages the MFA findings point to. */
final class Links {
    static final String SECURITY_INFO = "https://mysignins.microsoft.com/security-info";
    static final String COMBINED_REGISTRATION =
            "https://learn.microsoft.com/entra/identity/authentication/concept-registration-mfa-sspr-combined";
    static final String PER_USER_TO_CA = "https://learn.microsoft.com/entra/identity/authentication/"
            + "howto-mfa-getstarted#convert-users-from-per-user-mfa-to-conditional-access-based-mfa";
    static final String PER_USER_STATES = "https://learn.microsoft.com/entra/identity/authentication/howto-mfa-userstates";
    static final String RISK_POLICIES =
            "https://learn.microsoft.com/entra/id-protection/howto-identity-protection-configure-risk-policies";
    static final String MFA_REGISTRATION_POLICY =
            "https://learn.microsoft.com/entra/id-protection/howto-identity-protection-configure-mfa-policy";
    static final String CLAIMS_CHALLENGE = "https://learn.microsoft.com/entra/identity-platform/claims-challenge";
    static final String CROSS_TENANT =
            "https://learn.microsoft.com/entra/external-id/cross-tenant-access-settings-b2b-collaboration";
    static final String SIGN_IN_DETAILS =
            "https://learn.microsoft.com/entra/identity/monitoring-health/howto-troubleshoot-sign-in-errors";
    static final String TAP =
            "https://learn.microsoft.com/entra/identity/authentication/howto-authentication-temporary-access-pass";
    static final String SECURE_REGISTRATION =
            "https://learn.microsoft.com/entra/identity/conditional-access/policy-all-users-security-info-registration";
    static final String SSPR = "https://learn.microsoft.com/entra/identity/authentication/tutorial-enable-sspr";
    static final String SECURITY_DEFAULTS = "https://learn.microsoft.com/entra/fundamentals/security-defaults";
    static final String DEFAULTS_TO_CA = SECURITY_DEFAULTS + "#move-from-security-defaults-to-conditional-access";
    static final String LEGACY_AUTH =
            "https://learn.microsoft.com/entra/identity/conditional-access/block-legacy-authentication";
    static final String INVESTIGATE_RISK =
            "https://learn.microsoft.com/entra/id-protection/howto-identity-protection-investigate-risk";
    static final String REMEDIATE_RISK =
            "https://learn.microsoft.com/entra/id-protection/howto-identity-protection-remediate-unblock";
    static final String NUMBER_MATCH = "https://learn.microsoft.com/entra/identity/authentication/how-to-mfa-number-match";
    static final String REPORT_SUSPICIOUS = "https://learn.microsoft.com/entra/identity/authentication/"
            + "howto-mfa-mfasettings#report-suspicious-activity";
    static final String REVOKE = "https://learn.microsoft.com/entra/identity/users/users-revoke-access";
    static final String FEDERATED_MFA = "https://learn.microsoft.com/graph/api/resources/internaldomainfederation";

    private Links() {
    }
}
