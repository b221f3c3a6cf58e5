package io.signdx.scenario.sso.internal;

import io.signdx.api.detector.Actor;
import io.signdx.api.detector.Recommendation;

/**
 * Every remediation step the seamless single sign-on causes refer to, written once: {@link SsoCause}
 * lists which steps fit which code, in the order to take them.
 */
enum SsoStep {
    FEATURE_ENABLED(Actor.ADMIN, "In the Microsoft Entra admin center, open Entra ID > Entra Connect > Connect Sync "
            + "and check that Seamless single sign-on is Enabled and lists the user's Active Directory forest. If it "
            + "is not, run the Entra Connect wizard on the sync server, choose 'Change user sign-in' and select "
            + "'Enable single sign-on' (it asks for a domain administrator of each forest).", Links.TROUBLESHOOT),
    INTRANET_ZONE(Actor.ADMIN, "Roll out https://autologon.microsoftazuread-sso.com to the users' Local intranet "
            + "zone by Group Policy (Site to Zone Assignment List, value 1); never to Trusted sites, which stops "
            + "the sign-in. Where the AuthServerAllowlist or AuthNegotiateDelegateAllowlist policies of Edge or "
            + "Chrome, or Firefox's SPNEGO authentication policy, are set, add the same address there.",
            Links.ROLL_OUT),
    CORP_NETWORK(Actor.USER, "Sign in on your company computer (joined to the company's domain) with your own "
            + "domain account, while connected to the company network or VPN, so that the computer can get a "
            + "Kerberos ticket from a domain controller.", null),
    FRESH_TICKET(Actor.USER, "Clear your cached Kerberos tickets: run 'klist purge' in a Command Prompt, or sign out "
            + "of Windows and back in, then open the application again.", null),
    CLOCK(Actor.ADMIN, "Check that the clocks of the user's computer and of the domain controllers are within five "
            + "minutes of each other ('w32tm /query /status' on both).", Links.CHECKLIST),
    COMPUTER_ACCOUNT(Actor.ADMIN, "Check that the AZUREADSSOACC computer account exists and is enabled in the "
            + "user's forest: browsers ask domain controllers for a ticket to it. If it was deleted or disabled, "
            + "re-create it with Enable-AzureADSSOForest (AzureADSSO PowerShell module on the Entra Connect "
            + "server), and keep it out of clean-up jobs for stale computer accounts.", Links.MANUAL_RESET),
    KEY_ROLLOVER(Actor.ADMIN, "Roll over the Kerberos decryption key of AZUREADSSOACC with Update-AzureADSSOForest, "
            + "once per forest (running it twice in a row breaks the feature until users' tickets are renewed), "
            + "and schedule it at least every 30 days. Just after a rollover, or after the feature was turned off "
            + "and on, tickets cached earlier (valid about 10 hours) fail until they expire or are purged.",
            Links.FAQ),
    DC_EVENTS(Actor.ADMIN, "With success auditing on the domain controllers, look for event 4769 for the service "
            + "AZUREADSSOACC$ at the time of the failure: no event suggests the computer never asked for a ticket "
            + "(zone or network problem); an event means a ticket was issued and the problem lies in validating "
            + "it (key or clock).", Links.DC_LOGS),
    REDUCE_GROUPS(Actor.ADMIN, "Reduce the user's Active Directory group memberships (stale and nested groups and "
            + "SID history all add to the ticket) so that the Kerberos ticket stays well below Entra ID's limit of "
            + "about 50 KB for request headers. Raising MaxTokenSize on the computer does not help, because the "
            + "limit is on the Entra ID side.", Links.TROUBLESHOOT),
    HEADER_INTACT(Actor.ADMIN, "Check that no proxy, TLS-inspection device or browser extension rewrites or cuts the "
            + "Authorization header of requests to https://autologon.microsoftazuread-sso.com, and exempt that "
            + "address from inspection.", Links.TROUBLESHOOT),
    SYNC_USER(Actor.ADMIN, "Check that Entra Connect synchronises this user: the user's organisational unit and "
            + "attributes are in sync scope, the user has no synchronisation errors (Entra Connect Health or the "
            + "Synchronization Service Manager), and the cloud user carries the on-premises security identifier "
            + "(onPremisesSecurityIdentifier).", Links.SYNC_ERRORS),
    OWN_DEVICE(Actor.USER, "Nothing is broken: seamless single sign-on only signs in the person logged on to Windows. "
            + "Use your own computer to be signed in silently; on someone else's or a shared computer, entering "
            + "your password is expected.", null),
    PRT_SSO(Actor.ADMIN, "For Windows 10 and later, consider Microsoft Entra hybrid join (or Entra join): single "
            + "sign-on then uses the Primary Refresh Token instead of Kerberos tickets, and takes precedence over "
            + "seamless single sign-on.", Links.HYBRID_JOIN);

    private final Recommendation recommendation;

    SsoStep(Actor actor, String action, String link) {
        this.recommendation = new Recommendation(actor, action, link);
    }

    Recommendation recommendation() {
        return recommendation;
    }

    String action() {
        return recommendation.action();
    }

    /** Microsoft Learn pages the steps point to. */
    private static final class Links {
        static final String CONNECT = "https://learn.microsoft.com/entra/identity/hybrid/connect/";
        static final String TROUBLESHOOT = CONNECT + "tshoot-connect-sso";
        static final String CHECKLIST = TROUBLESHOOT + "#troubleshooting-checklist";
        static final String MANUAL_RESET = TROUBLESHOOT + "#manual-reset-of-the-feature";
        static final String DC_LOGS = TROUBLESHOOT + "#domain-controller-logs";
        static final String ROLL_OUT = CONNECT + "how-to-connect-sso-quick-start#roll-out-the-feature";
        static final String FAQ = CONNECT + "how-to-connect-sso-faq";
        static final String SYNC_ERRORS = CONNECT + "tshoot-connect-sync-errors";
        static final String HYBRID_JOIN = "https://learn.microsoft.com/entra/identity/devices/concept-hybrid-join";

        private Links() {
        }
    }
}
