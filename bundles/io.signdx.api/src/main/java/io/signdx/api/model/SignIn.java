package io.signdx.api.model;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One normalized sign-in event: the fields of the Microsoft Graph beta {@code signIn} resource that
 * diagnosis needs, whatever format it was read from. Immutable; build one with {@link #builder()}.
 *
 * <p>Enumerated values are kept as the text the record carried ({@code …Value()} accessors) and
 * offered typed ({@link #userType()}, {@link #conditionalAccessStatus()} …), so an unknown or future
 * value reads as {@code UNKNOWN} and is never lost. Every string here is attacker-controlled text.
 */
public final class SignIn {
    private final String id;
    private final Instant createdDateTime;
    private final String correlationId;
    private final String originalRequestId;
    private final String userId;
    private final String userPrincipalName;
    private final String userDisplayName;
    private final String userTypeValue;
    private final String appId;
    private final String appDisplayName;
    private final String resourceId;
    private final String resourceDisplayName;
    private final String servicePrincipalId;
    private final String servicePrincipalName;
    private final String clientCredentialType;
    private final String managedIdentityType;
    private final String ipAddress;
    private final Location location;
    private final String clientAppUsed;
    private final Boolean isInteractive;
    private final String authenticationProtocol;
    private final Status status;
    private final String conditionalAccessStatusValue;
    private final List<AppliedPolicy> appliedConditionalAccessPolicies;
    private final String authenticationRequirementValue;
    private final List<RequirementPolicy> authenticationRequirementPolicies;
    private final List<AuthenticationDetail> authenticationDetails;
    private final List<String> authenticationMethodsUsed;
    private final DeviceDetail deviceDetail;
    private final Risk risk;
    private final String crossTenantAccessTypeValue;
    private final String homeTenantId;
    private final String resourceTenantId;
    private final boolean flaggedForReview;
    private final String userAgent;
    private final List<String> signInEventTypes;
    private final List<NetworkLocation> networkLocationDetails;
    private final String incomingTokenType;
    private final String tokenIssuerType;
    private final String originalTransferMethod;
    private final List<AuthenticationContext> authenticationContextClassReferences;
    private final String raw;
    private final String origin;

    private SignIn(Builder b) {
        this.id = b.id;
        this.createdDateTime = b.createdDateTime;
        this.correlationId = b.correlationId;
        this.originalRequestId = b.originalRequestId;
        this.userId = b.userId;
        this.userPrincipalName = b.userPrincipalName;
        this.userDisplayName = b.userDisplayName;
        this.userTypeValue = b.userTypeValue;
        this.appId = b.appId;
        this.appDisplayName = b.appDisplayName;
        this.resourceId = b.resourceId;
        this.resourceDisplayName = b.resourceDisplayName;
        this.servicePrincipalId = b.servicePrincipalId;
        this.servicePrincipalName = b.servicePrincipalName;
        this.clientCredentialType = b.clientCredentialType;
        this.managedIdentityType = b.managedIdentityType;
        this.ipAddress = b.ipAddress;
        this.location = b.location == null ? Location.UNKNOWN : b.location;
        this.clientAppUsed = b.clientAppUsed;
        this.isInteractive = b.isInteractive;
        this.authenticationProtocol = b.authenticationProtocol;
        this.status = b.status == null ? Status.SUCCESS : b.status;
        this.conditionalAccessStatusValue = b.conditionalAccessStatusValue;
        this.appliedConditionalAccessPolicies = b.appliedConditionalAccessPolicies == null ? List.of() : List.copyOf(b.appliedConditionalAccessPolicies);
        this.authenticationRequirementValue = b.authenticationRequirementValue;
        this.authenticationRequirementPolicies = b.authenticationRequirementPolicies == null ? List.of() : List.copyOf(b.authenticationRequirementPolicies);
        this.authenticationDetails = b.authenticationDetails == null ? List.of() : List.copyOf(b.authenticationDetails);
        this.authenticationMethodsUsed = b.authenticationMethodsUsed == null ? List.of() : List.copyOf(b.authenticationMethodsUsed);
        this.deviceDetail = b.deviceDetail == null ? DeviceDetail.UNKNOWN : b.deviceDetail;
        this.risk = b.risk == null ? Risk.NONE : b.risk;
        this.crossTenantAccessTypeValue = b.crossTenantAccessTypeValue;
        this.homeTenantId = b.homeTenantId;
        this.resourceTenantId = b.resourceTenantId;
        this.flaggedForReview = b.flaggedForReview;
        this.userAgent = b.userAgent;
        this.signInEventTypes = b.signInEventTypes == null ? List.of() : List.copyOf(b.signInEventTypes);
        this.networkLocationDetails = b.networkLocationDetails == null ? List.of() : List.copyOf(b.networkLocationDetails);
        this.incomingTokenType = b.incomingTokenType;
        this.tokenIssuerType = b.tokenIssuerType;
        this.originalTransferMethod = b.originalTransferMethod;
        this.authenticationContextClassReferences = b.authenticationContextClassReferences == null ? null
                : List.copyOf(b.authenticationContextClassReferences);
        this.raw = b.raw;
        this.origin = b.origin;
    }

    /** A new, empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this sign-in's values, to derive a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.id = id;
        b.createdDateTime = createdDateTime;
        b.correlationId = correlationId;
        b.originalRequestId = originalRequestId;
        b.userId = userId;
        b.userPrincipalName = userPrincipalName;
        b.userDisplayName = userDisplayName;
        b.userTypeValue = userTypeValue;
        b.appId = appId;
        b.appDisplayName = appDisplayName;
        b.resourceId = resourceId;
        b.resourceDisplayName = resourceDisplayName;
        b.servicePrincipalId = servicePrincipalId;
        b.servicePrincipalName = servicePrincipalName;
        b.clientCredentialType = clientCredentialType;
        b.managedIdentityType = managedIdentityType;
        b.ipAddress = ipAddress;
        b.location = location;
        b.clientAppUsed = clientAppUsed;
        b.isInteractive = isInteractive;
        b.authenticationProtocol = authenticationProtocol;
        b.status = status;
        b.conditionalAccessStatusValue = conditionalAccessStatusValue;
        b.appliedConditionalAccessPolicies = appliedConditionalAccessPolicies;
        b.authenticationRequirementValue = authenticationRequirementValue;
        b.authenticationRequirementPolicies = authenticationRequirementPolicies;
        b.authenticationDetails = authenticationDetails;
        b.authenticationMethodsUsed = authenticationMethodsUsed;
        b.deviceDetail = deviceDetail;
        b.risk = risk;
        b.crossTenantAccessTypeValue = crossTenantAccessTypeValue;
        b.homeTenantId = homeTenantId;
        b.resourceTenantId = resourceTenantId;
        b.flaggedForReview = flaggedForReview;
        b.userAgent = userAgent;
        b.signInEventTypes = signInEventTypes;
        b.networkLocationDetails = networkLocationDetails;
        b.incomingTokenType = incomingTokenType;
        b.tokenIssuerType = tokenIssuerType;
        b.originalTransferMethod = originalTransferMethod;
        b.authenticationContextClassReferences = authenticationContextClassReferences;
        b.raw = raw;
        b.origin = origin;
        return b;
    }

    /** @return the request id (Graph {@code id}) */
    public String id() {
        return id;
    }

    /** @return when the sign-in started, or {@code null} when the record has no usable time */
    public Instant createdDateTime() {
        return createdDateTime;
    }

    /** @return groups the requests of one sign-in flow */
    public String correlationId() {
        return correlationId;
    }

    /** @return the request id of the first request in the flow */
    public String originalRequestId() {
        return originalRequestId;
    }

    /** @return the user's object id */
    public String userId() {
        return userId;
    }

    /** @return the user's UPN (or the text typed at the prompt on failures) */
    public String userPrincipalName() {
        return userPrincipalName;
    }

    /** @return the user's display name */
    public String userDisplayName() {
        return userDisplayName;
    }

    /** @return {@code userType} as recorded; see {@link #userType()} */
    public String userTypeValue() {
        return userTypeValue;
    }

    /** @return the client application id */
    public String appId() {
        return appId;
    }

    /** @return the client application name */
    public String appDisplayName() {
        return appDisplayName;
    }

    /** @return the resource (API) application id */
    public String resourceId() {
        return resourceId;
    }

    /** @return the resource name */
    public String resourceDisplayName() {
        return resourceDisplayName;
    }

    /** @return for service-principal sign-ins: the service principal's id */
    public String servicePrincipalId() {
        return servicePrincipalId;
    }

    /** @return for service-principal sign-ins: its name */
    public String servicePrincipalName() {
        return servicePrincipalName;
    }

    /** @return e.g. clientSecret, certificate, federatedIdentityCredential, managedIdentity */
    public String clientCredentialType() {
        return clientCredentialType;
    }

    /** @return for managed-identity sign-ins: systemAssigned / userAssigned */
    public String managedIdentityType() {
        return managedIdentityType;
    }

    /** @return the client IP address as text (IPv4 or IPv6) */
    public String ipAddress() {
        return ipAddress;
    }

    /** @return geolocation of the IP address, never {@code null} */
    public Location location() {
        return location;
    }

    /** @return {@code clientAppUsed} as recorded; see {@link #clientApp()} */
    public String clientAppUsed() {
        return clientAppUsed;
    }

    /** @return interactive or not, {@code null} when the record does not say */
    public Boolean isInteractive() {
        return isInteractive;
    }

    /** @return e.g. oAuth2, saml20, wsFederation, deviceCode, ropc */
    public String authenticationProtocol() {
        return authenticationProtocol;
    }

    /** @return the outcome, never {@code null} */
    public Status status() {
        return status;
    }

    /** @return {@code conditionalAccessStatus} as recorded; see {@link #conditionalAccessStatus()} */
    public String conditionalAccessStatusValue() {
        return conditionalAccessStatusValue;
    }

    /** @return the CA policies recorded on the sign-in */
    public List<AppliedPolicy> appliedConditionalAccessPolicies() {
        return appliedConditionalAccessPolicies;
    }

    /** @return {@code authenticationRequirement} as recorded; see {@link #authenticationRequirement()} */
    public String authenticationRequirementValue() {
        return authenticationRequirementValue;
    }

    /** @return what required the authentication */
    public List<RequirementPolicy> authenticationRequirementPolicies() {
        return authenticationRequirementPolicies;
    }

    /** @return the authentication steps */
    public List<AuthenticationDetail> authenticationDetails() {
        return authenticationDetails;
    }

    /** @return the methods used, e.g. Password, Mobile app notification */
    public List<String> authenticationMethodsUsed() {
        return authenticationMethodsUsed;
    }

    /** @return the device, never {@code null} */
    public DeviceDetail deviceDetail() {
        return deviceDetail;
    }

    /** @return Identity Protection's view, never {@code null} */
    public Risk risk() {
        return risk;
    }

    /** @return {@code crossTenantAccessType} as recorded; see {@link #crossTenantAccessType()} */
    public String crossTenantAccessTypeValue() {
        return crossTenantAccessTypeValue;
    }

    /** @return the user's home tenant */
    public String homeTenantId() {
        return homeTenantId;
    }

    /** @return the tenant of the resource */
    public String resourceTenantId() {
        return resourceTenantId;
    }

    /** @return an administrator or user flagged the sign-in for review */
    public boolean flaggedForReview() {
        return flaggedForReview;
    }

    /** @return the client's user agent (attacker-controlled text) */
    public String userAgent() {
        return userAgent;
    }

    /** @return e.g. interactiveUser, nonInteractiveUser, servicePrincipal */
    public List<String> signInEventTypes() {
        return signInEventTypes;
    }

    /** @return named networks the sign-in matched */
    public List<NetworkLocation> networkLocationDetails() {
        return networkLocationDetails;
    }

    /** @return e.g. none, primaryRefreshToken, saml11 */
    public String incomingTokenType() {
        return incomingTokenType;
    }

    /** @return e.g. AzureAD, ADFederationServices */
    public String tokenIssuerType() {
        return tokenIssuerType;
    }

    /**
     * @return how the session was first started: {@code none}, {@code deviceCodeFlow}, {@code authenticationTransfer},
     *     or a value Microsoft adds later (Graph beta {@code originalTransferMethod}); {@code null} when not recorded
     * @since 1.1
     */
    public String originalTransferMethod() {
        return originalTransferMethod;
    }

    /**
     * The authentication contexts and user actions the sign-in was made for (Graph beta
     * {@code authenticationContextClassReferences}). Unlike the other lists this one can be {@code null}: the
     * record does not carry the field (Graph v1.0, the portal's CSV), so what was asked for is unknown; an empty
     * list says that nothing was.
     *
     * @return the entries as recorded, or {@code null} when the record does not say
     * @since 1.1
     */
    public List<AuthenticationContext> authenticationContextClassReferences() {
        return authenticationContextClassReferences;
    }

    /** @return the original record as read (for display), may be {@code null} */
    public String raw() {
        return raw;
    }

    /** @return where the record was read from, e.g. {@code signins.json#12}, may be {@code null} */
    public String origin() {
        return origin;
    }

    /** The AADSTS error code, 0 for success. */
    public int errorCode() {
        return status.errorCode();
    }

    /** The kind of account; unknown values give {@link UserType#UNKNOWN}. */
    public UserType userType() {
        return UserType.parse(userTypeValue);
    }

    /** The client application kind; unknown values give {@link ClientApp#UNKNOWN}. */
    public ClientApp clientApp() {
        return ClientApp.parse(clientAppUsed);
    }

    /** The overall CA outcome; unknown values give {@link ConditionalAccessStatus#UNKNOWN}. */
    public ConditionalAccessStatus conditionalAccessStatus() {
        return ConditionalAccessStatus.parse(conditionalAccessStatusValue);
    }

    /** Single- or multi-factor; unknown values give {@link AuthenticationRequirement#UNKNOWN}. */
    public AuthenticationRequirement authenticationRequirement() {
        return AuthenticationRequirement.parse(authenticationRequirementValue);
    }

    /** The cross-tenant access type; unknown values give {@link CrossTenantAccessType#UNKNOWN}. */
    public CrossTenantAccessType crossTenantAccessType() {
        return CrossTenantAccessType.parse(crossTenantAccessTypeValue);
    }

    /** True when a requirement provider of the given name (case-insensitive) is recorded. */
    public boolean hasRequirementProvider(String provider) {
        String wanted = provider.toLowerCase(Locale.ROOT);
        return authenticationRequirementPolicies.stream()
                .anyMatch(p -> p.requirementProvider() != null
                        && p.requirementProvider().toLowerCase(Locale.ROOT).equals(wanted));
    }

    /** The user, for messages: the UPN, else the display name, else the object id, else "unknown user". */
    public String userLabel() {
        return firstNonBlank(userPrincipalName, userDisplayName, userId, servicePrincipalName, "unknown user");
    }

    /** The application, for messages: its name, else its id, else "unknown application". */
    public String appLabel() {
        return firstNonBlank(appDisplayName, appId, "unknown application");
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return values[values.length - 1];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SignIn other && Objects.equals(id, other.id)
                && Objects.equals(createdDateTime, other.createdDateTime)
                && Objects.equals(correlationId, other.correlationId)
                && Objects.equals(userId, other.userId) && status.equals(other.status);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, createdDateTime, correlationId);
    }

    @Override
    public String toString() {
        return "SignIn[" + id + " " + createdDateTime + " " + userLabel() + " -> " + appLabel() + " code "
                + status.errorCode() + "]";
    }

    /** Builds a {@link SignIn}; every setter accepts {@code null} meaning "not recorded". */
    public static final class Builder {
        private String id;
        private Instant createdDateTime;
        private String correlationId;
        private String originalRequestId;
        private String userId;
        private String userPrincipalName;
        private String userDisplayName;
        private String userTypeValue;
        private String appId;
        private String appDisplayName;
        private String resourceId;
        private String resourceDisplayName;
        private String servicePrincipalId;
        private String servicePrincipalName;
        private String clientCredentialType;
        private String managedIdentityType;
        private String ipAddress;
        private Location location;
        private String clientAppUsed;
        private Boolean isInteractive;
        private String authenticationProtocol;
        private Status status;
        private String conditionalAccessStatusValue;
        private List<AppliedPolicy> appliedConditionalAccessPolicies;
        private String authenticationRequirementValue;
        private List<RequirementPolicy> authenticationRequirementPolicies;
        private List<AuthenticationDetail> authenticationDetails;
        private List<String> authenticationMethodsUsed;
        private DeviceDetail deviceDetail;
        private Risk risk;
        private String crossTenantAccessTypeValue;
        private String homeTenantId;
        private String resourceTenantId;
        private boolean flaggedForReview;
        private String userAgent;
        private List<String> signInEventTypes;
        private List<NetworkLocation> networkLocationDetails;
        private String incomingTokenType;
        private String tokenIssuerType;
        private String originalTransferMethod;
        private List<AuthenticationContext> authenticationContextClassReferences;
        private String raw;
        private String origin;

        private Builder() {
        }

        /** Sets the request id (Graph {@code id}). */
        public Builder id(String value) {
            this.id = value;
            return this;
        }

        /** Sets when the sign-in started. */
        public Builder createdDateTime(Instant value) {
            this.createdDateTime = value;
            return this;
        }

        /** Sets groups the requests of one sign-in flow. */
        public Builder correlationId(String value) {
            this.correlationId = value;
            return this;
        }

        /** Sets the request id of the first request in the flow. */
        public Builder originalRequestId(String value) {
            this.originalRequestId = value;
            return this;
        }

        /** Sets the user's object id. */
        public Builder userId(String value) {
            this.userId = value;
            return this;
        }

        /** Sets the user's UPN (or the text typed at the prompt on failures). */
        public Builder userPrincipalName(String value) {
            this.userPrincipalName = value;
            return this;
        }

        /** Sets the user's display name. */
        public Builder userDisplayName(String value) {
            this.userDisplayName = value;
            return this;
        }

        /** Sets {@code userType} as recorded. */
        public Builder userTypeValue(String value) {
            this.userTypeValue = value;
            return this;
        }

        /** Sets the client application id. */
        public Builder appId(String value) {
            this.appId = value;
            return this;
        }

        /** Sets the client application name. */
        public Builder appDisplayName(String value) {
            this.appDisplayName = value;
            return this;
        }

        /** Sets the resource (API) application id. */
        public Builder resourceId(String value) {
            this.resourceId = value;
            return this;
        }

        /** Sets the resource name. */
        public Builder resourceDisplayName(String value) {
            this.resourceDisplayName = value;
            return this;
        }

        /** Sets for service-principal sign-ins: the service principal's id. */
        public Builder servicePrincipalId(String value) {
            this.servicePrincipalId = value;
            return this;
        }

        /** Sets for service-principal sign-ins: its name. */
        public Builder servicePrincipalName(String value) {
            this.servicePrincipalName = value;
            return this;
        }

        /** Sets e.g. clientSecret. */
        public Builder clientCredentialType(String value) {
            this.clientCredentialType = value;
            return this;
        }

        /** Sets for managed-identity sign-ins: systemAssigned / userAssigned. */
        public Builder managedIdentityType(String value) {
            this.managedIdentityType = value;
            return this;
        }

        /** Sets the client IP address as text (IPv4 or IPv6). */
        public Builder ipAddress(String value) {
            this.ipAddress = value;
            return this;
        }

        /** Sets geolocation of the IP address. */
        public Builder location(Location value) {
            this.location = value;
            return this;
        }

        /** Sets {@code clientAppUsed} as recorded. */
        public Builder clientAppUsed(String value) {
            this.clientAppUsed = value;
            return this;
        }

        /** Sets interactive or not. */
        public Builder isInteractive(Boolean value) {
            this.isInteractive = value;
            return this;
        }

        /** Sets e.g. oAuth2. */
        public Builder authenticationProtocol(String value) {
            this.authenticationProtocol = value;
            return this;
        }

        /** Sets the outcome. */
        public Builder status(Status value) {
            this.status = value;
            return this;
        }

        /** Sets {@code conditionalAccessStatus} as recorded. */
        public Builder conditionalAccessStatusValue(String value) {
            this.conditionalAccessStatusValue = value;
            return this;
        }

        /** Sets the CA policies recorded on the sign-in. */
        public Builder appliedConditionalAccessPolicies(List<AppliedPolicy> value) {
            this.appliedConditionalAccessPolicies = value;
            return this;
        }

        /** Sets {@code authenticationRequirement} as recorded. */
        public Builder authenticationRequirementValue(String value) {
            this.authenticationRequirementValue = value;
            return this;
        }

        /** Sets what required the authentication. */
        public Builder authenticationRequirementPolicies(List<RequirementPolicy> value) {
            this.authenticationRequirementPolicies = value;
            return this;
        }

        /** Sets the authentication steps. */
        public Builder authenticationDetails(List<AuthenticationDetail> value) {
            this.authenticationDetails = value;
            return this;
        }

        /** Sets the methods used. */
        public Builder authenticationMethodsUsed(List<String> value) {
            this.authenticationMethodsUsed = value;
            return this;
        }

        /** Sets the device. */
        public Builder deviceDetail(DeviceDetail value) {
            this.deviceDetail = value;
            return this;
        }

        /** Sets Identity Protection's view. */
        public Builder risk(Risk value) {
            this.risk = value;
            return this;
        }

        /** Sets {@code crossTenantAccessType} as recorded. */
        public Builder crossTenantAccessTypeValue(String value) {
            this.crossTenantAccessTypeValue = value;
            return this;
        }

        /** Sets the user's home tenant. */
        public Builder homeTenantId(String value) {
            this.homeTenantId = value;
            return this;
        }

        /** Sets the tenant of the resource. */
        public Builder resourceTenantId(String value) {
            this.resourceTenantId = value;
            return this;
        }

        /** Sets an administrator or user flagged the sign-in for review. */
        public Builder flaggedForReview(boolean value) {
            this.flaggedForReview = value;
            return this;
        }

        /** Sets the client's user agent (attacker-controlled text). */
        public Builder userAgent(String value) {
            this.userAgent = value;
            return this;
        }

        /** Sets e.g. interactiveUser. */
        public Builder signInEventTypes(List<String> value) {
            this.signInEventTypes = value;
            return this;
        }

        /** Sets named networks the sign-in matched. */
        public Builder networkLocationDetails(List<NetworkLocation> value) {
            this.networkLocationDetails = value;
            return this;
        }

        /** Sets e.g. none. */
        public Builder incomingTokenType(String value) {
            this.incomingTokenType = value;
            return this;
        }

        /** Sets e.g. AzureAD. */
        public Builder tokenIssuerType(String value) {
            this.tokenIssuerType = value;
            return this;
        }

        /** Sets e.g. deviceCodeFlow. @since 1.1 */
        public Builder originalTransferMethod(String value) {
            this.originalTransferMethod = value;
            return this;
        }

        /** Sets the authentication contexts and user actions; {@code null}: not recorded. @since 1.1 */
        public Builder authenticationContextClassReferences(List<AuthenticationContext> value) {
            this.authenticationContextClassReferences = value;
            return this;
        }

        /** Sets the original record as read (for display). */
        public Builder raw(String value) {
            this.raw = value;
            return this;
        }

        /** Sets where the record was read from. */
        public Builder origin(String value) {
            this.origin = value;
            return this;
        }

        /** Shortcut for a status with only an error code. */
        public Builder errorCode(int code) {
            this.status = new Status(code, status == null ? null : status.failureReason(),
                    status == null ? null : status.additionalDetails());
            return this;
        }

        /** The sign-in. */
        public SignIn build() {
            return new SignIn(this);
        }
    }
}
