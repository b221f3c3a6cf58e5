package io.signdx.api.tenant;

import java.util.List;

/**
 * The conditions of a Conditional Access policy (Graph {@code conditionalAccessConditionSet}). A
 * {@code null} component means the condition is not configured; an empty list inside a configured
 * condition means the export listed nothing.
 *
 * @param users users, groups, roles and guest or external user types
 * @param applications applications, user actions, authentication contexts and the application filter
 * @param clientApplications workload identities (service principals) the policy targets
 * @param platforms device platforms
 * @param locations named locations
 * @param clientAppTypes client app types, e.g. {@code browser}, {@code mobileAppsAndDesktopClients},
 *        {@code exchangeActiveSync}, {@code other}, {@code all}
 * @param signInRiskLevels sign-in risk levels
 * @param userRiskLevels user risk levels
 * @param servicePrincipalRiskLevels service-principal risk levels
 * @param insiderRiskLevels insider risk levels ({@code minor}, {@code moderate}, {@code elevated})
 * @param authenticationFlowTransferMethods authentication flows, e.g. {@code deviceCodeFlow},
 *        {@code authenticationTransfer}
 * @param devices the device filter
 */
public record PolicyConditions(Users users, Applications applications, ClientApplications clientApplications,
        IncludeExclude platforms, IncludeExclude locations, List<String> clientAppTypes, List<String> signInRiskLevels,
        List<String> userRiskLevels, List<String> servicePrincipalRiskLevels, List<String> insiderRiskLevels,
        List<String> authenticationFlowTransferMethods, Filter devices) {

    /** Conditions with nothing configured. */
    public static final PolicyConditions EMPTY = new PolicyConditions(null, null, null, null, null, null, null, null,
            null, null, null, null);

    /** Copies the lists so the record stays immutable; {@code null} lists stay null (not configured). */
    public PolicyConditions {
        clientAppTypes = copy(clientAppTypes);
        signInRiskLevels = copy(signInRiskLevels);
        userRiskLevels = copy(userRiskLevels);
        servicePrincipalRiskLevels = copy(servicePrincipalRiskLevels);
        insiderRiskLevels = copy(insiderRiskLevels);
        authenticationFlowTransferMethods = copy(authenticationFlowTransferMethods);
    }

    static List<String> copy(List<String> list) {
        return list == null ? null : List.copyOf(list);
    }

    static List<String> orEmpty(List<String> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    /**
     * The users condition.
     *
     * @param includeUsers user ids, or {@code All}, {@code None}, {@code GuestsOrExternalUsers}
     * @param excludeUsers user ids, or {@code GuestsOrExternalUsers}
     * @param includeGroups group ids
     * @param excludeGroups group ids
     * @param includeRoles directory role template ids
     * @param excludeRoles directory role template ids
     * @param includeGuestsOrExternalUsers the guest or external user types included, or null
     * @param excludeGuestsOrExternalUsers the guest or external user types excluded, or null
     */
    public record Users(List<String> includeUsers, List<String> excludeUsers, List<String> includeGroups,
            List<String> excludeGroups, List<String> includeRoles, List<String> excludeRoles,
            GuestsOrExternalUsers includeGuestsOrExternalUsers, GuestsOrExternalUsers excludeGuestsOrExternalUsers) {
        /** Null lists become empty. */
        public Users {
            includeUsers = orEmpty(includeUsers);
            excludeUsers = orEmpty(excludeUsers);
            includeGroups = orEmpty(includeGroups);
            excludeGroups = orEmpty(excludeGroups);
            includeRoles = orEmpty(includeRoles);
            excludeRoles = orEmpty(excludeRoles);
        }
    }

    /**
     * Guest or external user types and the tenants they come from.
     *
     * @param guestOrExternalUserTypes e.g. {@code internalGuest}, {@code b2bCollaborationGuest},
     *        {@code b2bCollaborationMember}, {@code b2bDirectConnectUser}, {@code otherExternalUser},
     *        {@code serviceProvider}
     * @param membershipKind {@code all} or {@code enumerated} tenants, null when not said
     * @param tenantIds the enumerated external tenant ids
     */
    public record GuestsOrExternalUsers(List<String> guestOrExternalUserTypes, String membershipKind,
            List<String> tenantIds) {
        /** Null lists become empty. */
        public GuestsOrExternalUsers {
            guestOrExternalUserTypes = orEmpty(guestOrExternalUserTypes);
            tenantIds = orEmpty(tenantIds);
        }
    }

    /**
     * The applications condition.
     *
     * @param includeApplications app ids, or {@code All}, {@code None}, {@code Office365},
     *        {@code MicrosoftAdminPortals}
     * @param excludeApplications app ids or app groups
     * @param includeUserActions e.g. {@code urn:user:registersecurityinfo}, {@code urn:user:registerdevice}
     * @param includeAuthenticationContextClassReferences authentication context ids, e.g. {@code c1}
     * @param applicationFilter a filter on custom security attributes of the app, or null
     */
    public record Applications(List<String> includeApplications, List<String> excludeApplications,
            List<String> includeUserActions, List<String> includeAuthenticationContextClassReferences,
            Filter applicationFilter) {
        /** Null lists become empty. */
        public Applications {
            includeApplications = orEmpty(includeApplications);
            excludeApplications = orEmpty(excludeApplications);
            includeUserActions = orEmpty(includeUserActions);
            includeAuthenticationContextClassReferences = orEmpty(includeAuthenticationContextClassReferences);
        }
    }

    /**
     * Workload identities the policy targets.
     *
     * @param includeServicePrincipals service principal ids or {@code ServicePrincipalsInMyTenant}
     * @param excludeServicePrincipals service principal ids
     * @param servicePrincipalFilter a filter on the service principal, or null
     */
    public record ClientApplications(List<String> includeServicePrincipals, List<String> excludeServicePrincipals,
            Filter servicePrincipalFilter) {
        /** Null lists become empty. */
        public ClientApplications {
            includeServicePrincipals = orEmpty(includeServicePrincipals);
            excludeServicePrincipals = orEmpty(excludeServicePrincipals);
        }
    }

    /**
     * An include / exclude pair of values (platforms, locations).
     *
     * @param include included values, e.g. {@code all}, {@code android}; {@code All}, {@code AllTrusted},
     *        a named location id
     * @param exclude excluded values
     */
    public record IncludeExclude(List<String> include, List<String> exclude) {
        /** Null lists become empty. */
        public IncludeExclude {
            include = orEmpty(include);
            exclude = orEmpty(exclude);
        }
    }

    /**
     * A filter rule in the dynamic-membership rule syntax.
     *
     * @param mode {@code include} or {@code exclude}
     * @param rule the rule text, e.g. {@code device.isCompliant -eq True}
     */
    public record Filter(String mode, String rule) {
    }
}
