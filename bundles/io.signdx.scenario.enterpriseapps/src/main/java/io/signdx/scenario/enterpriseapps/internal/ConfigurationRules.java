package io.signdx.scenario.enterpriseapps.internal;

import static io.signdx.api.detector.Actor.ADMIN;
import static io.signdx.api.detector.Actor.APP_OWNER;
import static io.signdx.api.detector.Actor.USER;
import static io.signdx.api.detector.Actor.VENDOR;
import static io.signdx.scenario.enterpriseapps.internal.ServiceProviderRules.lookup;
import static io.signdx.scenario.enterpriseapps.internal.ServiceProviderRules.rule;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The Entra ID side of an application: its enterprise application (service principal) and app
 * registration in the tenant — reply URLs, existence and state, assignment, signing keys, consent and
 * permissions, claims, and the credentials a workload signs in with.
 */
final class ConfigurationRules {
    private static final String REPLY_URL =
            "https://learn.microsoft.com/troubleshoot/azure/active-directory/error-code-aadsts50011-reply-url-mismatch";
    private static final String REDIRECT_URI = "https://learn.microsoft.com/entra/identity-platform/how-to-add-redirect-uri";
    private static final String ADMIN_CONSENT = "https://learn.microsoft.com/entra/identity/enterprise-apps/grant-admin-consent";
    private static final String CONSENT_WORKFLOW =
            "https://learn.microsoft.com/entra/identity/enterprise-apps/configure-admin-consent-workflow";
    private static final String DISABLE_SIGN_IN =
            "https://learn.microsoft.com/entra/identity/enterprise-apps/disable-user-sign-in-portal";
    private static final String ACCOUNT_TYPES = "https://learn.microsoft.com/entra/identity-platform/howto-modify-supported-accounts";
    private static final String SAML_CERTIFICATE =
            "https://learn.microsoft.com/entra/identity/enterprise-apps/tutorial-manage-certificates-for-federated-single-sign-on";
    private static final String ADD_CREDENTIALS = "https://learn.microsoft.com/entra/identity-platform/how-to-add-credentials";
    private static final String CERTIFICATE_CREDENTIALS =
            "https://learn.microsoft.com/entra/identity-platform/certificate-credentials";
    private static final String CLAIMS = "https://learn.microsoft.com/entra/identity-platform/saml-claims-customization";
    private static final String IMPLICIT = "https://learn.microsoft.com/entra/identity-platform/v2-oauth2-implicit-grant-flow";

    /** The classifications that are about a workload's own credential, for which the history matters. */
    static final Set<String> CREDENTIAL_CLASSES = Set.of("expired-secret", "invalid-secret", "expired-certificate",
            "invalid-certificate", "invalid-assertion", "missing-credential");

    // ---- shared steps: several codes call for the same fix ----------------------------------------

    private static final List<Step> OAUTH_REPLY_URL = List.of(
        new Step(APP_OWNER, "In App registrations > {app} ({appId}) > Authentication, add {replyUrl} to the redirect "
            + "URIs of the platform the application uses (Web, Single-page application, or Mobile and desktop), "
            + "character for character: scheme, host, port, path, letter case and trailing slash all count. A "
            + "multitenant app bought from a vendor is registered in the vendor's tenant, so there the vendor adds "
            + "it.", REDIRECT_URI),
        new Step(APP_OWNER, "If the application sends the wrong address instead (for example http:// behind a "
            + "TLS-terminating proxy), correct the redirect_uri in the application's own configuration.", REPLY_URL));

    private static final List<Step> APP_NOT_FOUND = List.of(
        new Step(ADMIN, "Search Enterprise applications (Application type: All) for the application id {appId}. If "
            + "it is a vendor's multitenant app that should be used here, add it by granting admin consent (the "
            + "vendor's sign-up or admin-consent link); if it was deleted, restore it from Deleted applications "
            + "within 30 days.", ADMIN_CONSENT),
        new Step(APP_OWNER, "If the app should not need that: check the client id and the tenant (authority) "
            + "configured in {app}; a mistyped GUID or another tenant's id gives this same error.", lookup(700016)));

