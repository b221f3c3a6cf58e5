package io.signdx.policy;

import java.util.Map;
import java.util.Set;

import io.signdx.api.model.SignIn;

/**
 * What the evaluator knows about one real or hypothetical sign-in. Every value may be {@code null},
 * meaning unknown; a condition that needs an unknown value is not decided. Built with {@link #builder()}
 * or from a recorded sign-in with {@link #of(SignIn)}.
 *
 * <p>Values use Graph's spelling: platforms {@code android}, {@code iOS}, {@code windows}, {@code macOS},
 * {@code linux}, {@code windowsPhone}; client app types {@code browser},
 * {@code mobileAppsAndDesktopClients}, {@code exchangeActiveSync}, {@code other}; risk levels
 * {@code none}, {@code low}, {@code medium}, {@code high}; insider risk {@code minor}, {@code moderate},
 * {@code elevated}; authentication flows {@code none}, {@code deviceCodeFlow},
 * {@code authenticationTransfer}; guest or external user types as in
 * {@link io.signdx.api.tenant.PolicyConditions.GuestsOrExternalUsers}.
 */
public final class SignInFacts {
    private final String userId;
    private final String userPrincipalName;
    private final String userType;
    private final String guestOrExternalUserType;
    private final String homeTenantId;
    private final Set<String> groupIds;
    private final Set<String> roleTemplateIds;
    private final String servicePrincipalId;
    private final String appId;
    private final String userAction;
    private final Set<String> authenticationContexts;
    private final String ipAddress;
    private final String country;
    private final String platform;
    private final String clientAppType;
    private final String signInRisk;
    private final String userRisk;
    private final String servicePrincipalRisk;
    private final String insiderRisk;
    private final String authenticationFlow;
    private final Map<String, String> deviceProperties;
    private final SignIn recorded;

    private SignInFacts(Builder b) {
        userId = b.userId;
        userPrincipalName = b.userPrincipalName;
        userType = b.userType;
        guestOrExternalUserType = b.guestOrExternalUserType;
        homeTenantId = b.homeTenantId;
        groupIds = b.groupIds == null ? null : Set.copyOf(b.groupIds);
        roleTemplateIds = b.roleTemplateIds == null ? null : Set.copyOf(b.roleTemplateIds);
        servicePrincipalId = b.servicePrincipalId;
        appId = b.appId;
        userAction = b.userAction;
        authenticationContexts = b.authenticationContexts == null ? null : Set.copyOf(b.authenticationContexts);
        ipAddress = b.ipAddress;
        country = b.country;
        platform = b.platform;
        clientAppType = b.clientAppType;
        signInRisk = b.signInRisk;
        userRisk = b.userRisk;
        servicePrincipalRisk = b.servicePrincipalRisk;
        insiderRisk = b.insiderRisk;
        authenticationFlow = b.authenticationFlow;
        deviceProperties = b.deviceProperties == null ? null : Map.copyOf(b.deviceProperties);
        recorded = b.recorded;
    }

    /** A builder with every fact unknown. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The facts a recorded sign-in carries (user, app, IP, country, platform from the operating system,
     * client app type, risk, device properties from its device detail). Memberships are left unknown so
     * the evaluator takes them from the snapshot. Implemented by the evaluator's bundle.
     */
    public static SignInFacts of(SignIn signIn) {
        return io.signdx.policy.internal.RecordedFacts.of(signIn);
    }

    /** A builder holding these facts, to change some. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.userId = userId;
        b.userPrincipalName = userPrincipalName;
        b.userType = userType;
        b.guestOrExternalUserType = guestOrExternalUserType;
        b.homeTenantId = homeTenantId;
        b.groupIds = groupIds;
        b.roleTemplateIds = roleTemplateIds;
        b.servicePrincipalId = servicePrincipalId;
        b.appId = appId;
        b.userAction = userAction;
        b.authenticationContexts = authenticationContexts;
        b.ipAddress = ipAddress;
        b.country = country;
        b.platform = platform;
        b.clientAppType = clientAppType;
        b.signInRisk = signInRisk;
        b.userRisk = userRisk;
        b.servicePrincipalRisk = servicePrincipalRisk;
        b.insiderRisk = insiderRisk;
        b.authenticationFlow = authenticationFlow;
        b.deviceProperties = deviceProperties;
        b.recorded = recorded;
        return b;
    }

    /** @return user object id */
    public String userId() {
        return userId;
    }

    /** @return UPN */
    public String userPrincipalName() {
        return userPrincipalName;
    }

    /** @return {@code Member} or {@code Guest} */
    public String userType() {
        return userType;
    }

    /** @return e.g. {@code b2bCollaborationGuest}; {@code null} unknown, {@code none} for an internal member */
    public String guestOrExternalUserType() {
        return guestOrExternalUserType;
    }

    /** @return the user's home tenant id (for external users) */
    public String homeTenantId() {
        return homeTenantId;
    }

    /** @return the complete set of group ids the user is a member of (transitively); null unknown */
    public Set<String> groupIds() {
        return groupIds;
    }

