package io.signdx.scenario.legacyauth.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.signdx.api.model.ClientApp;

/**
 * What each legacy protocol is used for and how its users move to modern authentication: one row per
 * {@link ClientApp#isLegacy() legacy} client app.
 */
final class Protocols {
    /** One legacy protocol.
     *
     * @param app the client app
     * @param what what typically speaks it, for people
     * @param move how the admin moves its clients to modern authentication
     * @param userStep what the user does on their own device, or {@code null} when the user cannot help
     * @param link where the move is documented
     * @param basicAuthSwitch the Exchange Online authentication-policy switch of the protocol, or {@code null}
     * @param casSwitch the Set-CASMailbox parameter that turns the protocol off for one mailbox, or {@code null}
     */
    record Protocol(ClientApp app, String what, String move, String userStep, String link, String basicAuthSwitch,
            String casSwitch) {
    }

    private static final String OAUTH_MAIL =
            "https://learn.microsoft.com/exchange/client-developer/legacy-protocols/how-to-authenticate-an-imap-pop-smtp-application-by-using-oauth";
    private static final String MODERN_OUTLOOK =
            "https://learn.microsoft.com/exchange/clients-and-mobile-in-exchange-online/enable-or-disable-modern-authentication-in-exchange-online";
    private static final String OUTLOOK_MOVE = "Update Outlook to a version that signs in with modern authentication "
            + "(Microsoft 365 Apps, or Outlook 2016 or later) and make sure modern authentication is on for Exchange "
            + "Online (Get-OrganizationConfig | Format-Table OAuth2ClientProfileEnabled).";
    private static final String OUTLOOK_USER = "Update Office or Outlook on this computer (or ask the help desk to); "
            + "Outlook on the web works meanwhile.";

