package io.signdx.scenario.enterpriseapps.internal;

import static io.signdx.api.detector.Actor.ADMIN;
import static io.signdx.api.detector.Actor.APP_OWNER;
import static io.signdx.api.detector.Actor.USER;
import static io.signdx.api.detector.Actor.VENDOR;

import java.util.List;

import io.signdx.api.detector.Actor;
import io.signdx.api.detector.Confidence;

/**
 * The application side's mistakes: SAML and WS-Federation requests Entra ID cannot accept, and OAuth
 * requests the application's code builds wrongly. Entra ID is working as designed in each case; what
 * the application sends has to change.
 */
final class ServiceProviderRules {
    private static final String SAML_DEBUG = "https://learn.microsoft.com/entra/identity/enterprise-apps/debug-saml-sso-issues";
    private static final String SAML_PROTOCOL = "https://learn.microsoft.com/entra/identity-platform/single-sign-on-saml-protocol";
    private static final String SCOPES = "https://learn.microsoft.com/entra/identity-platform/scopes-oidc";
    private static final String AUTH_CODE = "https://learn.microsoft.com/entra/identity-platform/v2-oauth2-auth-code-flow";

    /** Shared by every SAML rule: get the request itself, which the sign-in record does not hold. */
    private static final Step CAPTURE = new Step(ADMIN, "Reproduce the failure with Enterprise applications > {app} > "
            + "Single sign-on > Test (or record the browser traffic with a SAML tracer) to get the exact request the "
            + "application sends, and hand it to whoever runs the application with the request id and time of this "
            + "sign-in.", SAML_DEBUG);
    /** Two codes for one PKCE mistake. */
    private static final String VERIFIER_MISMATCH = "The code_verifier {app} sent when redeeming the code does not "
            + "match the code_challenge of the authorization request.";
    private static final String VERIFIER_FIX = "Redeem each code with the very code_verifier its code_challenge was "
            + "made from; do not share verifiers between tabs or retries.";
    private static final Step OAUTH_DEVELOPER = new Step(APP_OWNER, "The request is built by {app}'s code or its "
            + "authentication library: give its developer the failure details, the request id and the time, and "
            + "test again after the fix.", null);

