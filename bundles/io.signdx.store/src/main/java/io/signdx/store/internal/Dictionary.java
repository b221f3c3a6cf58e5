package io.signdx.store.internal;

import java.nio.charset.StandardCharsets;

/**
 * A preset deflate dictionary of what every stored sign-in repeats: Graph's field names and their
 * common values. A record of 2–4 KB compresses poorly on its own because deflate has to see each name
 * once before it can refer back to it; with this dictionary it can refer back from the first byte.
 * Changing it makes existing stores unreadable: add a new dictionary with a version instead.
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
