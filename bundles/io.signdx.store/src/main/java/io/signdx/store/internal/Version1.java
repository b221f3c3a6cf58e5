package io.signdx.store.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Reads the blobs of a layout 1 store (until 2026-11-23), only to upgrade such a store ({@link SqliteSignInStore}
 * does it in place, in one transaction, when it opens one): the normalized sign-in as Graph JSON and the raw record,
 * each deflated with {@link #DICTIONARY} as preset dictionary. Nothing writes this form any more. One instance per
 * thread; {@link #close} frees the inflater.
 */
final class Version1 implements AutoCloseable {
    /** The preset deflate dictionary of layout 1 (Graph's field names and common values). Never change it. */
    static final byte[] DICTIONARY = String.join("",
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

    private final Inflater inflater = new Inflater();
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(16 * 1024);
    private final byte[] chunk = new byte[16 * 1024];

    /**
     * The text of one blob.
     *
     * @throws IllegalStateException when the blob is not what layout 1 wrote
     */
    String inflate(byte[] data) {
        inflater.reset();
        inflater.setInput(data);
        buffer.reset();
        try {
            while (!inflater.finished()) {
                int n = inflater.inflate(chunk);
                if (n == 0 && inflater.needsDictionary()) {
                    inflater.setDictionary(DICTIONARY);
                    continue;
                }
                if (n == 0 && inflater.needsInput()) {
                    throw new IllegalStateException("a stored sign-in is truncated");
                }
                buffer.write(chunk, 0, n);
            }
            return buffer.toString(StandardCharsets.UTF_8);
        } catch (DataFormatException e) {
            throw new IllegalStateException("a stored sign-in is corrupt: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        inflater.end();
    }
}
