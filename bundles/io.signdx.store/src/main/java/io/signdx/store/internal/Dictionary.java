package io.signdx.store.internal;

import java.nio.charset.StandardCharsets;

/**
 * The preset deflate dictionary of the store's first layout (Graph's field names and common values), kept
 * only to read such a store while upgrading it ({@link Layout}); the current layout trains a dictionary on
 * each store's own records ({@link Packer#train}). Never change it: layout 1 stores could not be read.
 */
final class Dictionary {
    static final byte[] BYTES = String.join("",
            "\"reportOnlyNotApplied\",\"reportOnlySuccess\",\"reportOnlyFailure\",\"notEnabled\",",
            "\"enforcedSessionControls\":[],\"enforcedGrantControls\":[\"Mfa\"],\"RequireCompliantDevice\",\"Block\",",
            "\"conditionsSatisfied\":[\"application\",\"users\"],\"conditionsNotSatisfied\":[\"users\"],",
            "\"networkLocationDetails\":[{\"networkType\":\"trustedNamedLocation\",\"networkNames\":[",
            "\"authenticationRequirementPolicies\":[{\"requirementProvider\":\"multiConditionalAccess\",\"detail\":",
            "\"authenticationDetails\":[{\"authenticationStepDateTime\":\"\",\"authenticationMethod\":\"Password\",",
            "\"authenticationMethodDetail\":\"Password Hash Sync\",\"succeeded\":true,",
            "\"authenticationStepResultDetail\":\"Correct password\",\"authenticationStepRequirement\":",
            "\"Primary authentication\"},{\"authenticationMethod\":\"Mobile app notification\",",
            "\"MFA successfully completed\",\"Multifactor authentication\"",
            "\"deviceDetail\":{\"deviceId\":\"\",\"displayName\":\"\",\"operatingSystem\":\"Windows 10\",",
            "\"browser\":\"Edge 131.0.0\",\"isCompliant\":false,\"isManaged\":false,\"trustType\":\"Azure AD joined\"},",
            "\"riskLevelDuringSignIn\":\"none\",\"riskLevelAggregated\":\"none\",\"riskState\":\"none\",",
            "\"riskDetail\":\"none\",\"riskEventTypes_v2\":[],\"crossTenantAccessType\":\"none\",",
            "\"homeTenantId\":\"\",\"resourceTenantId\":\"\",\"flaggedForReview\":false,",
            "\"userAgent\":\"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) ",
            "Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0\",\"signInEventTypes\":[\"interactiveUser\"],",
            "\"nonInteractiveUser\",\"incomingTokenType\":\"primaryRefreshToken\",\"tokenIssuerType\":\"AzureAD\",",
            "\"status\":{\"errorCode\":0,\"failureReason\":\"Other.\",\"additionalDetails\":",
            "\"conditionalAccessStatus\":\"notApplied\",\"appliedConditionalAccessPolicies\":[{\"id\":\"",
            "\"displayName\":\"\",\"result\":\"notApplied\",\"authenticationRequirement\":",
            "\"singleFactorAuthentication\",\"multiFactorAuthentication\",\"authenticationMethodsUsed\":[],",
            "\"location\":{\"city\":\"\",\"state\":\"\",\"countryOrRegion\":\"US\",\"geoCoordinates\":{",
            "\"latitude\":,\"longitude\":}},\"clientAppUsed\":\"Browser\",\"Mobile Apps and Desktop clients\",",
            "\"isInteractive\":true,\"authenticationProtocol\":\"oAuth2\",\"ipAddress\":\"",
            "\"resourceDisplayName\":\"Office 365 Exchange Online\",\"resourceId\":\"00000002-0000-0ff1-ce00-",
            "000000000000\",\"appDisplayName\":\"\",\"appId\":\"\",\"userType\":\"member\",\"userId\":\"",
            "\"userDisplayName\":\"\",\"userPrincipalName\":\"\",\"originalRequestId\":\"\",\"correlationId\":\"",
            "{\"id\":\"\",\"createdDateTime\":\"2026-").getBytes(StandardCharsets.UTF_8);

    private Dictionary() {
    }
}
