package io.signdx.api.tenant;

import java.util.List;

/**
 * An application's service principal in the tenant.
 *
 * @param id object id
 * @param appId application (client) id
 * @param displayName name
 * @param accountEnabled false when sign-in is disabled, null when not recorded
 * @param appRoleAssignmentRequired true when users must be assigned, null when not recorded
 * @param preferredSingleSignOnMode e.g. {@code saml}, {@code password}, or null
 * @param tags tags as recorded
 */
public record ServicePrincipal(String id, String appId, String displayName, Boolean accountEnabled,
        Boolean appRoleAssignmentRequired, String preferredSingleSignOnMode, List<String> tags) {

    /** Null lists become empty. */
    public ServicePrincipal {
        tags = PolicyConditions.orEmpty(tags);
    }

    /** The name to show. */
    public String label() {
        return displayName != null && !displayName.isBlank() ? displayName : appId != null ? appId : id;
    }
}
