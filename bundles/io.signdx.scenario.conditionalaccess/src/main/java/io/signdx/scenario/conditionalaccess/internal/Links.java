package io.signdx.scenario.conditionalaccess.internal;

/** Microsoft Learn pages the Conditional Access findings point to. */
final class Links {
    static final String TROUBLESHOOT = "https://learn.microsoft.com/entra/identity/conditional-access/troubleshoot-conditional-access";
    static final String WHAT_IF = "https://learn.microsoft.com/entra/identity/conditional-access/what-if-tool";
    static final String REPORT_ONLY = "https://learn.microsoft.com/entra/identity/conditional-access/concept-conditional-access-report-only";
    static final String USERS_AND_GROUPS = "https://learn.microsoft.com/entra/identity/conditional-access/concept-conditional-access-users-groups";
    static final String LOCATIONS = "https://learn.microsoft.com/entra/identity/conditional-access/concept-assignment-network";
    static final String AUTHENTICATION_FLOWS = "https://learn.microsoft.com/entra/identity/conditional-access/concept-authentication-flows";
    static final String DEVICE_FILTER = "https://learn.microsoft.com/entra/identity/conditional-access/concept-condition-filters-for-devices";
    static final String PLATFORMS = "https://learn.microsoft.com/entra/identity/conditional-access/concept-conditional-access-conditions";
    static final String EMERGENCY_ACCESS = "https://learn.microsoft.com/entra/identity/role-based-access-control/security-emergency-access";
    static final String GRANT = "https://learn.microsoft.com/entra/identity/conditional-access/concept-conditional-access-grant";
    static final String INTUNE_ENROLL = "https://learn.microsoft.com/intune/intune-service/user-help/enroll-device-android-company-portal";
    static final String COMPLIANCE = "https://learn.microsoft.com/intune/intune-service/protect/device-compliance-get-started";
    static final String SUPPORTED_BROWSERS = "https://learn.microsoft.com/entra/identity/conditional-access/concept-conditional-access-conditions#supported-browsers";
    static final String HYBRID_JOIN = "https://learn.microsoft.com/entra/identity/devices/how-to-hybrid-join";
    static final String DSREGCMD = "https://learn.microsoft.com/entra/identity/devices/troubleshoot-device-dsregcmd";
    static final String APP_PROTECTION = "https://learn.microsoft.com/entra/identity/conditional-access/policy-all-users-device-compliance-app-protection";
    static final String MIGRATE_APPROVED_APP = "https://learn.microsoft.com/entra/identity/conditional-access/migrate-approved-client-app";
    static final String APP_PROTECTION_POLICIES = "https://learn.microsoft.com/intune/intune-service/apps/app-protection-policy";
    static final String SESSION_LIFETIME = "https://learn.microsoft.com/entra/identity/conditional-access/concept-session-lifetime";
    static final String AUTH_STRENGTH = "https://learn.microsoft.com/entra/identity/authentication/concept-authentication-strengths";
    static final String AUTH_STRENGTH_TROUBLESHOOT = "https://learn.microsoft.com/entra/identity/authentication/troubleshoot-authentication-strengths";
    static final String TERMS_OF_USE = "https://learn.microsoft.com/entra/identity/conditional-access/terms-of-use";
    static final String CUSTOM_CONTROLS = "https://learn.microsoft.com/entra/identity/conditional-access/controls";
    static final String SECURITY_INFO = "https://mysignins.microsoft.com/security-info";
    static final String MFA_POLICY = "https://learn.microsoft.com/entra/identity/conditional-access/policy-all-users-mfa-strength";
    static final String REAUTH_PROMPTS = "https://learn.microsoft.com/entra/identity/authentication/concepts-azure-multi-factor-authentication-prompts-session-lifetime";
    static final String CROSS_TENANT = "https://learn.microsoft.com/entra/external-id/cross-tenant-access-overview";
    static final String CROSS_TENANT_B2B = "https://learn.microsoft.com/entra/external-id/cross-tenant-access-settings-b2b-collaboration";
    static final String B2B_CA = "https://learn.microsoft.com/entra/external-id/authentication-conditional-access";

    private Links() {
    }
}
