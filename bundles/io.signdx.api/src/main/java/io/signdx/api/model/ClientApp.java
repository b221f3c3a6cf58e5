package io.signdx.api.model;

/**
 * The client application kind of a sign-in ({@code clientAppUsed}), with the legacy-authentication
 * protocols named individually because Conditional Access and the legacy-auth scenario treat them so.
 */
public enum ClientApp implements GraphEnum {
    BROWSER("Browser", false),
    MOBILE_AND_DESKTOP("Mobile Apps and Desktop clients", false),
    EXCHANGE_ACTIVESYNC("Exchange ActiveSync", true),
    IMAP4("IMAP4", true),
    POP3("POP3", true),
    AUTHENTICATED_SMTP("Authenticated SMTP", true),
    MAPI_OVER_HTTP("MAPI Over HTTP", true),
    AUTODISCOVER("AutoDiscover", true),
    EXCHANGE_WEB_SERVICES("Exchange Web Services", true),
    OFFLINE_ADDRESS_BOOK("Offline Address Book", true),
    OUTLOOK_ANYWHERE("Outlook Anywhere (RPC over HTTP)", true),
    EXCHANGE_ONLINE_POWERSHELL("Exchange Online PowerShell", true),
    REPORTING_WEB_SERVICES("Reporting Web Services", true),
    UNIVERSAL_OUTLOOK("Universal Outlook", true),
    OTHER_CLIENTS("Other clients", true),
    /** A value this version does not know (kept as text on the sign-in). */
    UNKNOWN(null, false);

    private final String graphValue;
    private final boolean legacy;

    ClientApp(String graphValue, boolean legacy) {
        this.graphValue = graphValue;
        this.legacy = legacy;
    }

    @Override
    public String graphValue() {
        return graphValue;
    }

    /** True for protocols that cannot do modern authentication (and so cannot do MFA). */
    public boolean isLegacy() {
        return legacy;
    }

    /** Parses a {@code clientAppUsed} value; unknown or absent values give {@link #UNKNOWN}. */
    public static ClientApp parse(String value) {
        if (value != null && value.toLowerCase(java.util.Locale.ROOT).startsWith("outlook anywhere")) {
            return OUTLOOK_ANYWHERE;
        }
        return GraphEnum.parse(ClientApp.class, value, UNKNOWN);
    }
}
