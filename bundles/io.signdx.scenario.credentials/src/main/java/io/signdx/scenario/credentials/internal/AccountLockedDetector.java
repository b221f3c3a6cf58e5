package io.signdx.scenario.credentials.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.signdx.api.detector.Actor;
import io.signdx.api.detector.Confidence;
import io.signdx.api.detector.DetectionContext;
import io.signdx.api.detector.Detector;
import io.signdx.api.detector.EvidenceTable;
import io.signdx.api.detector.Finding;
import io.signdx.api.detector.ScenarioDetector;
import io.signdx.api.model.SignIn;
import io.signdx.api.source.SignInQuery;

import org.osgi.service.component.annotations.Component;

/**
 * "Account locked" (AADSTS50053), which Microsoft uses for two different things: smart lockout after too
 * many wrong passwords, and a sign-in refused because its IP address is known for malicious activity.
 * The failure reason says which ({@code malicious} versus {@code locked} / {@code too many}); when a
 * record has no reason, the related sign-ins decide: wrong-password attempts of the account in the hour
 * before mean {@code smart-lockout}, other accounts refused with 50053 from the same address mean
 * {@code malicious-ip}, and neither leaves it {@code unknown}.
 *
 * <p>Evidence: the account's attempts within ±24 hours by IP address, application and client, and in
 * time order; for a malicious address, the accounts seen from it within ±24 hours. Two related queries
 * at most, each capped at {@value #PAGE} sign-ins.
 */
@Component
@Detector(scenario = AccountLockedDetector.SCENARIO, family = "credentials", title = "Account locked",
        errorCodes = {50053}, specificity = 50)
public final class AccountLockedDetector implements ScenarioDetector {
    static final String SCENARIO = "credentials.account-locked";
    static final String SMART_LOCKOUT = "smart-lockout";
    static final String MALICIOUS_IP = "malicious-ip";
    static final String UNKNOWN = "unknown";
    static final Duration WINDOW = Duration.ofHours(24);
    static final int PAGE = 500;
    static final int TABLE_ROWS = 50;

    @Override
    public List<Finding> detect(SignIn signIn, DetectionContext context) {
        if (signIn.errorCode() != SignInFacts.LOCKED) {
            return List.of();
        }
        Instant at = signIn.createdDateTime();
        String user = SignInFacts.userKey(signIn);
        String stated = statedKind(signIn);
        List<SignIn> userView = at == null || user == null ? List.of()
                : orEmpty(context.related(SignInQuery.all().withUser(user).around(at, WINDOW).withPage(0, PAGE)));
        List<SignIn> ipView = at == null || SignInFacts.blank(signIn.ipAddress()) || SMART_LOCKOUT.equals(stated)
                ? List.of()
                : orEmpty(context.related(SignInQuery.all().withIpAddress(signIn.ipAddress()).around(at, WINDOW)
                        .withPage(0, PAGE)));
        List<SignIn> attempts = attempts(signIn, userView);
        String kind = stated != null ? stated : inferred(signIn, attempts, ipView);
        String title = MALICIOUS_IP.equals(kind) ? "Blocked: IP address with malicious activity"
                : SMART_LOCKOUT.equals(kind) ? "Account locked by smart lockout" : "Account locked";
        Finding.Builder f = Finding.builder(SCENARIO).classification(kind).title(title)
                .confidence(stated != null ? Confidence.HIGH : UNKNOWN.equals(kind) ? Confidence.LOW : Confidence.MEDIUM);
        if (!context.detailed()) {
            return List.of(f.assessment(title).build());
        }
        Burst burst = Burst.analyze(signIn, userView, List.of());
        if (MALICIOUS_IP.equals(kind)) {
            f.assessment(maliciousIp(signIn, ipView) + " " + summary(signIn, attempts));
            recommendMaliciousIp(f, signIn);
        } else if (SMART_LOCKOUT.equals(kind)) {
            f.assessment(smartLockout(signIn, attempts, burst));
            recommendSmartLockout(f, burst);
        } else {
            f.assessment(undecided(signIn) + " " + summary(signIn, attempts));
            recommendUndecided(f);
        }
        evidence(f, signIn, attempts, ipView, kind);
        missing(f, signIn, user, userView, ipView, stated);
        return List.of(f.build());
    }

    private static List<SignIn> orEmpty(List<SignIn> list) {
        return list == null ? List.of() : list;
    }

