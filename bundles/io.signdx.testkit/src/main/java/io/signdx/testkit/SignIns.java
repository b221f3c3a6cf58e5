package io.signdx.testkit;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import io.signdx.api.model.SignIn;
import io.signdx.api.model.Status;

/**
 * Makes sign-in fixtures with plausible defaults, so a test states only what matters to it. Each
 * instance numbers its sign-ins (request ids {@code req-0001}, …) and spaces them a minute apart from
 * {@link #START}, so fixtures are reproducible; override any field on the returned builder.
 *
 * <pre>
 * SignIns fx = new SignIns();
 * SignIn typo = fx.failure("ann@contoso.example", 50126).ipAddress("198.51.100.7").build();
 * SignIn ok = fx.success("ann@contoso.example").build();
 * </pre>
 */
public final class SignIns {
    /** When the first fixture of an instance happens: Monday 16 November 2026, 09:00 UTC. */
    public static final Instant START = Instant.parse("2026-11-16T09:00:00Z");
    /** Default application: Office 365 Exchange Online. */
    public static final String EXCHANGE_APP_ID = "00000002-0000-0ff1-ce00-000000000000";

    private int sequence;
    private Instant next = START;
    private Duration step = Duration.ofMinutes(1);

    /** Spaces the following fixtures by {@code value} instead of a minute. */
    public SignIns every(Duration value) {
        this.step = value;
        return this;
    }

    /** The following fixtures start at {@code value}. */
    public SignIns startingAt(Instant value) {
        this.next = value;
        return this;
    }

    /** A successful single-factor interactive browser sign-in of {@code upn} to Exchange Online. */
    public SignIn.Builder success(String upn) {
        return base(upn).status(Status.SUCCESS);
    }

    /** A failed sign-in of {@code upn} with {@code errorCode}. */
    public SignIn.Builder failure(String upn, int errorCode) {
        return base(upn).status(new Status(errorCode, "failure " + errorCode, null));
    }

    private SignIn.Builder base(String upn) {
        sequence++;
        Instant when = next;
        next = next.plus(step);
        String user = upn.toLowerCase(Locale.ROOT);
        return SignIn.builder().id(String.format("req-%04d", sequence)).correlationId(String.format("corr-%04d", sequence))
                .createdDateTime(when).userId("id-" + user).userPrincipalName(upn).userDisplayName(displayName(user))
                .userTypeValue("member").appId(EXCHANGE_APP_ID).appDisplayName("Office 365 Exchange Online")
                .resourceId(EXCHANGE_APP_ID).resourceDisplayName("Office 365 Exchange Online")
                .ipAddress("203.0.113.10").clientAppUsed("Browser").isInteractive(true)
                .conditionalAccessStatusValue("notApplied").authenticationRequirementValue("singleFactorAuthentication");
    }

    private static String displayName(String upn) {
        int at = upn.indexOf('@');
        String local = at < 0 ? upn : upn.substring(0, at);
        return local.isEmpty() ? upn : Character.toUpperCase(local.charAt(0)) + local.substring(1);
    }
}