    /** @return the complete set of directory role template ids the user holds; null unknown */
    public Set<String> roleTemplateIds() {
        return roleTemplateIds;
    }

    /** @return the service principal id of a workload identity sign-in; null for a user sign-in */
    public String servicePrincipalId() {
        return servicePrincipalId;
    }

    /** @return the application (resource or client app) id signed in to */
    public String appId() {
        return appId;
    }

    /** @return a user action, e.g. {@code urn:user:registersecurityinfo}; null for a sign-in to an app */
    public String userAction() {
        return userAction;
    }

    /** @return the authentication contexts requested; null unknown, empty none */
    public Set<String> authenticationContexts() {
        return authenticationContexts;
    }

    /** @return the client IP address */
    public String ipAddress() {
        return ipAddress;
    }

    /** @return the two-letter country code; null unknown */
    public String country() {
        return country;
    }

    /** @return the device platform */
    public String platform() {
        return platform;
    }

    /** @return the client app type */
    public String clientAppType() {
        return clientAppType;
    }

    /** @return sign-in risk level */
    public String signInRisk() {
        return signInRisk;
    }

    /** @return user risk level */
    public String userRisk() {
        return userRisk;
    }

    /** @return service principal risk level */
    public String servicePrincipalRisk() {
        return servicePrincipalRisk;
    }

    /** @return insider risk level */
    public String insiderRisk() {
        return insiderRisk;
    }

    /** @return authentication flow */
    public String authenticationFlow() {
        return authenticationFlow;
    }

    /**
     * @return device properties for filter rules by name (e.g. {@code trustType}, {@code isCompliant},
     *         {@code operatingSystem}, {@code extensionAttribute1}); null when unknown, an empty map for
     *         an unregistered device (every property null)
     */
    public Map<String, String> deviceProperties() {
        return deviceProperties;
    }

    /** @return the recorded sign-in these facts came from, or null for a hypothetical sign-in */
    public SignIn recorded() {
        return recorded;
    }

    /** Builds {@link SignInFacts}; every setter accepts {@code null} meaning unknown. */
    public static final class Builder {
        private String userId;
        private String userPrincipalName;
        private String userType;
        private String guestOrExternalUserType;
        private String homeTenantId;
        private Set<String> groupIds;
        private Set<String> roleTemplateIds;
        private String servicePrincipalId;
        private String appId;
        private String userAction;
        private Set<String> authenticationContexts;
        private String ipAddress;
        private String country;
        private String platform;
        private String clientAppType;
        private String signInRisk;
        private String userRisk;
        private String servicePrincipalRisk;
        private String insiderRisk;
        private String authenticationFlow;
        private Map<String, String> deviceProperties;
        private SignIn recorded;

        private Builder() {
        }

        public Builder userId(String v) {
            userId = v;
            return this;
        }

        public Builder userPrincipalName(String v) {
            userPrincipalName = v;
            return this;
        }

        public Builder userType(String v) {
            userType = v;
            return this;
        }

        public Builder guestOrExternalUserType(String v) {
            guestOrExternalUserType = v;
            return this;
        }

        public Builder homeTenantId(String v) {
            homeTenantId = v;
            return this;
        }

        /** The user's complete group membership (empty = member of no group). */
        public Builder groupIds(Set<String> v) {
            groupIds = v;
            return this;
        }

        /** The user's complete role membership (empty = no role). */
        public Builder roleTemplateIds(Set<String> v) {
            roleTemplateIds = v;
            return this;
        }

        public Builder servicePrincipalId(String v) {
            servicePrincipalId = v;
            return this;
        }

        public Builder appId(String v) {
            appId = v;
            return this;
        }

        public Builder userAction(String v) {
            userAction = v;
            return this;
        }

        public Builder authenticationContexts(Set<String> v) {
            authenticationContexts = v;
            return this;
        }

        public Builder ipAddress(String v) {
            ipAddress = v;
            return this;
        }

        public Builder country(String v) {
            country = v;
            return this;
        }

        public Builder platform(String v) {
            platform = v;
            return this;
        }

        public Builder clientAppType(String v) {
            clientAppType = v;
            return this;
        }

        public Builder signInRisk(String v) {
            signInRisk = v;
            return this;
        }

        public Builder userRisk(String v) {
            userRisk = v;
            return this;
        }

        public Builder servicePrincipalRisk(String v) {
            servicePrincipalRisk = v;
            return this;
        }

        public Builder insiderRisk(String v) {
            insiderRisk = v;
            return this;
        }

        public Builder authenticationFlow(String v) {
            authenticationFlow = v;
            return this;
        }

        /** Device properties for filter rules; an empty map is an unregistered device. */
        public Builder deviceProperties(Map<String, String> v) {
            deviceProperties = v;
            return this;
        }

        public Builder recorded(SignIn v) {
            recorded = v;
            return this;
        }

        public SignInFacts build() {
            return new SignInFacts(this);
        }
    }
}