    /** What the record's own texts say, or {@code null} when they say neither. */
    static String statedKind(SignIn s) {
        String reason = s.status().failureReason();
        String details = s.status().additionalDetails();
        if (SignInFacts.mentions(reason, "malicious") || SignInFacts.mentions(details, "malicious")) {
            return MALICIOUS_IP;
        }
        if (SignInFacts.mentions(reason, "locked") || SignInFacts.mentions(reason, "too many")
                || SignInFacts.mentions(details, "locked") || SignInFacts.mentions(details, "too many")) {
            return SMART_LOCKOUT;
        }
        return null;
    }

    private static String inferred(SignIn s, List<SignIn> attempts, List<SignIn> ipView) {
        if (s.createdDateTime() == null) {
            return UNKNOWN;
        }
        // records can carry any time, even the first instant there is: never step off the time line
        Instant hourBefore = s.createdDateTime().isBefore(Instant.MIN.plus(Duration.ofHours(1))) ? Instant.MIN
                : s.createdDateTime().minus(Duration.ofHours(1));
        for (SignIn a : attempts) {
            if (a.errorCode() != 0 && a.errorCode() != SignInFacts.LOCKED && !a.createdDateTime().isBefore(hourBefore)
                    && !a.createdDateTime().isAfter(s.createdDateTime())) {
                return SMART_LOCKOUT;
            }
        }
        String self = SignInFacts.accountKey(s);
        for (SignIn o : ipView) {
            if (o != null && o.errorCode() == SignInFacts.LOCKED && !self.equals(SignInFacts.accountKey(o))) {
                return MALICIOUS_IP;
            }
        }
        return UNKNOWN;
    }

    /** The account's password attempts and successes around the lockout, with it, oldest first. */
    private static List<SignIn> attempts(SignIn target, List<SignIn> userView) {
        List<SignIn> out = new ArrayList<>();
        for (SignIn s : SignInFacts.timedWith(userView, target)) {
            if (s == target || s.errorCode() == 0 || SignInFacts.isAttempt(s.errorCode())) {
                out.add(s);
            }
        }
        if (target.createdDateTime() == null) {
            out.add(target);
        }
        return out;
    }

    // ---- assessment --------------------------------------------------------------------------------

    private static String smartLockout(SignIn s, List<SignIn> attempts, Burst burst) {
        StringBuilder t = new StringBuilder("Smart lockout refused the sign-in of ")
                .append(SignInFacts.quote(s.userLabel())).append(" to ").append(SignInFacts.quote(s.appLabel()))
                .append(" at ").append(SignInFacts.time(s.createdDateTime())).append(" from ")
                .append(SignInFacts.ipLabel(s)).append(": the account had had too many sign-ins with a wrong "
                        + "password (AADSTS50053). Smart lockout locks an account for a minute at first (after 10 "
                        + "failures by default) and for longer each time it locks again. ");
        t.append(summary(s, attempts));
        if (burst.user.isBruteForce()) {
            t.append(" The attempts came from ").append(burst.user.distinctIps).append(" IP addresses, up to ")
                    .append(burst.user.maxPerHour).append(" within one hour: someone other than the user is most "
                            + "likely guessing the password, and smart lockout is holding them off. The user can "
                            + "usually still sign in from a familiar place, because smart lockout counts familiar "
                            + "and unfamiliar locations separately.");
        } else if (burst.client.attempts.size() >= Burst.STALE_MIN_ATTEMPTS && burst.client.isRegular()) {
            t.append(" Most attempts come from one client retrying at a regular interval (")
                    .append(SignInFacts.clientLabel(s)).append(", about every ")
                    .append(SignInFacts.duration(burst.client.medianGapSeconds))
                    .append("): a device or app with an old password keeps locking the account.");
        } else {
            t.append(" Compare the sources below with the user's usual devices and places: if they are the user's "
                    + "own, the password was forgotten or mistyped; if not, someone else is trying it.");
        }
        return t.toString();
    }

    private static String maliciousIp(SignIn s, List<SignIn> ipView) {
        StringBuilder t = new StringBuilder("The sign-in of ").append(SignInFacts.quote(s.userLabel())).append(" to ")
                .append(SignInFacts.quote(s.appLabel())).append(" at ").append(SignInFacts.time(s.createdDateTime()))
                .append(" was refused because it came from ").append(SignInFacts.ipLabel(s))
                .append(", an address Microsoft has seen carrying malicious activity (AADSTS50053). This is not a "
                        + "lockout caused by wrong passwords: the block is on the address, not on the account, and "
                        + "it applies whatever password was given.");
        if (!ipView.isEmpty()) {
            Tally accounts = new Tally(SignInFacts::accountKey, null).addAll(ipView);
            Set<String> blocked = new HashSet<>();
            Set<String> succeeded = new HashSet<>();
            for (SignIn o : ipView) {
                if (o != null && o.errorCode() == SignInFacts.LOCKED) {
                    blocked.add(SignInFacts.accountKey(o));
                } else if (o != null && o.errorCode() == 0) {
                    succeeded.add(SignInFacts.accountKey(o));
                }
            }
            t.append(" Within 24 hours, ").append(SignInFacts.plural(accounts.size(), "account", "accounts"))
                    .append(" used that address: ").append(blocked.size()).append(" were refused the same way and ")
                    .append(succeeded.size()).append(" signed in successfully.");
            if (!succeeded.isEmpty()) {
                t.append(" Successful sign-ins from an address flagged as malicious need a closer look.");
            }
        }
        return t.toString();
    }

