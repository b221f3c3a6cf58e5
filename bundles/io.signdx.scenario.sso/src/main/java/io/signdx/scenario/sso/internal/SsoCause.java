package io.signdx.scenario.sso.internal;

import static io.signdx.scenario.sso.internal.SsoStep.CLOCK;
import static io.signdx.scenario.sso.internal.SsoStep.COMPUTER_ACCOUNT;
import static io.signdx.scenario.sso.internal.SsoStep.CORP_NETWORK;
import static io.signdx.scenario.sso.internal.SsoStep.DC_EVENTS;
import static io.signdx.scenario.sso.internal.SsoStep.FEATURE_ENABLED;
import static io.signdx.scenario.sso.internal.SsoStep.FRESH_TICKET;
import static io.signdx.scenario.sso.internal.SsoStep.HEADER_INTACT;
import static io.signdx.scenario.sso.internal.SsoStep.INTRANET_ZONE;
import static io.signdx.scenario.sso.internal.SsoStep.KEY_ROLLOVER;
import static io.signdx.scenario.sso.internal.SsoStep.OWN_DEVICE;
import static io.signdx.scenario.sso.internal.SsoStep.PRT_SSO;
import static io.signdx.scenario.sso.internal.SsoStep.REDUCE_GROUPS;
import static io.signdx.scenario.sso.internal.SsoStep.SYNC_USER;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.signdx.api.detector.Confidence;

/**
 * The table: each error code seamless single sign-on reports, what it means, its classification, how
 * sure the code alone makes the cause, and the steps that fix it.
 */
enum SsoCause {
    TICKET_TOO_LARGE(81001, null, "ticket-too-large", Confidence.HIGH,
            "Kerberos ticket too large",
            "The user's Kerberos ticket was too large for seamless single sign-on, usually because the user "
                    + "belongs to many Active Directory groups.",
            REDUCE_GROUPS, PRT_SSO),
    NOT_VALIDATED_81002(81002, null, "ticket-invalid", Confidence.MEDIUM,
            Text.NOT_VALIDATED,
            "Entra ID could not validate the Kerberos ticket the browser presented." + Text.SEVERAL_CAUSES,
            COMPUTER_ACCOUNT, KEY_ROLLOVER, CLOCK, FRESH_TICKET, DC_EVENTS),
    NOT_VALIDATED_81003(81003, null, "ticket-invalid", Confidence.MEDIUM,
            Text.NOT_VALIDATED,
            "Entra ID could not validate the user's Kerberos ticket." + Text.SEVERAL_CAUSES,
            COMPUTER_ACCOUNT, KEY_ROLLOVER, CLOCK, FRESH_TICKET, DC_EVENTS),
    KERBEROS_FAILED(81004, "DesktopSsoIdentityInTicketIsNotAuthenticated", "kerberos-failed", Confidence.HIGH,
            "Kerberos authentication failed",
            "The Kerberos authentication attempt failed: the identity in the ticket could not be authenticated.",
            CORP_NETWORK, FRESH_TICKET, COMPUTER_ACCOUNT, KEY_ROLLOVER, CLOCK, DC_EVENTS),
    NO_KERBEROS_TICKET(81005, "DesktopSsoAuthenticationPackageNotSupported", "no-kerberos-ticket", Confidence.HIGH,
            "Browser offered no Kerberos ticket",
            "The browser offered an authentication package that seamless single sign-on does not accept (usually "
                    + "NTLM instead of Kerberos), which happens when the computer could not get a Kerberos ticket "
                    + "for Entra ID from a domain controller.",
            CORP_NETWORK, COMPUTER_ACCOUNT, DC_EVENTS),
    BROWSER_NOT_CONFIGURED(81006, "DesktopSsoNoAuthorizationHeader", "browser-not-configured", Confidence.HIGH,
            "Browser sent no ticket",
            "The browser sent no Authorization header, so no Kerberos ticket reached Entra ID: the browser did not "
                    + "try integrated Windows authentication with the seamless single sign-on address.",
            INTRANET_ZONE, CORP_NETWORK),
    TENANT_NOT_ENABLED(81007, "DesktopSsoTenantIsNotOptIn", "tenant-not-enabled", Confidence.HIGH,
            "Seamless SSO not enabled for the tenant",
            "The browser presented a Kerberos ticket, but seamless single sign-on is not enabled for the tenant, so "
                    + "Entra ID ignored the ticket.",
            FEATURE_ENABLED, PRT_SSO),
    NOT_VALIDATED_81008(81008, null, "ticket-invalid", Confidence.MEDIUM,
            Text.NOT_VALIDATED,
            "Entra ID could not validate the Kerberos ticket from the user's computer." + Text.SEVERAL_CAUSES,
            COMPUTER_ACCOUNT, KEY_ROLLOVER, CLOCK, FRESH_TICKET, DC_EVENTS),
    MALFORMED_HEADER(81009, "DesktopSsoAuthorizationHeaderValueWithBadFormat", "ticket-invalid", Confidence.MEDIUM,
            "Malformed Kerberos header",
            "The Authorization header that carries the Kerberos ticket was malformed, so the ticket could not be "
                    + "validated.",
            HEADER_INTACT, COMPUTER_ACCOUNT, KEY_ROLLOVER, CLOCK),
    TICKET_EXPIRED(81010, "DesktopSsoAuthTokenInvalid", "ticket-expired", Confidence.HIGH,
            "Kerberos ticket expired or invalid",
            "The user's Kerberos ticket had expired or was not valid.",
            FRESH_TICKET, CORP_NETWORK, CLOCK, KEY_ROLLOVER),
    USER_NOT_FOUND_BY_SID(81011, "DesktopSsoLookupUserBySidFailed", "user-not-found", Confidence.HIGH,
            Text.NO_USER,
            "No Entra ID user matched the on-premises security identifier (SID) in the Kerberos ticket.",
            SYNC_USER),
    USER_MISMATCH(81012, "DesktopSsoMismatchBetweenTokenUpnAndChosenUpn", "user-mismatch", Confidence.HIGH,
            "Different user than the one logged on to Windows",
            "The account signing in to Entra ID is not the one logged on to the Windows computer, so seamless "
                    + "single sign-on could not be used. That is expected on shared or borrowed computers and is "
                    + "not a fault.",
            OWN_DEVICE),
    USER_NOT_FOUND(81013, null, "user-not-found", Confidence.HIGH,
            Text.NO_USER,
            "Entra ID could not find the user object from the information in the Kerberos ticket.",
            SYNC_USER),
    WIA_REQUIRED(50180, "WindowsIntegratedAuthMissing", "wia-required", Confidence.HIGH,
            "Integrated Windows authentication needed",
            "The sign-in needed integrated Windows authentication (a Kerberos ticket) and none was available: "
                    + "seamless single sign-on is not enabled for the tenant, or the computer presented no ticket.",
            FEATURE_ENABLED, INTRANET_ZONE, CORP_NETWORK);

