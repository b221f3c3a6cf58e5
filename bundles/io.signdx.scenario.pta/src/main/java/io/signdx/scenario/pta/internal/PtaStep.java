package io.signdx.scenario.pta.internal;

import io.signdx.api.detector.Actor;
import io.signdx.api.detector.Recommendation;

/**
 * Every remediation step the pass-through authentication causes refer to, written once: {@link PtaCause}
 * lists which steps fit which code, in the order to take them.
 */
enum PtaStep {
    AGENT_STATUS(Actor.ADMIN, "In the Microsoft Entra admin center, open Entra ID > Entra Connect > Connect Sync > "
            + "Pass-through authentication and check that the feature is Enabled and that the Authentication Agents "
            + "show Active. Where no agent is active, start the Authentication Agent service on the agent servers, "
            + "or install and register a new agent.", Links.TROUBLESHOOT),
    AGENT_OUTBOUND(Actor.ADMIN, "Make sure every agent server can open outbound connections on port 443 (and port "
            + "80 for certificate revocation checks) to *.msappproxy.net and *.servicebus.windows.net through any "
            + "firewall or proxy. The agents only ever connect outwards, so blocking that traffic takes them "
            + "offline.", Links.PREREQUISITES),
    AGENT_AD_REACH(Actor.ADMIN, "Confirm that every agent server is joined to a domain of the same Active Directory "
            + "forest as the failing users and can find and reach a domain controller: DNS resolution of the "
            + "domain's DC records, and the Kerberos, LDAP and RPC ports from the agent server to the DCs.",
            Links.TROUBLESHOOT),
    AGENT_LOGS(Actor.ADMIN, "On the agent servers, read the event log Applications and Services Logs > Microsoft > "
            + "AzureAdConnect > AuthenticationAgent > Admin, and the trace files in %ProgramData%\\Microsoft\\Azure "
            + "AD Connect Authentication Agent\\Trace: they give a Windows error number for each failed request, "
            + "which 'net helpmsg <number>' translates.", Links.AGENT_LOGS),
    AD_HEALTH(Actor.ADMIN, "Check that the domain controllers the agents use are healthy and answer quickly: their "
            + "load, replication health, and the network latency between the agent servers and the DCs' site.",
            Links.TROUBLESHOOT),
    AD_CONFIG(Actor.ADMIN, "If several users get this error, review the Active Directory side the agents depend on: "
            + "the domain controllers they contact and any recent change to them. A single occurrence is usually "
            + "transient.", Links.TROUBLESHOOT),
    TRANSIENT(Actor.ADMIN, "Treat a single occurrence as transient and let the user retry. If it repeats, collect "
            + "the agent logs and open a Microsoft support request quoting the error code, the correlation ID and "
            + "the time of this sign-in.", Links.SUPPORT),
    REPLACE_AGENT(Actor.ADMIN, "If it keeps happening, install and register a new Authentication Agent on another "
            + "server, check that it shows Active, then uninstall the agent that fails.", Links.TROUBLESHOOT),
    TIME_SYNC(Actor.ADMIN, "Fix time synchronisation: the agent servers must take their time from the domain "
            + "hierarchy (check with 'w32tm /query /status', correct with 'w32tm /resync'), and the PDC emulator of "
            + "the forest root domain should follow a reliable NTP source.", Links.WINDOWS_TIME),
    HIGH_AVAILABILITY(Actor.ADMIN, "Run at least three Authentication Agents on separate servers, ideally in "
            + "different failure domains, so that one agent or server going down no longer stops password "
            + "sign-ins.", Links.HIGH_AVAILABILITY),
    PHS_BACKUP(Actor.ADMIN, "Prepare a fallback: turn on password hash synchronization in Entra Connect next to "
            + "pass-through authentication, so that during a long agent outage you can switch the sign-in method to "
            + "cloud password checks. Do not disable pass-through authentication or uninstall agents while "
            + "troubleshooting unless you have a cloud-only Hybrid Identity Administrator account to sign in with.",
            Links.PASSWORD_HASH_SYNC),
    USER_NAME(Actor.USER, "Sign in with your full work account name (for example name@yourcompany.com) exactly as "
            + "your IT department gave it to you, not an old address or a DOMAIN\\name logon name.", null),
    UPN_MATCH(Actor.ADMIN, "Check that the user's on-premises userPrincipalName matches the cloud one and uses a "
            + "routable, verified domain suffix (or that alternate login ID is set up). On an agent server, "
            + "Invoke-PassthroughAuthOnPremLogonTroubleshooter from the PassthroughAuthPSModule tests a user name "
            + "and password against Active Directory the way the agent does.", Links.UPN_MISMATCH),
    LOGON_HOURS_ADMIN(Actor.ADMIN, "Check the logon hours of the user's account in Active Directory (Active "
            + "Directory Users and Computers > user > Account > Logon Hours) and widen them if the user should work "
            + "at this time. If accounts are limited to some computers with 'Log On To', that list must include the "
            + "Authentication Agent servers, because the agents check passwords by logging the user on there.",
            Links.TROUBLESHOOT),
    LOGON_HOURS_USER(Actor.USER, "Sign in during the hours your account allows, or ask your IT help desk to change "
            + "your logon hours if they are wrong.", null),
    CHANGE_PASSWORD(Actor.USER, "Change your password: on a company computer connected to the company network, press "
            + "Ctrl+Alt+Del and choose 'Change a password', or use self-service password reset "
            + "(https://aka.ms/sspr) if your organisation offers it.", null),
    RESET_PASSWORD(Actor.ADMIN, "If the user cannot change it, reset the password in on-premises Active Directory. "
            + "Enable self-service password reset with password writeback so that users can renew their "
            + "on-premises password from the cloud without calling the help desk.", Links.SSPR_WRITEBACK);

    private final Recommendation recommendation;

    PtaStep(Actor actor, String action, String link) {
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
        static final String TROUBLESHOOT = CONNECT + "tshoot-connect-pass-through-authentication";
        static final String AGENT_LOGS = TROUBLESHOOT + "#collecting-pass-through-authentication-agent-logs";
        static final String UPN_MISMATCH = TROUBLESHOOT + "#users-get-invalid-usernamepassword-error";
        static final String PREREQUISITES = CONNECT + "how-to-connect-pta-quick-start#step-1-check-the-prerequisites";
        static final String HIGH_AVAILABILITY = CONNECT + "how-to-connect-pta-quick-start#step-4-ensure-high-availability";
        static final String PASSWORD_HASH_SYNC = CONNECT + "how-to-connect-password-hash-synchronization";
        static final String SSPR_WRITEBACK = "https://learn.microsoft.com/entra/identity/authentication/concept-sspr-writeback";
        static final String SUPPORT = "https://learn.microsoft.com/entra/fundamentals/how-to-get-support";
        static final String WINDOWS_TIME =
                "https://learn.microsoft.com/windows-server/networking/windows-time-service/windows-time-service-top";

        private Links() {
        }
    }
}