    private static String undecided(SignIn s) {
        return "The sign-in of " + SignInFacts.quote(s.userLabel()) + " to " + SignInFacts.quote(s.appLabel()) + " at "
                + SignInFacts.time(s.createdDateTime()) + " from " + SignInFacts.ipLabel(s) + " ended with AADSTS50053, "
                + "which means either a smart lockout after too many wrong passwords or a block of an IP address "
                + "known for malicious activity. The record does not say which, and the related sign-ins do not "
                + "settle it: no wrong-password attempt of the account in the hour before, and no other account "
                + "refused from the same address.";
    }

    /** "Within 24 hours around it the account has ..." */
    private static String summary(SignIn s, List<SignIn> attempts) {
        int failed = 0;
        int locked = 0;
        int succeeded = 0;
        Set<String> ips = new HashSet<>();
        Set<String> apps = new HashSet<>();
        SignIn first = null;
        SignIn last = null;
        for (SignIn a : attempts) {
            if (a.errorCode() == 0) {
                succeeded++;
                continue;
            }
            if (a.errorCode() == SignInFacts.LOCKED) {
                locked++;
            } else {
                failed++;
            }
            ips.add(SignInFacts.text(a.ipAddress()));
            apps.add(a.appLabel());
            if (a.createdDateTime() != null) {
                first = first == null ? a : first;
                last = a;
            }
        }
        if (first == null || failed + locked + succeeded <= 1) {
            return "No other sign-in attempts of the account within 24 hours around it were available.";
        }
        return "Within 24 hours around it the account has "
                + SignInFacts.plural(failed + locked, "failed attempt", "failed attempts") + " (" + failed
                + " refused for the password or the account, " + locked + " refused with 50053) from "
                + SignInFacts.plural(ips.size(), "IP address", "IP addresses") + " and "
                + SignInFacts.plural(apps.size(), "application", "applications") + ", the first at "
                + first.createdDateTime() + " and the last at " + last.createdDateTime() + ", and "
                + SignInFacts.plural(succeeded, "successful sign-in", "successful sign-ins") + ".";
    }

    // ---- evidence, recommendations, completeness ---------------------------------------------------

    private static void evidence(Finding.Builder f, SignIn s, List<SignIn> attempts, List<SignIn> ipView, String kind) {
        f.evidence(new Tally(SignIn::ipAddress, x -> x.location().display()).addAll(attempts)
                .table("The account's attempts by IP address", "IP address", "Location", TABLE_ROWS));
        f.evidence(new Tally(SignIn::appLabel, null).addAll(attempts)
                .table("The account's attempts by application", "Application", null, TABLE_ROWS));
        f.evidence(new Tally(AccountLockedDetector::client, null).addAll(attempts)
                .table("The account's attempts by client and operating system", "Client app / operating system",
                        null, TABLE_ROWS));
        List<SignIn> shown = SignInFacts.nearest(attempts, s, TABLE_ROWS);
        f.evidence(EvidenceTable.ofSignIns(shown.size() < attempts.size() ? "The account's attempts over time (the "
                + shown.size() + " nearest of " + attempts.size() + ")" : "The account's attempts over time", shown));
        if (MALICIOUS_IP.equals(kind) && !ipView.isEmpty()) {
            f.evidence(new Tally(SignIn::userLabel, null).addAll(SignInFacts.timedWith(ipView, s))
                    .table("Accounts seen from " + SignInFacts.quote(s.ipAddress()) + " within 24 hours", "Account",
                            null, TABLE_ROWS));
        }
    }

    private static String client(SignIn s) {
        return SignInFacts.text(s.clientAppUsed()) + " / " + SignInFacts.text(s.deviceDetail().operatingSystem());
    }