    private static final List<Step> APP_DISABLED = List.of(
        new Step(ADMIN, "Open Enterprise applications > {app} > Properties and the audit log ('Update service "
            + "principal') to see who switched it off and why. If it should work, set 'Enabled for users to sign "
            + "in?' to Yes; if Microsoft disabled it (for example as malicious), leave it off until that is "
            + "understood.", DISABLE_SIGN_IN));

    private static final List<Step> SIGN_IN_AUDIENCE = List.of(
        new Step(APP_OWNER, "Point {app} at the tenant-specific authority (https://login.microsoftonline.com/"
            + "<tenant id>), or, if it has to serve other organisations, change 'Supported account types' of its "
            + "registration to accounts in any organizational directory.", ACCOUNT_TYPES));

    private static final List<Step> RESOURCE_MISSING = List.of(
        new Step(ADMIN, "If {resource} is an API (of a vendor or of another team) that should be used here, create "
            + "its service principal in this tenant: grant admin consent to the client app that calls it, or to "
            + "the resource app through its own consent link.", ADMIN_CONSENT),
        new Step(APP_OWNER, "Otherwise correct the resource or scope identifier, or the tenant id, that {app} "
            + "requests.", lookup(500011)));

    private static final List<Step> ASK_FOR_CONSENT = List.of(
        new Step(ADMIN, "Review the permissions {app} asks for{onResource} (Enterprise applications > {app} > "
            + "Permissions, or the consent screen) and, if they are acceptable, select 'Grant admin consent'.",
            ADMIN_CONSENT),
        new Step(ADMIN, "So that users can ask instead of failing, switch on the admin consent workflow "
            + "(Enterprise applications > Consent and permissions > Admin consent settings).", CONSENT_WORKFLOW),
        new Step(USER, "Ask the help desk to approve {app}; until then the app cannot be used.", null));

    private static final List<Step> WORKLOAD_CONSENT = List.of(
        new Step(ADMIN, "Application permissions of a workload always need an administrator: in App registrations "
            + "> {app} ({appId}) > API permissions, check the application permissions on {resource} and select "
            + "'Grant admin consent'.", ADMIN_CONSENT));

    private static final List<Step> PERMISSIONS = List.of(
        new Step(APP_OWNER, "In App registrations > {app} ({appId}) > API permissions, add the permissions the "
            + "application uses on {resource} (or correct the resource it asks for, and remove permissions on APIs "
            + "that no longer exist).", ADMIN_CONSENT),
        new Step(ADMIN, "Then grant admin consent for the changed permissions.", ADMIN_CONSENT));

    private static final List<Step> NEW_SECRET = List.of(
        new Step(APP_OWNER, "In App registrations > {app} ({appId}) > Certificates & secrets, add a new client secret, "
            + "put its Value (not its Secret ID) where {client} reads it (for example Key Vault or the app's "
            + "settings), reload the application, and delete the old secret once token requests succeed.",
            ADD_CREDENTIALS),
        new Step(APP_OWNER, "Better still, replace the secret with a certificate, a federated identity credential "
            + "or, for a workload hosted in Azure, a managed identity, so no secret has to be copied and renewed "
            + "by hand.", "https://learn.microsoft.com/entra/workload-id/workload-identity-federation"));

    private static final Step WATCH_EXPIRY = new Step(ADMIN, "Watch credentials before they expire: the Entra ID "
            + "recommendation for expiring application credentials, or a scheduled Microsoft Graph query of the "
            + "applications' passwordCredentials and keyCredentials end dates, gives owners time to renew.",
            "https://learn.microsoft.com/entra/identity/monitoring-health/overview-recommendations");

    private static final List<Step> NEW_CERTIFICATE = List.of(
        new Step(APP_OWNER, "Get a new certificate, upload its public part (.cer) to App registrations > {app} "
            + "({appId}) > Certificates & secrets, configure {client} to sign with the new private key, and remove "
            + "the expired certificate once token requests succeed.", CERTIFICATE_CREDENTIALS),
        WATCH_EXPIRY);

    private static final List<Step> MATCH_CERTIFICATE = List.of(
        new Step(APP_OWNER, "Compare the thumbprint in the failure details with the certificates under App "
            + "registrations > {app} ({appId}) > Certificates & secrets: upload the certificate {client} signs with, "
            + "or configure it to use a registered one.", CERTIFICATE_CREDENTIALS));