    private static final Map<ClientApp, Protocol> ALL = List.of(
        new Protocol(ClientApp.EXCHANGE_ACTIVESYNC, "mail on a phone's built-in mail app",
            "Move the device to Outlook for iOS and Android, or to a mail app that signs in to Exchange ActiveSync "
                + "with modern authentication; Intune can push the account to managed phones.",
            "On the phone, remove the work account from the built-in mail app and add it in Outlook (or add it "
                + "again choosing to sign in with Microsoft).",
            "https://learn.microsoft.com/exchange/clients-and-mobile-in-exchange-online/outlook-for-ios-and-android/outlook-for-ios-and-android",
            "AllowBasicAuthActiveSync", "-ActiveSyncEnabled $false"),
        new Protocol(ClientApp.IMAP4, "a mail client, script or application reading mail over IMAP",
            "Use a mail client that signs in to IMAP with OAuth 2.0; scripts and applications should use OAuth for "
                + "IMAP through an app registration, or Microsoft Graph.",
            "Add the account again in a mail client that offers 'Sign in with Microsoft' (OAuth) instead of a "
                + "stored password.", OAUTH_MAIL, "AllowBasicAuthImap", "-ImapEnabled $false"),
        new Protocol(ClientApp.POP3, "a mail client, script or application fetching mail over POP",
            "Use a mail client that signs in to POP with OAuth 2.0; scripts and applications should use OAuth for "
                + "POP through an app registration, or Microsoft Graph.",
            "Add the account again in a mail client that offers 'Sign in with Microsoft' (OAuth) instead of a "
                + "stored password.", OAUTH_MAIL, "AllowBasicAuthPop", "-PopEnabled $false"),
        new Protocol(ClientApp.AUTHENTICATED_SMTP, "a printer, scanner or application sending mail with SMTP AUTH",
            "For a printer, scanner or line-of-business application: send through SMTP relay with a connector "
                + "(authenticated by IP address or certificate) or Direct Send, use High Volume Email for internal "
                + "bulk mail, or switch the device to OAuth for SMTP AUTH if its firmware supports it; applications "
                + "can send with Microsoft Graph instead.",
            null,
            "https://learn.microsoft.com/exchange/mail-flow-best-practices/how-to-set-up-a-multifunction-device-or-application-to-send-email-using-microsoft-365-or-office-365",
            "AllowBasicAuthSmtp", "-SmtpClientAuthenticationDisabled $true"),
        new Protocol(ClientApp.MAPI_OVER_HTTP, "Outlook for Windows", OUTLOOK_MOVE, OUTLOOK_USER, MODERN_OUTLOOK,
            "AllowBasicAuthMapi", null),
        new Protocol(ClientApp.OUTLOOK_ANYWHERE, "an older Outlook for Windows (RPC over HTTP)", OUTLOOK_MOVE,
            OUTLOOK_USER, MODERN_OUTLOOK, "AllowBasicAuthRpc", null),
        new Protocol(ClientApp.OFFLINE_ADDRESS_BOOK, "an older Outlook downloading the address book", OUTLOOK_MOVE,
            OUTLOOK_USER, MODERN_OUTLOOK, "AllowBasicAuthOfflineAddressBook", null),
        new Protocol(ClientApp.AUTODISCOVER, "a mail client or script looking up its server settings",
            "Find the client behind these look-ups (user agent, device) and update or replace it with one that "
                + "signs in with modern authentication.", null, MODERN_OUTLOOK, "AllowBasicAuthAutodiscover", null),
        new Protocol(ClientApp.EXCHANGE_WEB_SERVICES, "Outlook for Mac, an older mail client, or an application "
            + "calling Exchange Web Services",
            "Update the client (current Outlook for Mac signs in with modern authentication); applications and "
                + "scripts should authenticate to EWS with OAuth, or move to Microsoft Graph.", null,
            "https://learn.microsoft.com/exchange/client-developer/exchange-web-services/how-to-authenticate-an-ews-application-by-using-oauth",
            "AllowBasicAuthWebServices", null),
        new Protocol(ClientApp.EXCHANGE_ONLINE_POWERSHELL, "an administrator's or script's remote PowerShell session",
            "Connect with the Exchange Online PowerShell module (Connect-ExchangeOnline), which signs in with "
                + "modern authentication; unattended scripts can use certificate-based app-only sign-in.", null,
            "https://learn.microsoft.com/powershell/exchange/connect-to-exchange-online-powershell",
            "AllowBasicAuthPowershell", null),
        new Protocol(ClientApp.REPORTING_WEB_SERVICES, "a tool pulling Exchange reports",
            "Collect the reports through the Microsoft Graph reports API or the Exchange Online PowerShell module.",
            null, "https://learn.microsoft.com/graph/api/resources/report", "AllowBasicAuthReportingWebServices", null),
        new Protocol(ClientApp.UNIVERSAL_OUTLOOK, "the Mail and Calendar app of Windows",
            "Replace the Windows Mail and Calendar app with the new Outlook for Windows or Microsoft 365 Apps.",
            "Use the new Outlook for Windows instead of the Mail and Calendar app.", MODERN_OUTLOOK,
            "AllowBasicAuthOutlookService", null),
        new Protocol(ClientApp.OTHER_CLIENTS, "some other basic-authentication client: an older Office app, a "
            + "script or a third-party application",
            "Identify the client from its user agent, address and device, then replace it with one that signs in "
                + "with modern authentication (scripts: MSAL with OAuth, or Microsoft Graph).", null,
            "https://learn.microsoft.com/entra/identity/monitoring-health/workbook-legacy-authentication", null, null))
        .stream().collect(Collectors.toUnmodifiableMap(Protocol::app, Function.identity()));

    /** Graph's own spellings, so that the usual values need no parsing (parsing normalises every constant). */
    private static final Map<String, ClientApp> SPELLINGS = Arrays.stream(ClientApp.values())
            .filter(a -> a.graphValue() != null)
            .collect(Collectors.toUnmodifiableMap(ClientApp::graphValue, Function.identity()));

    private Protocols() {
    }

    /** The row of a legacy client app; {@code null} for modern or unknown ones. */
    static Protocol of(ClientApp app) {
        return ALL.get(app);
    }

    /** The row of a recorded {@code clientAppUsed} value; {@code null} for modern, unknown or absent ones. */
    static Protocol of(String clientAppUsed) {
        if (clientAppUsed == null) {
            return null;
        }
        ClientApp app = SPELLINGS.get(clientAppUsed);
        return ALL.get(app != null ? app : ClientApp.parse(clientAppUsed));
    }

    /** Every row, for tests. */
    static Map<ClientApp, Protocol> all() {
        return ALL;
    }
}