    private static void recommendSmartLockout(Finding.Builder f, Burst burst) {
        f.recommend(Actor.USER, "Wait for the lockout to end (a minute at first, longer after repeated lockouts) "
                + "and sign in with the right password. If you are not sure of it, reset it with self-service "
                + "password reset from a trusted device instead of trying again.", Links.SSPR);
        if (burst.user.isBruteForce()) {
            f.recommend(Actor.ADMIN, "The attempts do not look like the user's: make sure the account needs MFA, "
                    + "check for a successful sign-in from the addresses listed, and block them with a named "
                    + "location if they persist. An administrator cannot lift a smart lockout; it ends by itself or "
                    + "when the user resets the password.", Links.NAMED_LOCATIONS);
        } else if (burst.client.attempts.size() >= Burst.STALE_MIN_ATTEMPTS && burst.client.isRegular()) {
            SignIn last = burst.client.attempts.get(burst.client.attempts.size() - 1);
            f.recommend(Actor.USER, "Find the client that keeps retrying with the old password ("
                    + SignInFacts.clientLabel(last) + ", last from " + SignInFacts.ipLabel(last) + ") and enter the "
                    + "current password there, or remove the account from it.", null);
        } else {
            f.recommend(Actor.ADMIN, "Compare the sources in the tables with the user's usual devices and locations "
                    + "to confirm the attempts were the user's; if they were not, require MFA and investigate the "
                    + "addresses.", Links.INVESTIGATE_RISK);
        }
        f.recommend(Actor.ADMIN, "Review the smart lockout threshold and duration (Entra admin center, Protection, "
                + "Authentication methods, Password protection). With pass-through authentication or federation, "
                + "keep the Entra threshold well below the Active Directory lockout threshold (AD two to three times "
                + "higher) and the Entra lockout duration longer than the AD one, so that attacks stop in the cloud "
                + "before they lock the on-premises account.", Links.SMART_LOCKOUT);
    }

    private static void recommendMaliciousIp(Finding.Builder f, SignIn s) {
        String ip = SignInFacts.blank(s.ipAddress()) ? "the address" : SignInFacts.quote(s.ipAddress());
        f.recommend(Actor.ADMIN, "Investigate " + ip + ": is it one of your own egress addresses (office, VPN, "
                + "proxy)? The table of accounts seen from it shows who else used it. If it is yours, find the "
                + "device behind it that is sending malicious traffic; if it is not, block it with a named location.",
                Links.NAMED_LOCATIONS)
                .recommend(Actor.ADMIN, "Do not reset the user's password only because of this block: the address "
                        + "was refused, not the password. Reset it and revoke the sessions only if there are signs of "
                        + "compromise, such as a successful sign-in from this address or a risky-user detection.",
                        Links.INVESTIGATE_RISK)
                .recommend(Actor.USER, "Sign in from another network (for example without the VPN, or not on "
                        + "public Wi-Fi) and tell the help desk about the message you saw.", null)
                .recommend(Actor.ADMIN, "If the address is your organisation's and keeps being blocked, open a "
                        + "support request with Microsoft, giving the request ids of these sign-ins.", Links.SUPPORT);
    }

    private static void recommendUndecided(Finding.Builder f) {
        f.recommend(Actor.ADMIN, "Open the sign-in in the Entra admin center (or the original export) and read its "
                + "failure reason: 'locked' means smart lockout, 'malicious' means a blocked IP address. Then follow "
                + "the matching advice: wait for the lockout and check the sources of the wrong passwords, or "
                + "investigate the address.", Links.SMART_LOCKOUT)
                .recommend(Actor.USER, "Wait a few minutes and try again from your usual device and network; if you "
                        + "are not sure of your password, reset it with self-service password reset.", Links.SSPR);
    }

    private static void missing(Finding.Builder f, SignIn s, String user, List<SignIn> userView, List<SignIn> ipView,
            String stated) {
        if (stated == null) {
            f.missing("the failure reason text: it says whether AADSTS50053 was a smart lockout or a block of a "
                    + "malicious IP address");
        }
        if (s.createdDateTime() == null) {
            f.missing("the sign-in's time: without it the account's other attempts could not be looked up");
        } else if (user == null) {
            f.missing("the user's sign-in name or object id: without it the account's other attempts could not be "
                    + "looked up");
        }
        if (userView.size() >= PAGE) {
            f.missing("more than " + PAGE + " sign-ins of the user within 24 hours: only " + PAGE + " were examined");
        }
        if (ipView.size() >= PAGE) {
            f.missing("more than " + PAGE + " sign-ins from the IP address within 24 hours: only " + PAGE
                    + " were examined");
        }
    }
}
