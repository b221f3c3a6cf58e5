package io.signdx.scenario.mfa.internal;

import java.util.Map;
import java.util.function.Predicate;

import io.signdx.api.model.RequirementPolicy;
import io.signdx.api.model.SignIn;

/**
 * What a {@code requirementProvider} value on a sign-in says required multifactor authentication
 * (the Graph beta {@code requirementProvider} enumeration). The order of the constants is the order in
 * which a detector names the cause when a record carries several.
 */
enum Provider {
    PER_USER("per-user-mfa", "per-user MFA (the legacy per-user MFA state of the account)"),
    IDENTITY_PROTECTION("identity-protection", "an Identity Protection risk policy (the legacy sign-in or user "
            + "risk policy)"),
    PARTNER_ADMIN("partner-admin", "the MFA requirement for partner (CSP) administrators acting in a customer tenant"),
    APPLICATION("application-request", "the application's own request (it asked for MFA, or the permissions it "
            + "requested need it)"),
    CROSS_TENANT("cross-tenant", "a cross-tenant access rule between the user's home organisation and this one"),
    BASELINE("baseline-protection", "a retired baseline protection policy (the forerunner of security defaults)"),
    SECURITY_INFO("security-info", "a request to register or change security information, which needs MFA"),
    OTHER("other-provider", "a requirement SignDx does not know by name"),
    CONDITIONAL_ACCESS("conditional-access", "a Conditional Access policy"),
    SECURITY_DEFAULTS("security-defaults", "security defaults"),
    REGISTRATION_SECURITY_DEFAULTS("security-defaults", "security defaults, which make every user register for MFA"),
    REGISTRATION_CONDITIONAL_ACCESS("conditional-access", "a Conditional Access policy that requires MFA (or an "
            + "authentication strength) the user has no method for yet"),
    REGISTRATION_IDENTITY_PROTECTION("identity-protection", "the Identity Protection MFA registration policy"),
    REGISTRATION_BASELINE("baseline-protection", "a retired baseline protection policy");

    /** Graph values, normalized (lower case, no separators), and what they mean. */
    private static final Map<String, Provider> BY_VALUE = Map.ofEntries(
            Map.entry("user", PER_USER),
            Map.entry("request", APPLICATION),
            Map.entry("serviceprincipal", APPLICATION),
            Map.entry("scopebasedauthrequirementpolicy", APPLICATION),
            Map.entry("tenantsessionriskpolicy", IDENTITY_PROTECTION),
            Map.entry("accountcompromisepolicies", IDENTITY_PROTECTION),
            Map.entry("riskbasedpolicy", IDENTITY_PROTECTION),
            Map.entry("enforcedforcspadmins", PARTNER_ADMIN),
            Map.entry("crosstenantoutboundrule", CROSS_TENANT),
            Map.entry("baselineprotection", BASELINE),
            Map.entry("proofupcoderequest", SECURITY_INFO),
            Map.entry("v1conditionalaccess", CONDITIONAL_ACCESS),
            Map.entry("multiconditionalaccess", CONDITIONAL_ACCESS),
            Map.entry("conditionalaccess", CONDITIONAL_ACCESS),
            Map.entry("v1conditionalaccessdependency", CONDITIONAL_ACCESS),
            Map.entry("v1conditionalaccesspolicyidrequested", CONDITIONAL_ACCESS),
            Map.entry("authenticationstrengths", CONDITIONAL_ACCESS),
            // GPS-based named locations are a Conditional Access condition
            Map.entry("gpslocationcondition", CONDITIONAL_ACCESS),
            Map.entry("securitydefaults", SECURITY_DEFAULTS),
            Map.entry("mfaregistrationrequiredbysecuritydefaults", REGISTRATION_SECURITY_DEFAULTS),
            Map.entry("mfaregistrationrequiredbymulticonditionalaccess", REGISTRATION_CONDITIONAL_ACCESS),
            Map.entry("mfaregistrationrequiredbyidentityprotectionpolicy", REGISTRATION_IDENTITY_PROTECTION),
            Map.entry("mfaregistrationrequiredbybaselineprotection", REGISTRATION_BASELINE));

    private final String classification;
    private final String description;

    Provider(String classification, String description) {
        this.classification = classification;
        this.description = description;
    }

    /** The finding classification this provider leads to. */
    String classification() {
        return classification;
    }

    /** Plain words for an assessment, e.g. "per-user MFA (…)". */
    String description() {
        return description;
    }

    /** True for requirements the Conditional Access scenarios explain. */
    boolean conditionalAccess() {
        return this == CONDITIONAL_ACCESS;
    }

    /** True for the security-defaults requirements (MFA or registration). */
    boolean securityDefaults() {
        return this == SECURITY_DEFAULTS || this == REGISTRATION_SECURITY_DEFAULTS;
    }

    /** True when the provider says the user must register (proof up) rather than pass MFA. */
    boolean registration() {
        return name().startsWith("REGISTRATION_");
    }

    /** True for the requirements that {@code mfa.other-requirement} explains. */
    boolean other() {
        return ordinal() <= OTHER.ordinal();
    }

    /** The meaning of a recorded value; {@code null} for a blank value, {@link #OTHER} for an unknown one. */
    static Provider of(String value) {
        if (value == null) {
            return null;
        }
        String key = normalize(value);
        return key.isEmpty() ? null : BY_VALUE.getOrDefault(key, OTHER);
    }

    /** The first provider of the sign-in that passes {@code filter}, by the order of the constants. */
    static Provider first(SignIn signIn, Predicate<Provider> filter) {
        Provider best = null;
        for (RequirementPolicy p : signIn.authenticationRequirementPolicies()) {
            Provider k = p == null ? null : of(p.requirementProvider());
            if (k != null && filter.test(k) && (best == null || k.ordinal() < best.ordinal())) {
                best = k;
            }
        }
        return best;
    }

    /** True when any recorded provider passes {@code filter}. */
    static boolean any(SignIn signIn, Predicate<Provider> filter) {
        return first(signIn, filter) != null;
    }

    // exports spell enum values with different case and separators; compare them without
    private static String normalize(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != ' ' && c != '_' && c != '-') {
                b.append(Character.toLowerCase(c));
            }
        }
        return b.toString();
    }
}
