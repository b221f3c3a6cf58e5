package io.signdx.scenario.risk.internal;

/** Microsoft Learn pages the risk findings point to. */
final class Links {
    static final String RISK_DETECTIONS = "https://learn.microsoft.com/entra/id-protection/concept-identity-protection-risks";
    static final String INVESTIGATE = "https://learn.microsoft.com/entra/id-protection/howto-identity-protection-investigate-risk";
    static final String REMEDIATE = "https://learn.microsoft.com/entra/id-protection/howto-identity-protection-remediate-unblock";
    static final String SIGN_IN_RISK_POLICY =
            "https://learn.microsoft.com/entra/identity/conditional-access/policy-risk-based-sign-in";
    static final String USER_RISK_POLICY = "https://learn.microsoft.com/entra/identity/conditional-access/policy-risk-based-user";
    static final String B2B_RISK = "https://learn.microsoft.com/entra/id-protection/concept-identity-protection-b2b";
    static final String PASSWORD_RESET = "https://passwordreset.microsoftonline.com/";
    static final String REVOKE = "https://learn.microsoft.com/entra/identity/users/users-revoke-access";

    private Links() {
    }
}
