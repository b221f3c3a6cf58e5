package io.signdx.policy.internal;

import java.util.Locale;

/**
 * Works out the guest or external user type of Conditional Access ({@code internalGuest},
 * {@code b2bCollaborationGuest}, {@code b2bCollaborationMember}, {@code b2bDirectConnectUser},
 * {@code serviceProvider}, or {@code none} for an internal member) when the facts do not give it.
 * Returns null rather than guess.
 */
final class GuestTypes {
    static final String NONE = "none";
    static final String INTERNAL_GUEST = "internalGuest";
    static final String B2B_GUEST = "b2bCollaborationGuest";
    static final String B2B_MEMBER = "b2bCollaborationMember";
    static final String B2B_DIRECT_CONNECT = "b2bDirectConnectUser";
    static final String SERVICE_PROVIDER = "serviceProvider";

    private GuestTypes() {
    }

    /**
     * From what a sign-in record says about the access: its cross-tenant access type, else its home and
     * resource tenants.
     *
     * @param userType {@code Member} / {@code Guest} in any case, or null
     * @param crossTenantAccessType as recorded, or null
     * @param homeTenantId the user's home tenant, or null
     * @param resourceTenantId the resource's tenant, or null
     */
    static String fromRecord(String userType, String crossTenantAccessType, String homeTenantId,
            String resourceTenantId) {
        boolean guest = "guest".equalsIgnoreCase(userType);
        boolean member = "member".equalsIgnoreCase(userType);
        if (crossTenantAccessType != null && !crossTenantAccessType.isBlank()) {
            switch (crossTenantAccessType.trim().toLowerCase(Locale.ROOT)) {
                case "b2bdirectconnect":
                    return B2B_DIRECT_CONNECT;
                case "serviceprovider":
                    return SERVICE_PROVIDER;
                case "b2bcollaboration":
                    return guest ? B2B_GUEST : member ? B2B_MEMBER : null;
                case "none":
                    return guest ? INTERNAL_GUEST : member ? NONE : null;
                default:
                    break; // passthrough, microsoftSupport, future values: not decided here
            }
        }
        if (homeTenantId != null && resourceTenantId != null && !homeTenantId.isBlank() && !resourceTenantId.isBlank()) {
            boolean same = homeTenantId.trim().equalsIgnoreCase(resourceTenantId.trim());
            if (same) {
                return guest ? INTERNAL_GUEST : member ? NONE : null;
            }
            return guest ? B2B_GUEST : member ? B2B_MEMBER : null;
        }
        return null;
    }

    /**
     * From the user type and UPN: a B2B collaboration account's UPN in the resource tenant carries
     * {@code #EXT#}. A guest without it is an internal (local) guest only when the UPN is the
     * directory's own; a UPN from a sign-in record is the guest's home UPN and says nothing.
     *
     * @param userType {@code Member} / {@code Guest} in any case, or null
     * @param upn the UPN, or null
     * @param upnFromDirectory true when the UPN is the one the tenant's directory holds
     */
    static String fromAccount(String userType, String upn, boolean upnFromDirectory) {
        if (userType == null || upn == null || upn.isBlank()) {
            return null;
        }
        boolean external = upn.toUpperCase(Locale.ROOT).contains("#EXT#");
        if ("guest".equalsIgnoreCase(userType)) {
            return external ? B2B_GUEST : upnFromDirectory ? INTERNAL_GUEST : null;
        }
        if ("member".equalsIgnoreCase(userType)) {
            return external ? B2B_MEMBER : NONE;
        }
        return null;
    }
}
