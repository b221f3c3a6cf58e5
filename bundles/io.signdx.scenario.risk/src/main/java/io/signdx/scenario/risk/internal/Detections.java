package io.signdx.scenario.risk.internal;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Identity Protection's risk detection types ({@code riskEventTypes_v2}) in a few plain words each, and
 * which of them raise the user's risk rather than the sign-in's (Microsoft's "risk detections mapped to
 * riskEventType" reference).
 */
final class Detections {
    private static final Map<String, String> MEANING = Map.ofEntries(
            Map.entry("anonymizedipaddress", "the sign-in came through an anonymising service such as Tor or an "
                    + "anonymous VPN, which hides where it really came from"),
            Map.entry("riskyipaddress", "activity from an IP address that Defender for Cloud Apps knows as an "
                    + "anonymous proxy"),
            Map.entry("unfamiliarfeatures", "the sign-in's properties (address, network, location, device, browser) "
                    + "match nothing this user has used before"),
            Map.entry("unlikelytravel", "two sign-ins from places too far apart to travel between in the time that "
                    + "separated them (atypical travel)"),
            Map.entry("atypicaltravel", "two sign-ins from places too far apart to travel between in the time that "
                    + "separated them"),
            Map.entry("impossibletravel", "activity from distant places in less time than the journey would take"),
            Map.entry("mcasimpossibletravel", "activity from distant places in less time than the journey would take "
                    + "(reported by Defender for Cloud Apps)"),
            Map.entry("maliciousipaddress", "the IP address has a bad reputation, for example many failed sign-ins "
                    + "from it or threat-intelligence reports"),
            Map.entry("maliciousipaddressvalidcredentialsblockedip", "the right password came from an IP address with "
                    + "a bad reputation, and the address was blocked"),
            Map.entry("leakedcredentials", "the user's name and password turned up in a leak, so someone else may "
                    + "know the password"),
            Map.entry("passwordspray", "the user's password was guessed in a password-spray attack (a few common "
                    + "passwords tried against many accounts)"),
            Map.entry("investigationsthreatintelligence", "Microsoft's threat intelligence matched the activity to "
                    + "known attack patterns"),
            Map.entry("investigationsthreatintelligencesigninlinked", "Microsoft's threat intelligence matched the "
                    + "sign-in to known attack patterns"),
            Map.entry("mcassuspiciousinboxmanipulationrules", "inbox rules that delete or move messages were set up "
                    + "in a suspicious way, a common step after a mailbox takeover"),
            Map.entry("suspiciousinboxforwarding", "an inbox rule forwards mail to an outside address, a common step "
                    + "after a mailbox takeover"),
            Map.entry("newcountry", "activity from a country not seen recently for this user or organisation"),
            Map.entry("anomaloustoken", "a token with unusual properties (lifetime, or replayed from an unfamiliar "
                    + "place), a sign of possible token theft"),
            Map.entry("tokenissueranomaly", "the SAML token's issuer (a federation server) may be compromised: its "
                    + "claims are unusual or match attacker patterns"),
            Map.entry("suspiciousbrowser", "the same browser signed in to several tenants from different countries"),
            Map.entry("nationstateip", "the IP address belongs to a verified threat actor"),
            Map.entry("mcasfinsuspiciousfileaccess", "unusually many sensitive files in SharePoint or OneDrive were "
                    + "opened"),
            Map.entry("adminconfirmedusercompromised", "an administrator marked the user as compromised"),
            Map.entry("anomaloususeractivity", "the user made unusual directory changes (roles, permissions) compared "
                    + "with their usual behaviour"),
            Map.entry("attackerinthemiddle", "an attacker-in-the-middle phishing proxy captured the user's session"),
            Map.entry("attemptedprtaccess", "something on the user's device tried to read its Primary Refresh Token"),
            Map.entry("suspiciousapitraffic", "an unusual volume of Graph or directory calls from the user, as in "
                    + "reconnaissance"),
            Map.entry("suspicioussendingpatterns", "unusual mail sending, as from a taken-over mailbox sending spam or "
                    + "phishing"),
            Map.entry("userreportedsuspiciousactivity", "the user reported an MFA prompt they had not started"),
            Map.entry("generic", "additional risk was detected; the details need a Microsoft Entra ID P2 licence"),
            Map.entry("malwareinfectedipaddress", "the IP address was known for malware-infected devices (a retired "
                    + "detection)"),
            Map.entry("suspiciousipaddress", "the IP address showed suspicious activity (a retired detection)"));

    /** Detections that raise the user's risk (offline findings about the account, not about this sign-in). */
    private static final Set<String> USER_LEVEL = Set.of("leakedcredentials", "adminconfirmedusercompromised",
            "anomaloususeractivity", "attackerinthemiddle", "attemptedprtaccess", "suspiciousapitraffic",
            "suspicioussendingpatterns", "userreportedsuspiciousactivity");

    private Detections() {
    }

    /** What the detection means, or {@code null} when SignDx does not know it. */
    static String meaning(String type) {
        return type == null ? null : MEANING.get(key(type));
    }

    /** True for detections that belong to the user's risk. */
    static boolean userLevel(String type) {
        return type != null && USER_LEVEL.contains(key(type));
    }

    /** True for "maliciousIPAddress" and its variants. */
    static boolean maliciousIp(String type) {
        return type != null && key(type).startsWith("maliciousipaddress");
    }

    private static String key(String type) {
        return type.strip().toLowerCase(Locale.ROOT);
    }
}
