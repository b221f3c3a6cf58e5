package io.signdx.scenario.credentials.internal;

/** Microsoft Learn pages the recommendations point to. */
final class Links {
    static final String SMART_LOCKOUT = "https://learn.microsoft.com/entra/identity/authentication/howto-password-smart-lockout";
    static final String SSPR = "https://learn.microsoft.com/entra/identity/authentication/concept-sspr-howitworks";
    static final String PASSWORD_POLICY = "https://learn.microsoft.com/entra/identity/authentication/concept-sspr-policy";
    static final String SSPR_WRITEBACK = "https://learn.microsoft.com/entra/identity/authentication/concept-sspr-writeback";
    static final String PASSWORD_PROTECTION = "https://learn.microsoft.com/entra/identity/authentication/concept-password-ban-bad";
    static final String NAMED_LOCATIONS = "https://learn.microsoft.com/entra/identity/conditional-access/concept-assignment-network";
    static final String BLOCK_LEGACY = "https://learn.microsoft.com/entra/identity/conditional-access/block-legacy-authentication";
    static final String MFA_ALL_USERS = "https://learn.microsoft.com/entra/identity/conditional-access/howto-conditional-access-policy-all-users-mfa";
    static final String WHAT_IF = "https://learn.microsoft.com/entra/identity/conditional-access/what-if-tool";
    static final String REPORT_ONLY = "https://learn.microsoft.com/entra/identity/conditional-access/concept-conditional-access-report-only";
    static final String WORKLOAD_IDENTITY = "https://learn.microsoft.com/entra/identity/conditional-access/workload-identity";
    static final String REVOKE_ACCESS = "https://learn.microsoft.com/entra/identity/users/users-revoke-access";
    static final String INVESTIGATE_RISK = "https://learn.microsoft.com/entra/id-protection/howto-identity-protection-investigate-risk";
    static final String UNBLOCK = "https://learn.microsoft.com/entra/id-protection/howto-identity-protection-remediate-unblock";
    static final String TROUBLESHOOT_SIGN_IN = "https://learn.microsoft.com/entra/identity/monitoring-health/howto-troubleshoot-sign-in-errors";
    static final String SUPPORT = "https://learn.microsoft.com/entra/fundamentals/how-to-get-support";
    static final String ERROR_CODES = "https://learn.microsoft.com/entra/identity-platform/reference-error-codes";

    private Links() {
    }
}