    static final RuleTable TABLE = new RuleTable(List.of(
        saml(75005, "Saml2MessageInvalid", "saml-request", "What {app} sent is not a SAML 2.0 authentication "
            + "request Entra ID can read: it is another kind of message, it is not encoded as its binding requires "
            + "(deflated and base64 for HTTP-Redirect, base64 for HTTP-POST), or its XML is broken.",
            new Step(VENDOR, "Decode the request the application sends and fix the service provider's SAML settings "
                + "or library until it emits a valid SAML 2.0 AuthnRequest, encoded for the binding it uses.",
                "https://learn.microsoft.com/troubleshoot/azure/active-directory/error-code-aadsts75005-not-a-valid-saml-request"),
            CAPTURE),
        saml(750054, null, "saml-binding", "The request came to the SAML endpoint by HTTP-Redirect without a "
            + "SAMLRequest (or SAMLResponse) parameter in its query string. Usual reasons: the user opened a bookmark "
            + "of the Entra ID sign-in address instead of the application, a proxy or redirect in front of the "
            + "application dropped the query string, or the application posted the message to a Redirect address.",
            new Step(VENDOR, "Make the service provider put its AuthnRequest into the SAMLRequest query parameter "
                + "when it redirects (HTTP-Redirect), or post it as a form field (HTTP-POST), and check that nothing "
                + "between the application and Entra ID strips the query string.",
                "https://learn.microsoft.com/troubleshoot/azure/active-directory/error-code-aadsts750054-saml-request-not-present"),
            new Step(ADMIN, "Have users start at the application or at My Apps, not at a saved Entra ID sign-in "
                + "address; if the application supports IdP-initiated sign-in, set the Sign on URL and Relay State "
                + "in {app}'s Basic SAML Configuration.", SAML_DEBUG)),
        saml(75008, "RequestDeniedError", "saml-request", "The Destination attribute of {app}'s SAML request does "
            + "not name the Entra ID address the request was sent to.",
            new Step(VENDOR, "Set the identity provider's sign-on URL in the service provider, and so the request's "
                + "Destination, to the Login URL shown on {app}'s Single sign-on page "
                + "(https://login.microsoftonline.com/<tenant id>/saml2), exactly.", SAML_PROTOCOL),
            new Step(ADMIN, "Send the vendor the Login URL, the Microsoft Entra Identifier and the federation "
                + "metadata URL from {app}'s Single sign-on page.", null)),
        saml(75011, "NoMatchedAuthnContextInOutputClaims", "saml-authn-context", "{app}'s SAML request demands one "
            + "particular way of signing in (RequestedAuthnContext, often PasswordProtectedTransport), but {user} "
            + "was already signed in another way (Windows Integrated authentication, a certificate, passwordless or "
            + "multifactor), and Entra ID answers from that session instead of signing the user in again.",
            new Step(VENDOR, "Leave RequestedAuthnContext out of the service provider's request (it is optional); "
                + "if the application really needs that method, have it also send ForceAuthn=\"true\" so Entra ID "
                + "authenticates afresh with it.",
                "https://learn.microsoft.com/troubleshoot/azure/active-directory/error-code-aadsts75011-auth-method-mismatch"),
            new Step(USER, "Until the application changes: open {app} in a private browser window and sign in "
                + "there, so no earlier session is reused.", null),
            CAPTURE),
        saml(75016, "Saml2AuthenticationRequestInvalidNameIDPolicy", "saml-nameid", "The NameIDPolicy in {app}'s "
            + "SAML request asks for a name identifier format Entra ID cannot issue for it.",
            new Step(VENDOR, "Have the service provider ask for a format Entra ID supports (unspecified, "
                + "emailAddress, persistent or transient) or leave the Format out of NameIDPolicy.", SAML_PROTOCOL),
            new Step(ADMIN, "Make the Unique User Identifier (Name ID) claim in {app} > Single sign-on > Attributes & "
                + "Claims use the format the application expects, so request and answer agree.",
                "https://learn.microsoft.com/entra/identity-platform/saml-claims-customization")),
        saml(76021, "ApplicationRequiresSignedRequests", "saml-signature", "{app} is set in Entra ID to accept only "
            + "signed SAML requests (verification certificates required), and this request had no valid signature.",
            new Step(VENDOR, "Make the service provider sign its AuthnRequests with the private key of the "
                + "certificate uploaded as verification certificate on {app}.",
                "https://learn.microsoft.com/entra/identity/enterprise-apps/howto-enforce-signed-saml-authentication"),
            new Step(ADMIN, "If signed requests were not intended, switch the requirement off under {app} > Single "
                + "sign-on > Verification certificates; if they were, upload the vendor's current signing "
                + "certificate there.",
                "https://learn.microsoft.com/entra/identity/enterprise-apps/howto-enforce-signed-saml-authentication")),
        saml(76026, "RequestIssueTimeExpired", "saml-request", "The IssueInstant of {app}'s SAML request is too old: "
            + "the request was made long before it reached Entra ID, the service provider's clock is wrong, or an "
            + "old request was replayed (a bookmark, a restored browser tab).",
            new Step(VENDOR, "Make the service provider create a fresh AuthnRequest for every sign-in and keep its "
                + "clock synchronised (NTP).", SAML_PROTOCOL),
            new Step(USER, "Start again from {app}'s own page rather than a saved sign-in page.", null)),
        saml(7500514, null, "saml-request", "Entra ID received a SAML message of a type it does not accept here; it "
            + "processes only SAML 2.0 protocol messages.",
            new Step(VENDOR, "Have the service provider send a SAML 2.0 AuthnRequest "
                + "(urn:oasis:names:tc:SAML:2.0:protocol), not a SAML 1.1 or vendor-specific message.", SAML_PROTOCOL),
            CAPTURE),
        saml(7500529, null, "saml-request", "The ID attribute of {app}'s SAML request is not a valid SAML identifier "
            + "because it starts with a digit; Entra ID copies it into InResponseTo of its answer, so it has to be "
            + "an XML name.",
            new Step(VENDOR, "Make the service provider generate request IDs that start with a letter or an "
                + "underscore, for example 'id' followed by a GUID without dashes.", SAML_PROTOCOL)),
        saml(900236, "InvalidRequestSamlPropertyUnsupported", "saml-request", "{app}'s SAML request sets an attribute "
            + "or element Entra ID does not support; the failure details name it.",
            new Step(VENDOR, "Remove the attribute or element named in the failure details from the service "
                + "provider's AuthnRequest.", SAML_PROTOCOL),
            CAPTURE),
        saml(75001, "BindingSerializationError", "saml-binding", "Entra ID could not decode {app}'s SAML message "
            + "from the binding it arrived by.",
            new Step(VENDOR, "Check how the service provider encodes the message for its binding: HTTP-Redirect "
                + "deflates, base64-encodes and URL-encodes it into the query string; HTTP-POST base64-encodes it "
                + "into a form field.", SAML_PROTOCOL),
            CAPTURE),
        saml(75003, "UnsupportedBindingError", "saml-binding", "{app} asks for the SAML answer over a binding other "
            + "than HTTP-POST (for example through ProtocolBinding), and Entra ID answers only by HTTP-POST.",
            new Step(VENDOR, "Give the service provider's Assertion Consumer Service the HTTP-POST binding and "
                + "request that one (or leave ProtocolBinding out).", SAML_PROTOCOL)),
        wsFed(90081, "OrgIdWsFederationMessageInvalid", "The WS-Federation request {app} sent is not valid.",
            "Have the application send a well-formed WS-Federation sign-in: wa=wsignin1.0, wtrealm equal to the "
                + "identifier registered for {app}, and a wreply that is one of its reply URLs."),
        wsFed(90082, "OrgIdWsFederationNotSupported", "The WS-Federation request asks (in wauth) for an "
            + "authentication method Entra ID does not support.",
            "Leave wauth out of the application's request, or ask for a method Entra ID supports."),
        wsFed(90087, "OrgIdWsFederationMessageCreationFromUriFailed", "Entra ID could not build a WS-Federation "
            + "message from the address {app} sent the user to.",
            "Have the application URL-encode its WS-Federation parameters correctly."),
        oauth(70011, "InvalidScope", "{app} asked for a scope that is not valid for the resource: it does not exist, "
            + "is misspelt, or mixes formats (app-only requests may only ask for '<resource>/.default').",
            "Request scopes the API exposes, written as '<App ID URI>/<scope>'; for app-only tokens use "
                + "'<resource>/.default'.", SCOPES),
        oauth(28002, null, "The scope {app} sent when requesting an access token is not valid.",
            "Send a valid scope of one resource when redeeming the code or refresh token.", SCOPES),
        oauth(28003, null, "{app} redeemed an authorization code without a scope, which this request needs.",
            "Send the scope parameter when redeeming the code.", AUTH_CODE),
        oauth(700022, "InvalidMultipleResourcesScope", "{app} asked for scopes of several resources in one request; "
            + "an access token is for one resource.",
            "Ask for the scopes of one resource per token request and get a second token for the other resource.",
            SCOPES),
        oauth(700023, "InvalidResourcelessScope", "{app} asked for an access token with only OpenID scopes "
            + "(openid, profile, offline_access) and no resource.",
            "Add a scope of the API the token is for (for example User.Read), or ask only for an ID token.", SCOPES),
        oauth(70003, "UnsupportedGrantType", "{app} used a grant type that is not supported for this request.",
            "Use a grant type this endpoint and this kind of client support (authorization code, client "
                + "credentials, refresh token, device code).", AUTH_CODE),
        oauth(70007, "UnsupportedResponseMode", "{app} asked for a response_mode that the endpoint does not "
            + "support for this response type.",
            "Use query for authorization codes, and fragment or form_post when tokens are returned from the "
                + "authorize endpoint.", AUTH_CODE),
        oauth(50147, "MissingCodeChallenge", "{app}'s authorization request has no valid PKCE code_challenge.",
            "Send a code_challenge (43 to 128 characters) with code_challenge_method S256; single-page "
                + "applications must always do so.", AUTH_CODE),
        oauth(501491, "InvalidCodeChallengeMethodInvalidSize", "The PKCE code_challenge {app} sent is too short or "
            + "too long.",
            "Derive the code_challenge from a code_verifier of 43 to 128 characters, using S256.", AUTH_CODE),
        oauth(50149, null, "{app} asked for a code_challenge_method that is not supported.",
            "Use code_challenge_method S256.", AUTH_CODE),
        oauth(50148, null, VERIFIER_MISMATCH, VERIFIER_FIX, AUTH_CODE),
        oauth(501481, null, VERIFIER_MISMATCH, VERIFIER_FIX, AUTH_CODE),
        oauth(90009, "TokenForItselfMissingIdenticalAppIdentifier", "{app} requested a token for itself naming "
            + "itself by something other than its application id.",
            "Use {app}'s application id (GUID) as the resource when it requests a token for itself.", SCOPES),
        oauth(90015, "QueryStringTooLong", "The address of {app}'s request is longer than Entra ID accepts, "
            + "usually because of a large state value or many scopes.",
            "Keep the state parameter small and ask for fewer scopes (or use response_mode=form_post for the "
                + "answer).", AUTH_CODE),
        oauth(901002, null, "{app} sent the v1.0 'resource' parameter to the v2.0 endpoint, which does not "
            + "support it.",
            "Ask for '<resource>/<scope>' or '<resource>/.default' in the scope parameter instead of 'resource'.",
            SCOPES)));

    private ServiceProviderRules() {
    }

    private static AppRule saml(int code, String name, String classification, String cause, Step... steps) {
        return rule(code, name, classification, VENDOR, cause, steps);
    }

    private static AppRule wsFed(int code, String name, String cause, String fix) {
        return rule(code, name, "wsfed-request", VENDOR, cause, new Step(VENDOR, fix, lookup(code)));
    }

    private static AppRule oauth(int code, String name, String cause, String fix, String link) {
        return rule(code, name, "oauth-request", APP_OWNER, cause, new Step(APP_OWNER, fix, link), OAUTH_DEVELOPER);
    }

    static AppRule rule(int code, String name, String classification, Actor side, String cause, Step... steps) {
        return new AppRule(code, name, classification, side, Confidence.HIGH, cause, List.of(steps), When.ALWAYS);
    }

    static String lookup(int code) {
        return "https://login.microsoftonline.com/error?code=" + code;
    }
}
