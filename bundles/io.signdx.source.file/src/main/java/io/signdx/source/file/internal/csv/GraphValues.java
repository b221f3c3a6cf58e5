package io.signdx.source.file.internal.csv;

import java.util.Locale;
import java.util.Map;

/**
 * Graph beta {@code signIn} enum values, and how the portal's display texts map onto them. A value that
 * matches none is kept as it came.
 */
final class GraphValues {

    private GraphValues() {
    }

    private static final Map<String, String> NO_ALIASES = Map.of();

    static String userType(String v) {
        return Cells.canon(v, NO_ALIASES, "member", "guest", "unknownFutureValue");
    }

    static String conditionalAccessStatus(String v) {
        return Cells.canon(v, Map.of("applied", "success", "succeeded", "success", "failed", "failure",
                "notapplicable", "notApplied"), "success", "failure", "notApplied", "unknownFutureValue");
    }

    static String authenticationRequirement(String v) {
        return Cells.canon(v, Map.of("singlefactor", "singleFactorAuthentication", "multifactor",
                "multiFactorAuthentication", "mfa", "multiFactorAuthentication"),
                "singleFactorAuthentication", "multiFactorAuthentication", "unknownFutureValue");
    }

    static String crossTenantAccessType(String v) {
        return Cells.canon(v, NO_ALIASES, "none", "b2bCollaboration", "b2bDirectConnect", "microsoftSupport",
                "serviceProvider", "unknownFutureValue", "passthrough");
    }

    static String authenticationProtocol(String v) {
        return Cells.canon(v, Map.of("oauth20", "oAuth2", "oauth", "oAuth2", "wsfed", "wsFederation",
                "saml2", "saml20", "resourceownerpasswordcredentials", "ropc"),
                "none", "oAuth2", "ropc", "wsFederation", "saml20", "deviceCode", "unknownFutureValue",
                "authenticationTransfer", "nativeAuth", "implicitAccessTokenAndGetResponseMode");
    }

    static String incomingTokenType(String v) {
        return Cells.canon(v, Map.of("prt", "primaryRefreshToken", "saml2", "saml20", "saml1", "saml11"),
                "none", "primaryRefreshToken", "saml11", "saml20", "unknownFutureValue", "remoteDesktopToken",
                "refreshToken");
    }

    static String clientCredentialType(String v) {
        return Cells.canon(v, NO_ALIASES, "none", "clientSecret", "clientAssertion", "federatedIdentityCredential",
                "managedIdentity", "certificate", "unknownFutureValue");
    }

    static String originalTransferMethod(String v) {
        return Cells.canon(v, NO_ALIASES, "none", "deviceCodeFlow", "authenticationTransfer", "unknownFutureValue");
    }

    static String riskLevel(String v) {
        return Cells.canon(v, NO_ALIASES, "none", "low", "medium", "high", "hidden", "unknownFutureValue");
    }

    static String riskState(String v) {
        return Cells.canon(v, NO_ALIASES, "none", "confirmedSafe", "remediated", "dismissed", "atRisk",
                "confirmedCompromised", "unknownFutureValue");
    }

    /** The portal's sign-in type from the download's file name (InteractiveSignIns_…csv and so on). */
    static String eventTypeFromFileName(String fileName) {
        if (fileName == null) {
            return null;
        }
        String f = Cells.letters(fileName.toLowerCase(Locale.ROOT));
        if (f.contains("noninteractive")) {
            return "nonInteractiveUser";
        }
        if (f.contains("interactivesignins") || f.contains("interactiveuser")) {
            return "interactiveUser";
        }
        if (f.contains("msisignins") || f.contains("managedidentity")) {
            return "managedIdentity";
        }
        if (f.contains("applicationsignins") || f.contains("serviceprincipal")) {
            return "servicePrincipal";
        }
        return null;
    }
}