    /** Texts several rows share. */
    private static final class Text {
        static final String NOT_VALIDATED = "Kerberos ticket could not be validated";
        static final String NO_USER = "No Entra ID user for the ticket";
        static final String SEVERAL_CAUSES = " The code stands for several causes (the AZUREADSSOACC account or "
                + "its key, clocks, stale cached tickets) and the record does not say which one.";

        private Text() {
        }
    }

    private static final Map<Integer, SsoCause> BY_CODE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(SsoCause::code, Function.identity()));

    private final int code;
    private final String microsoftName;
    private final String classification;
    private final Confidence confidence;
    private final String title;
    private final String meaning;
    private final List<SsoStep> steps;

    SsoCause(int code, String microsoftName, String classification, Confidence confidence, String title,
            String meaning, SsoStep... steps) {
        this.code = code;
        this.microsoftName = microsoftName;
        this.classification = classification;
        this.confidence = confidence;
        this.title = title;
        this.meaning = meaning;
        this.steps = List.of(steps);
    }

    /** The cause of an error code, or {@code null} when the code is not a seamless single sign-on one. */
    static SsoCause of(int code) {
        return BY_CODE.get(code);
    }

    int code() {
        return code;
    }

    /** Microsoft's error name, or {@code null} where the public reference gives none. */
    String microsoftName() {
        return microsoftName;
    }

    String classification() {
        return classification;
    }

    /** HIGH when the code names one cause; MEDIUM when it stands for several the record cannot tell apart. */
    Confidence confidence() {
        return confidence;
    }

    String title() {
        return title;
    }

    String meaning() {
        return meaning;
    }

    List<SsoStep> steps() {
        return steps;
    }

    /** "AADSTS81010 (DesktopSsoAuthTokenInvalid)", or just "AADSTS81001" when there is no public name. */
    String label() {
        return microsoftName == null ? "AADSTS" + code : "AADSTS" + code + " (" + microsoftName + ")";
    }
}
