package io.signdx.api.tenant;

/** The parts a tenant snapshot may hold; a detector says which missing part kept it from a firmer verdict. */
public enum TenantPart {
    CONDITIONAL_ACCESS_POLICIES,
    NAMED_LOCATIONS,
    USERS,
    /** Group names (membership itself comes with the users). @since 1.1 */
    GROUPS,
    SERVICE_PRINCIPALS,
    SECURITY_DEFAULTS,
    PER_USER_MFA
}