    private static final List<Step> CHECK_ASSERTION = List.of(
        new Step(APP_OWNER, "Check the client assertion {client} builds: aud must be the token endpoint, iss and sub "
            + "the app id {appId}, exp in the future, x5t the thumbprint of a certificate registered on {app} and "
            + "within its validity period, signed with that certificate's private key.", CERTIFICATE_CREDENTIALS));

    private static final List<Step> CLAIMS_FIX = List.of(
        new Step(ADMIN, "Correct the claim or transformation named in the failure details under Enterprise "
            + "applications > {app} > Single sign-on > Attributes & Claims (or in its claims-mapping policy), "
            + "then check the result with Single sign-on > Test.", CLAIMS));

    private static final List<Step> TOKEN_TYPES = List.of(
        new Step(APP_OWNER, "Either switch {app} to the authorization code flow, or enable the token type it asks "
            + "for under App registrations > {app} ({appId}) > Authentication > Implicit grant and hybrid flows "
            + "(and request the openid scope with an ID token).", IMPLICIT));

    static final RuleTable TABLE = new RuleTable(rules());

    private ConfigurationRules() {
    }

    private static List<AppRule> rules() {
        List<AppRule> r = new ArrayList<>();
        // reply URLs
        r.add(rule(50011, "InvalidReplyTo", "reply-url", ADMIN, "The address {app} asked Entra ID to send the SAML "
            + "answer to{replyUrlQuoted} is not one of the Reply URLs (Assertion Consumer Service URLs) configured for "
            + "the enterprise application.",
            new Step(ADMIN, "In Enterprise applications > {app} > Single sign-on > Basic SAML Configuration, add "
                + "{replyUrl} to the Reply URLs, character for character (scheme, host, port, path, letter case and "
                + "trailing slash all count).", REPLY_URL),
            new Step(VENDOR, "If the address the application sends is the wrong one, correct the Assertion Consumer "
                + "Service URL in the application's SAML settings instead.", REPLY_URL)).when(When.FEDERATED));
        r.add(rule(50011, "InvalidReplyTo", "reply-url", APP_OWNER, "The redirect URI {app} sent{replyUrlQuoted} "
            + "is not one of the redirect URIs registered for it, or it is registered under another platform.",
            steps(OAUTH_REPLY_URL)));
        r.add(rule(70004, "InvalidRedirectUri", "reply-url", APP_OWNER, "The redirect URI in {app}'s request"
            + "{replyUrlQuoted} is not one of the addresses registered for it.", steps(OAUTH_REPLY_URL)));
        r.add(rule(900971, null, "reply-url", APP_OWNER, "{app}'s request named no reply address, and none could be "
            + "taken from its registration.",
            new Step(APP_OWNER, "Register at least one redirect URI for {app} (or a Reply URL for a SAML app), or "
                + "make the application send redirect_uri.", REDIRECT_URI)));
        // the app itself
        r.add(rule(700016, "UnauthorizedClient_DoesNotMatchRequest", "app-not-found", ADMIN, "No application with the "
            + "id {appId} exists in this tenant: a vendor's multitenant app was never added here by consent, it "
            + "was deleted, or the request carries a wrong app id or the wrong tenant.", steps(APP_NOT_FOUND))
            .ambiguous());
        r.add(rule(700011, "UnauthorizedClientAppNotFoundInOrgIdTenant", "app-not-found", ADMIN, "The client "
            + "application {appId} that asked for a token does not exist in this tenant.", steps(APP_NOT_FOUND))
            .ambiguous());
        r.add(rule(70001, "UnauthorizedClient", "app-not-found", ADMIN, "The application {appId} is unknown in this "
            + "tenant or disabled for sign-in, so it may not get tokens.", steps(APP_NOT_FOUND, APP_DISABLED))
            .ambiguous());
        r.add(rule(7000112, "UnauthorizedClientApplicationDisabled", "app-disabled", ADMIN, "{app} ({appId}) is "
            + "disabled in this tenant: sign-in is switched off on its service principal, by an administrator or "
            + "by Microsoft, so nobody gets a token for it.", steps(APP_DISABLED)));
        r.add(rule(1000031, null, "app-disabled", ADMIN, "{app} cannot be used right now: Entra ID refuses it for "
            + "everyone, usually because it is disabled or blocked in the tenant.", steps(APP_DISABLED)).ambiguous());
        r.add(rule(650059, null, "sign-in-audience", APP_OWNER, "{app} is registered as a single-tenant app "
            + "(AzureADMyOrg) in its home tenant, so it cannot sign in users of this tenant.",
            steps(SIGN_IN_AUDIENCE)));
        r.add(rule(50194, null, "sign-in-audience", APP_OWNER, "{app} is a single-tenant app but used the /common "
            + "endpoint; it has to name its tenant.", steps(SIGN_IN_AUDIENCE)));
        r.add(rule(9002332, null, "sign-in-audience", APP_OWNER, "{app} is registered for work or school accounts "
            + "only, but the request went to the /consumers endpoint.", steps(SIGN_IN_AUDIENCE)));
        r.add(rule(90130, "NonConvergedAppV2GlobalEndpointNotSupported", "sign-in-audience", APP_OWNER, "{app} is "
            + "not supported on the /common or /consumers endpoints.", steps(SIGN_IN_AUDIENCE)));
        // the resource it asks for
        r.add(rule(500011, "InvalidResourceServicePrincipalNotFound", "resource-not-found", ADMIN, "The resource "
            + "{resource} that {app} wants a token for has no service principal in this tenant: nobody added or "
            + "consented to it here, or the request names the wrong tenant or resource identifier.",
            steps(RESOURCE_MISSING)).ambiguous());
        r.add(rule(50001, "InvalidResource", "resource-not-found", APP_OWNER, "The resource {resource} that {app} "
            + "asked for does not exist in the tenant or is disabled.", steps(RESOURCE_MISSING)).ambiguous());
        r.add(rule(500014, "InvalidResourceServicePrincipalDisabled", "resource-disabled", ADMIN, "The service "
            + "principal of the resource {resource} is disabled in this tenant, by an administrator or because the "
            + "subscription that brought it lapsed.",
            new Step(ADMIN, "In Enterprise applications (Application type: All), open {resource} > Properties and "
                + "set 'Enabled for users to sign in?' back to Yes, or renew the subscription that provides it.",
                DISABLE_SIGN_IN)));
        r.add(rule(650052, null, "resource-disabled", ADMIN, "{app} needs a service ({resource}) that the "
            + "organisation has not subscribed to or has switched off.",
            new Step(ADMIN, "Check the subscription or licence that provides {resource}, and that its service "
                + "principal is enabled under Enterprise applications.", DISABLE_SIGN_IN)));
        // who may use it
        r.add(rule(50105, "EntitlementGrantsNotFound", "assignment-required", ADMIN, "{app} requires assignment "
            + "('Assignment required?' is Yes) and {user} is assigned neither directly nor through a group.",
            new Step(ADMIN, "In Enterprise applications > {app} > Users and groups, assign {user}, or better a group "
                + "{user} is a direct member of (nested group membership is not followed).",
                "https://learn.microsoft.com/entra/identity/enterprise-apps/assign-user-or-group-access-portal"),
            new Step(ADMIN, "If everyone in the tenant should use {app}, set Properties > 'Assignment required?' "
                + "to No instead.", "https://learn.microsoft.com/entra/identity/enterprise-apps/application-properties"),
            new Step(USER, "Ask the help desk or the owner of {app} for access.", null)));
        // signing and encryption keys
        r.add(rule(50003, "MissingSigningKey", "signing-key", ADMIN, "Entra ID has no active signing certificate "
            + "or key for {app}, so it cannot sign the SAML answer or token.",
            new Step(ADMIN, "Under Enterprise applications > {app} > Single sign-on > SAML Signing Certificate, "
                + "create or import a certificate, make it active and note its expiry date.", SAML_CERTIFICATE),
            new Step(VENDOR, "Load the new certificate (or the refreshed federation metadata) into the "
                + "application so it trusts Entra ID's signature.", SAML_CERTIFICATE)));
        r.add(rule(50146, "MissingCustomSigningKey", "signing-key", ADMIN, "{app} has to be signed with its own key "
            + "(for example because it receives mapped claims), and no such key is configured, or it has expired "
            + "or is not yet valid.",
            new Step(ADMIN, "Give {app} a valid signing certificate of its own (Single sign-on > SAML Signing "
                + "Certificate for a SAML app), or stop relying on claims that need one.", SAML_CERTIFICATE)));
        r.add(rule(50007, "PartnerEncryptionCertificateMissing", "encryption-certificate", ADMIN, "{app} is set to "
            + "have its tokens encrypted, but Entra ID finds no encryption certificate for it.",
            new Step(ADMIN, "Under Enterprise applications > {app} > Token encryption, upload and activate the "
                + "application's encryption certificate (from its vendor), or switch token encryption off if the "
                + "application does not decrypt tokens.",
                "https://learn.microsoft.com/entra/identity/enterprise-apps/howto-saml-token-encryption")));
        r.add(rule(50010, "AudienceUriValidationFailed", "audience", APP_OWNER, "Audience validation failed: {app} "
            + "has no identifier configured that matches the audience of the request, so no token can be issued "
            + "for it.",
            new Step(ADMIN, "For a SAML app: set Identifier (Entity ID) in {app}'s Basic SAML Configuration to the "
                + "Issuer value the application sends.",
                "https://learn.microsoft.com/entra/identity/enterprise-apps/add-application-portal-setup-sso"),
            new Step(APP_OWNER, "For an OAuth app: set the Application ID URI under App registrations > {app} > "
                + "Expose an API to the audience the application requests.",
                "https://learn.microsoft.com/entra/identity-platform/quickstart-configure-app-expose-web-apis")));
        // consent and permissions
        r.add(rule(65001, "DelegationDoesNotExist", "consent-required", ADMIN, "Nobody has granted {app} the "
            + "application permissions it asks for{onResource} (an administrator must, or the grant was revoked).",
            steps(WORKLOAD_CONSENT)).when(When.WORKLOAD));
        r.add(rule(65001, "DelegationDoesNotExist", "consent-required", ADMIN, "Nobody has granted {app} the "
            + "permissions it asks for{onResource}, neither {user} nor an administrator for the organisation "
            + "(or the grant was revoked), and {user} could not consent alone.", steps(ASK_FOR_CONSENT)));
        r.add(rule(90094, "AdminConsentRequired", "consent-required", ADMIN, "{app} asks for permissions only an "
            + "administrator may grant (or users may not consent in this tenant), so {user} could not consent.",
            steps(ASK_FOR_CONSENT)));
        r.add(rule(90095, "AdminConsentRequiredRequestAccess", "consent-required", ADMIN, "{app} needs an "
            + "administrator's approval; the admin consent workflow invited {user} to request it.",
            new Step(USER, "Send the approval request with a short business reason.", CONSENT_WORKFLOW),
            new Step(ADMIN, "Review the request under Enterprise applications > Admin consent requests, and approve "
                + "or deny it.", CONSENT_WORKFLOW)));
        r.add(rule(90093, "GraphUserUnauthorized", "consent-required", ADMIN, "Microsoft Graph refused a call made "
            + "for {user} while signing in to {app}, usually because the user may not consent to the app.",
            steps(ASK_FOR_CONSENT)).ambiguous());
        r.add(rule(90008, "TokenForItselfRequiresGraphPermission", "consent-required", APP_OWNER, "{app} asked for a "
            + "token for itself, which needs at least the 'sign in and read user profile' permission, and that "
            + "permission is not consented.",
            new Step(APP_OWNER, "Add the Microsoft Graph delegated permission User.Read to {app}'s registration and "
                + "have it consented.", ADMIN_CONSENT)));
        r.add(rule(65004, "UserDeclinedConsent", "consent-declined", USER, "{user} was shown {app}'s consent screen "
            + "and declined it, so the app got no access. That was the user's choice, not a fault.",
            new Step(USER, "If you need {app}, start it again and accept the permissions it asks for.", null),
            new Step(ADMIN, "If {app} is approved for the organisation, grant admin consent once so nobody has to "
                + "decide alone; if it is not approved, nothing needs doing.", ADMIN_CONSENT)));
        r.add(rule(650056, null, "required-permissions", ADMIN, "{app} is misconfigured for {resource}: it does not "
            + "list that API among its permissions, admin consent is missing, or (for a SAML app) the identifier "
            + "in the request or the certificate does not match.", steps(PERMISSIONS)).ambiguous());
        r.add(rule(650057, null, "required-permissions", APP_OWNER, "{app} asked for a token for {resource}, which "
            + "is not among the API permissions of its registration.", steps(PERMISSIONS)));
        r.add(rule(65005, "MisconfiguredApplication", "required-permissions", APP_OWNER, "{app}'s list of required "
            + "permissions names a resource that cannot be found, or the app asked for a resource it does not list; "
            + "for a SAML app the Identifier (Entity ID) may be wrong.", steps(PERMISSIONS)).ambiguous());
        r.add(rule(650054, null, "required-permissions", APP_OWNER, "{app} asks for permissions on a resource that "
            + "was removed or is no longer available.", steps(PERMISSIONS)));
        // client credentials of workloads and confidential clients
        r.add(rule(7000222, "InvalidClientSecretExpiredKeysProvided", "expired-secret", APP_OWNER, "The client "
            + "secret {client} uses has passed its end date, so Entra ID refuses every token request the "
            + "application makes with it until it is given a new one.", steps(NEW_SECRET, List.of(WATCH_EXPIRY))));
        r.add(rule(7000215, null, "invalid-secret", APP_OWNER, "The client secret sent by {client} matches none of "
            + "the secrets on its registration: often the secret's ID was copied instead of its value, or an old, "
            + "rotated secret is still configured.", steps(NEW_SECRET)));
        r.add(rule(70002, "InvalidClient", "invalid-certificate", APP_OWNER, "Entra ID rejected the {credential} "
            + "{client} authenticated with.", steps(MATCH_CERTIFICATE)).when(When.CERTIFICATE));
        r.add(rule(70002, "InvalidClient", "invalid-secret", APP_OWNER, "Entra ID rejected the {credential} {client} "
            + "authenticated with: it does not match what the registration holds.", steps(NEW_SECRET)));
        r.add(rule(700027, null, "expired-certificate", APP_OWNER, "The certificate whose key signed the client "
            + "assertion of {client} has expired.", steps(NEW_CERTIFICATE)).when(When.KEY_EXPIRED));
        r.add(rule(700027, null, "invalid-certificate", APP_OWNER, "The signature on the client assertion of "
            + "{client} does not match any certificate registered for the app: it signs with a certificate that was "
            + "never uploaded, or that was removed.", steps(MATCH_CERTIFICATE)));
        r.add(rule(50012, "AuthenticationFailed", "expired-certificate", APP_OWNER, "The certificate {client} "
            + "authenticated with has expired.", steps(NEW_CERTIFICATE)).when(When.KEY_EXPIRED));
        r.add(rule(50012, "AuthenticationFailed", "invalid-assertion", APP_OWNER, "Entra ID could not authenticate "
            + "{client} with its {credential}: the certificate is not registered or not valid, or the client "
            + "assertion is malformed or wrongly signed.", steps(CHECK_ASSERTION)).ambiguous());
        r.add(rule(50048, "SubjectMismatchesIssuer", "invalid-assertion", APP_OWNER, "In the client assertion of "
            + "{client} the subject (sub) differs from the issuer (iss); both must be the app id {appId}.",
            steps(CHECK_ASSERTION)));
        r.add(rule(700229, "ForbiddenTokenType", "invalid-assertion", APP_OWNER, "The federated identity credential "
            + "{client} presented is a token issued for a user; only app-only tokens may be exchanged.",
            new Step(APP_OWNER, "Have the workload get an app-only token from its identity provider for the "
                + "exchange.", "https://learn.microsoft.com/entra/workload-id/workload-identity-federation")));
        r.add(rule(700030, null, "invalid-certificate", APP_OWNER, "The certificate {client} used is not trusted for "
            + "it: its subject name does not match the trusted subject configured on the registration.",
            new Step(APP_OWNER, "Use a certificate whose subject and issuer match the trusted subject configured "
                + "for {app}, or correct that configuration.", CERTIFICATE_CREDENTIALS)));
        r.add(rule(50032, "WeakRsaKey", "invalid-certificate", APP_OWNER, "The key {client} presented is an RSA key "
            + "shorter than Entra ID accepts.",
            new Step(APP_OWNER, "Issue a certificate with an RSA key of at least 2048 bits, upload it to {app}'s "
                + "registration and switch the application to it.", CERTIFICATE_CREDENTIALS)));
        r.add(rule(7000218, null, "missing-credential", APP_OWNER, "The token request of {client} carried neither "
            + "a client secret nor a client assertion, which a confidential client must send.",
            new Step(APP_OWNER, "Configure the application to send its secret or certificate; if it is a public "
                + "client (desktop, mobile, device code), set 'Allow public client flows' to Yes in App "
                + "registrations > {app} > Authentication.", ADD_CREDENTIALS)));
        r.add(rule(700025, "InvalidClientPublicClientWithCredential", "public-client", APP_OWNER, "{app} is registered "
            + "as a public client, yet it sent a client secret or assertion, which a public client must not do.",
            new Step(APP_OWNER, "Stop sending the credential from this client, or, if {app} is really a confidential "
                + "application (web app, daemon), register it as one and keep the credential server-side.",
                "https://learn.microsoft.com/entra/identity-platform/msal-client-applications")));
        // token types the registration allows
        r.add(rule(700054, null, "response-type", APP_OWNER, "{app} asked the authorize endpoint for an ID token, but "
            + "ID token issuance (implicit and hybrid flows) is not enabled for it.", steps(TOKEN_TYPES)));
        r.add(rule(70005, "UnsupportedResponseType", "response-type", APP_OWNER, "{app} asked for a response type its "
            + "registration does not allow (for example a token without the implicit grant, or an ID token "
            + "without the openid scope).", steps(TOKEN_TYPES)));
        // claims built for the app
        claims(r, 50100, null, "Building the claims for {app}'s token failed while applying its claims "
            + "transformations.");
        claims(r, 50101, null, "A claims-mapping configuration of {app} names a claims transformer Entra ID does not "
            + "know.");
        claims(r, 50102, null, "A custom claims transformer configured for {app} could not be loaded.");
        claims(r, 50103, null, "Transforming the claims for {app}'s token raised an error; the failure details say "
            + "which.");
        claims(r, 50108, null, "Entra ID could not read {app}'s claims transformation configuration.");
        claims(r, 50109, null, "A claims transformation referenced by {app}'s configuration is not recognised.");
        claims(r, 50111, null, "{app}'s configuration asks for a claims transformation that is not known.");
        claims(r, 50123, null, "{app}'s claims configuration asks for a transformation method that does not exist.");
        claims(r, 50124, null, "A claims transformation of {app} has an invalid input, such as a bad regular "
            + "expression.");
        claims(r, 50162, null, "Applying {app}'s claims transformations took too long: too many or too complex "
            + "transformations.");
        claims(r, 50163, null, "A regular-expression replacement in {app}'s claims produced a claim larger than "
            + "allowed.");
        claims(r, 501621, "ClaimsTransformationTimeoutRegularExpressionTimeout", "A regular-expression claims "
            + "transformation of {app} took too long.");
        r.add(rule(501241, null, "claims-mapping", ADMIN, "Entra ID could not build {app}'s SAML answer because the "
            + "source attribute of the unique user identifier (NameID) is empty for {user}.",
            new Step(ADMIN, "In {app} > Single sign-on > Attributes & Claims, base the Unique User Identifier on an "
                + "attribute every user has (such as user.userprincipalname or user.objectid), or fill in the "
                + "chosen attribute for {user}.", CLAIMS)));
        r.add(rule(501461, null, "claims-mapping", APP_OWNER, "{app} accepts mapped claims (acceptMappedClaims), "
            + "which is allowed only when the token's audience is its app id or a URI in a verified domain of the "
            + "tenant.",
            new Step(APP_OWNER, "Use {app}'s app id or an identifier URI in a verified domain as the audience, or "
                + "configure a custom signing key instead of acceptMappedClaims.", CLAIMS)));
        return r;
    }

    private static void claims(List<AppRule> r, int code, String name, String cause) {
        r.add(rule(code, name, "claims-mapping", ADMIN, cause, steps(CLAIMS_FIX)));
    }

    @SafeVarargs
    private static Step[] steps(List<Step>... lists) {
        List<Step> all = new ArrayList<>();
        for (List<Step> l : lists) {
            all.addAll(l);
        }
        return all.toArray(Step[]::new);
    }
}
