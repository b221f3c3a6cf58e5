package io.signdx.scenario.credentials.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeSet;

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
 * "Invalid username or password": tells a person's typo from a device replaying an old password and
 * from an attack, by classifying the whole burst the failed sign-in belongs to (see {@link Burst} for the
 * exact rules). Every sign-in of one burst gets the same classification, because the burst is found from
 * the gaps between attempts rather than from a window around each sign-in.
 *
 * <p>Classifications:
 * <ul>
 * <li>{@code typo}: at most 5 failures of one client, then within 15 minutes a success from the same
 * client or IP address.</li>
 * <li>{@code stale-credential}: at least 6 failures of one client over at least an hour at a regular
 * interval, no success of that client in between. The IP address may change (a phone's does).</li>
 * <li>{@code spray}: from one IP address at least 10 accounts failed, at most 20 % of them also signed
 * in from there, and failures are at least half of the address's sign-ins (an office's shared address
 * fails the last two tests).</li>
 * <li>{@code brute-force}: at least 10 attempts on one account within an hour from at least 3 IP
 * addresses.</li>
 * <li>{@code unknown}: none of these, e.g. a few failures without a success, or irregular failures over
 * hours (a person trying to remember, or an app with back-off: the evidence shows which).</li>
 * </ul>
 * 50126 (wrong name or password) and 50034 (no such account) are guesses and get one of the five.
 * 50055 and 50144 (expired password), 50057 (disabled account) and 50056 (no password) say what is
 * wrong with the account itself, so they get {@code password-expired},
 * {@code on-premises-password-expired}, {@code account-disabled} or {@code no-password}, unless the burst
 * is a spray or a brute force, which matters more. 50053 lockouts count as attempts of a burst but are
 * diagnosed by {@link AccountLockedDetector}.
 *
 * <p>Cost: two related-sign-in queries per failed sign-in, the user's within ±24 hours and the IP
 * address's within ±2 hours, each capped at {@value #PAGE} sign-ins.
 */
@Component
@Detector(scenario = InvalidPasswordDetector.SCENARIO, family = "credentials", title = "Invalid username or password",
        errorCodes = {50126, 50034, 50055, 50144, 50057, 50056}, specificity = 50)
public final class InvalidPasswordDetector implements ScenarioDetector {
    static final String SCENARIO = "credentials.invalid-password";
    static final Duration USER_WINDOW = Duration.ofHours(24);
    static final Duration IP_WINDOW = Duration.ofHours(2);
    static final int PAGE = 500;
    static final int TABLE_ROWS = 50;

    @Override
    public List<Finding> detect(SignIn signIn, DetectionContext context) {
        int code = signIn.errorCode();
        if (title(code) == null) {
            return List.of();
        }
        Instant at = signIn.createdDateTime();
        String user = SignInFacts.userKey(signIn);
        String ip = signIn.ipAddress();
        List<SignIn> userView = at == null || user == null ? List.of()
                : orEmpty(context.related(SignInQuery.all().withUser(user).around(at, USER_WINDOW).withPage(0, PAGE)));
        List<SignIn> ipView = at == null || SignInFacts.blank(ip) ? List.of()
                : orEmpty(context.related(SignInQuery.all().withIpAddress(ip).around(at, IP_WINDOW).withPage(0, PAGE)));
        Burst burst = Burst.analyze(signIn, userView, ipView);
        String classification = classification(code, burst.classification);
        Finding.Builder f = Finding.builder(SCENARIO).title(title(code)).classification(classification)
                .confidence(confidence(signIn, burst, classification));
        if (!context.detailed()) {
            return List.of(f.assessment(title(code)).build());
        }
        f.assessment(meaning(signIn) + " " + explanation(signIn, burst, classification));
        if (at != null) {
            f.evidence(signals(signIn, burst));
            f.evidence(related(signIn, burst));
            detailTable(signIn, burst).ifPresent(f::evidence);
        }
        recommend(f, signIn, burst, classification);
        missing(f, signIn, burst, userView, ipView, user);
        return List.of(f.build());
    }

    private static List<SignIn> orEmpty(List<SignIn> list) {
        return list == null ? List.of() : list;
    }

    static String title(int code) {
        switch (code) {
            case SignInFacts.INVALID_PASSWORD: return "Invalid username or password";
            case SignInFacts.USER_NOT_FOUND: return "User account not found";
            case SignInFacts.PASSWORD_EXPIRED: return "Password expired";
            case SignInFacts.ON_PREMISES_PASSWORD_EXPIRED: return "On-premises password expired";
            case SignInFacts.DISABLED: return "Account disabled";
            case SignInFacts.NO_PASSWORD: return "No password in the directory";
            default: return null;
        }
    }

    /** Attacks describe the burst best; otherwise the account-state codes say what is wrong themselves. */
    static String classification(int code, String burst) {
        if (Burst.SPRAY.equals(burst) || Burst.BRUTE_FORCE.equals(burst)) {
            return burst;
        }
        switch (code) {
            case SignInFacts.PASSWORD_EXPIRED: return "password-expired";
            case SignInFacts.ON_PREMISES_PASSWORD_EXPIRED: return "on-premises-password-expired";
            case SignInFacts.DISABLED: return "account-disabled";
            case SignInFacts.NO_PASSWORD: return "no-password";
            default: return burst;
        }
    }

    private static Confidence confidence(SignIn s, Burst b, String classification) {
        switch (classification) {
            case Burst.SPRAY:
                return b.ip.accounts.size() >= 2 * Burst.SPRAY_MIN_ACCOUNTS
                        || s.risk().riskEventTypes().contains("passwordSpray") ? Confidence.HIGH : Confidence.MEDIUM;
            case Burst.STALE:
                return b.client.attempts.size() >= 2 * Burst.STALE_MIN_ATTEMPTS ? Confidence.HIGH : Confidence.MEDIUM;
            case Burst.UNKNOWN:
                return Confidence.LOW;
            default:
                return Confidence.HIGH;
        }
    }

    // ---- assessment --------------------------------------------------------------------------------

    private static String meaning(SignIn s) {
        String who = SignInFacts.quote(s.userLabel());
        String start = "The sign-in of " + who + " to " + SignInFacts.quote(s.appLabel()) + " at "
                + SignInFacts.time(s.createdDateTime()) + " from " + SignInFacts.ipLabel(s) + " failed: ";
        switch (s.errorCode()) {
            case SignInFacts.USER_NOT_FOUND:
                return start + "there is no account named '" + who + "' in the directory (AADSTS50034), so the name "
                        + "was mistyped, belongs to another organisation, or is being guessed.";
            case SignInFacts.PASSWORD_EXPIRED:
                return start + "the account's password has expired (AADSTS50055) and has to be changed before the "
                        + "account can be used again.";
            case SignInFacts.ON_PREMISES_PASSWORD_EXPIRED:
                return start + "the account's password in the on-premises Active Directory has expired "
                        + "(AADSTS50144) and has to be changed there, or by self-service reset with password writeback.";
            case SignInFacts.DISABLED:
                return start + "the account is disabled (AADSTS50057), in Entra ID or in the on-premises directory "
                        + "it is synchronised from, so no password can sign it in.";
            case SignInFacts.NO_PASSWORD:
                return start + "Entra ID holds no password for the account, or an empty password was sent "
                        + "(AADSTS50056).";
            default:
                return start + "Entra ID did not accept the user name and password (AADSTS50126).";
        }
    }

    private static String explanation(SignIn s, Burst b, String classification) {
        if (s.createdDateTime() == null) {
            return "The record has no time, so the other attempts of the burst could not be looked up and the "
                    + "failure could not be classified.";
        }
        switch (classification) {
            case Burst.SPRAY: return spray(s, b);
            case Burst.BRUTE_FORCE: return bruteForce(s, b);
            case Burst.TYPO: return typo(b);
            case Burst.STALE: return stale(s, b);
            case Burst.UNKNOWN: return unknown(s, b);
            default: return accountState(b);
        }
    }

    private static String spray(SignIn s, Burst b) {
        Burst.IpRun ip = b.ip;
        List<SignIn> run = ip.attempts;
        return "This is part of a password spray: from " + SignInFacts.quote(s.ipAddress()) + ", "
                + ip.accounts.size() + " different accounts failed to sign in (" + run.size() + " attempts) between "
                + run.get(0).createdDateTime() + " and " + run.get(run.size() - 1).createdDateTime() + "; "
                + (ip.accountsSucceeded == 0 ? "none" : "only " + ip.accountsSucceeded)
                + " of those accounts signed in successfully from that address, and failures "
                + "were " + SignInFacts.percent(run.size(), ip.signIns) + " of its sign-ins. One address trying many "
                + "accounts, each a few times, is how a spray looks; an office's shared address would also show "
                + "the same people signing in successfully." + codeInAttack(s);
    }

    private static String bruteForce(SignIn s, Burst b) {
        Burst.UserRun u = b.user;
        StringBuilder t = new StringBuilder("This is part of a brute-force attempt on the account: ")
                .append(u.attempts.size()).append(" failed attempts between ")
                .append(u.attempts.get(0).createdDateTime()).append(" and ")
                .append(u.attempts.get(u.attempts.size() - 1).createdDateTime()).append(" (up to ")
                .append(u.maxPerHour).append(" within one hour) came from ").append(u.distinctIps)
                .append(" different IP addresses. A person does not try that many passwords from that many places "
                        + "in so short a time.");
        if (!u.successesFromRunIps.isEmpty()) {
            SignIn got = u.successesFromRunIps.get(0);
            t.append(" The account then signed in successfully from ").append(SignInFacts.quote(got.ipAddress()))
                    .append(", one of the attacking addresses, at ").append(got.createdDateTime())
                    .append(": treat it as compromised.");
        } else {
            t.append(" No successful sign-in of the account from those addresses was seen.");
        }
        return t.append(codeInAttack(s)).toString();
    }

    private static String codeInAttack(SignIn s) {
        int code = s.errorCode();
        if (code == SignInFacts.PASSWORD_EXPIRED || code == SignInFacts.ON_PREMISES_PASSWORD_EXPIRED) {
            return " Entra ID answered this attempt with an expired password rather than a wrong one, so assume "
                    + "the attacker may hold the account's old password.";
        }
        if (code == SignInFacts.USER_NOT_FOUND) {
            return " The name tried here does not exist in the directory: the attacker is also guessing names.";
        }
        return "";
    }

    private static String typo(Burst b) {
        Burst.ClientRun c = b.client;
        SignIn last = c.attempts.get(c.attempts.size() - 1);
        String source = SignInFacts.sameClient(c.successAfter, last)
                ? "the same app and device" : "the same IP address";
        return "This looks like a typing mistake: " + SignInFacts.plural(c.attempts.size(), "failed attempt",
                "failed attempts") + " from " + SignInFacts.clientLabel(last) + " ended "
                + SignInFacts.duration(SignInFacts.secondsBetween(last, c.successAfter)) + " later in a successful "
                + "sign-in from " + source + " (at " + c.successAfter.createdDateTime() + "). A few failures that "
                + "end in a success within minutes are what a person mistyping a password produces.";
    }

    private static String stale(SignIn s, Burst b) {
        Burst.ClientRun c = b.client;
        SignIn first = c.attempts.get(0);
        SignIn last = c.attempts.get(c.attempts.size() - 1);
        StringBuilder t = new StringBuilder("This looks like a stale saved password: the same client (")
                .append(SignInFacts.clientLabel(s)).append(") failed ").append(c.attempts.size())
                .append(" times between ").append(first.createdDateTime()).append(" and ")
                .append(last.createdDateTime()).append(", about every ").append(SignInFacts.duration(c.medianGapSeconds))
                .append(" (").append(Math.round(100 * c.regularShare))
                .append(" % of the intervals within half to one and a half times that), with no success of that "
                        + "client in between. People give up after a few tries; a device or app that retries on a "
                        + "timer is replaying a password that is no longer valid, typically after a password change.");
        int elsewhere = successesBetween(b, first, last);
        if (elsewhere > 0) {
            t.append(" Meanwhile the account signed in successfully ").append(SignInFacts.plural(elsewhere, "time",
                    "times")).append(" from other clients, so the account itself works.");
        }
        return t.toString();
    }

    private static int successesBetween(Burst b, SignIn first, SignIn last) {
        int n = 0;
        for (SignIn s : b.user.successesOfUser) {
            if (!s.createdDateTime().isBefore(first.createdDateTime())
                    && !s.createdDateTime().isAfter(last.createdDateTime())) {
                n++;
            }
        }
        return n;
    }

    private static String unknown(SignIn s, Burst b) {
        Burst.ClientRun c = b.client;
        StringBuilder t = new StringBuilder("The failures fit none of the known patterns (typo, stale saved "
                + "password, spray, brute force): ");
        t.append(SignInFacts.plural(c.attempts.size(), "failed attempt", "failed attempts")).append(" from this client");
        if (c.attempts.size() > 1) {
            t.append(" over ").append(SignInFacts.duration(c.spanSeconds)).append(c.isRegular()
                    ? " at a regular interval" : " at irregular intervals");
        }
        t.append(", ").append(SignInFacts.plural(b.user.attempts.size(), "attempt", "attempts"))
                .append(" of the account from ").append(SignInFacts.plural(b.user.distinctIps, "IP address",
                        "IP addresses"))
                .append(" in the same burst, no success from the same client or address within 15 minutes");
        if (!b.ip.attempts.isEmpty()) {
            t.append(", and ").append(SignInFacts.plural(b.ip.accounts.size(), "account", "accounts"))
                    .append(" failing from ").append(SignInFacts.quote(s.ipAddress()));
        }
        t.append(". A few failures without a success are often a person who does not remember the password; "
                + "irregular failures over hours can also be an app retrying with back-off. The related sign-ins "
                + "show which.");
        return t.toString();
    }

    private static String accountState(Burst b) {
        Burst.ClientRun c = b.client;
        int n = c.attempts.size();
        String tries = n <= 1 ? "It is the only such attempt of this client in the burst."
                : "The same client tried " + n + " times over " + SignInFacts.duration(c.spanSeconds)
                        + (c.isRegular() ? " at a regular interval, so a device or app keeps retrying with the account."
                                : ".");
        return c.successAfter == null ? tries : tries + " A successful sign-in from the same client or address "
                + "followed at " + c.successAfter.createdDateTime() + ", so the problem has since been dealt with.";
    }

    // ---- evidence ----------------------------------------------------------------------------------

    private static EvidenceTable signals(SignIn s, Burst b) {
        List<List<String>> rows = new ArrayList<>();
        Burst.UserRun u = b.user;
        Burst.ClientRun c = b.client;
        Burst.IpRun ip = b.ip;
        rows.add(List.of("Failed attempts of the account, each at most 10 min after the previous one",
                String.valueOf(u.attempts.size()), ""));
        rows.add(List.of("Most of those within one hour", String.valueOf(u.maxPerHour), "brute force: at least 10"));
        rows.add(List.of("IP addresses of those attempts", String.valueOf(u.distinctIps), "brute force: at least 3"));
        rows.add(List.of("Failed attempts of this client (app, client app, OS, device), each at most 2 h after the "
                + "previous one with no success of the client between", String.valueOf(c.attempts.size()),
                "typo: at most 5; stale password: at least 6"));
        rows.add(List.of("Time from the client's first to last attempt", SignInFacts.duration(c.spanSeconds),
                "stale password: at least 1 h"));
        rows.add(List.of("Median interval between the client's attempts",
                c.attempts.size() < 2 ? "" : SignInFacts.duration(c.medianGapSeconds), ""));
        rows.add(List.of("Intervals within 0.5 to 1.5 times the median",
                c.attempts.size() < 2 ? "" : Math.round(100 * c.regularShare) + " %", "stale password: at least 70 %"));
        rows.add(List.of("Success from the same client or IP address within 15 min after the client's last attempt",
                c.successAfter == null ? "no" : "yes, at " + c.successAfter.createdDateTime(), "typo: yes"));
        if (!ip.attempts.isEmpty()) {
            String address = SignInFacts.quote(s.ipAddress());
            rows.add(List.of("Accounts with failed attempts from " + address + ", each attempt at most 15 min after "
                    + "the previous one", String.valueOf(ip.accounts.size()), "spray: at least 10"));
            rows.add(List.of("Of those accounts, signed in successfully from " + address, ip.accountsSucceeded + " ("
                    + SignInFacts.percent(ip.accountsSucceeded, ip.accounts.size()) + ")", "spray: at most 20 %"));
            rows.add(List.of("Failed attempts among all sign-ins from " + address + " in that time", ip.attempts.size()
                    + " of " + ip.signIns + " (" + SignInFacts.percent(ip.attempts.size(), ip.signIns) + ")",
                    "spray: at least 50 %"));
        }
        return new EvidenceTable("How the burst was classified (" + b.classification + ")",
                List.of("Signal", "Value", "Needed for"), rows);
    }

    private static EvidenceTable related(SignIn s, Burst b) {
        List<SignIn> shown = new ArrayList<>();
        String what;
        switch (b.classification) {
            case Burst.SPRAY:
                shown.addAll(b.ip.attempts);
                what = "Failed sign-ins from " + SignInFacts.quote(s.ipAddress());
                break;
            case Burst.BRUTE_FORCE:
                shown.addAll(b.user.attempts);
                shown.addAll(b.user.successesFromRunIps);
                what = "Attempts on the account";
                break;
            default:
                shown.addAll(b.client.attempts);
                if (b.client.successAfter != null) {
                    shown.add(b.client.successAfter);
                }
                what = "Attempts of this client";
        }
        shown.sort(SignInFacts.OLDEST_FIRST);
        List<SignIn> rows = SignInFacts.nearest(shown, s, TABLE_ROWS);
        String title = rows.size() < shown.size() ? what + " (the " + rows.size() + " nearest in time of "
                + shown.size() + ")" : what;
        return EvidenceTable.ofSignIns(title, rows);
    }

    private static Optional<EvidenceTable> detailTable(SignIn s, Burst b) {
        switch (b.classification) {
            case Burst.SPRAY:
                return Optional.of(accounts(s, b.ip.accounts));
            case Burst.BRUTE_FORCE:
                return Optional.of(new Tally(SignIn::ipAddress, x -> x.location().display())
                        .addAll(b.user.attempts).addAll(b.user.successesFromRunIps)
                        .table("Where the attempts came from", "IP address", "Location", TABLE_ROWS));
            case Burst.STALE:
                return Optional.of(client(b.client.attempts));
            default:
                return Optional.empty();
        }
    }

    private static EvidenceTable accounts(SignIn s, Map<String, Burst.Account> accounts) {
        List<List<String>> rows = new ArrayList<>();
        for (Burst.Account a : accounts.values()) {
            if (rows.size() == TABLE_ROWS) {
                break;
            }
            StringJoiner codes = new StringJoiner(", ");
            a.codes.forEach(c -> codes.add(String.valueOf(c)));
            rows.add(List.of(a.label, String.valueOf(a.attempts), codes.toString(), a.succeededHere ? "yes" : "no"));
        }
        String title = "Accounts tried from " + SignInFacts.quote(s.ipAddress())
                + (accounts.size() > TABLE_ROWS ? " (the first " + TABLE_ROWS + " of " + accounts.size() + ")" : "");
        return new EvidenceTable(title, List.of("Account", "Failed attempts", "Error codes",
                "Signed in successfully from this address"), rows);
    }

    private static EvidenceTable client(List<SignIn> attempts) {
        SignIn last = attempts.get(attempts.size() - 1);
        Set<String> ips = new TreeSet<>();
        for (SignIn a : attempts) {
            if (!SignInFacts.blank(a.ipAddress())) {
                ips.add(a.ipAddress());
            }
        }
        StringJoiner shown = new StringJoiner(", ");
        ips.stream().limit(10).forEach(shown::add);
        String ipText = ips.size() > 10 ? shown + " and " + (ips.size() - 10) + " more" : shown.toString();
        List<List<String>> rows = List.of(
                List.of("Application", last.appLabel()),
                List.of("Client app", SignInFacts.text(last.clientAppUsed())),
                List.of("Operating system", SignInFacts.text(last.deviceDetail().operatingSystem())),
                List.of("Device", SignInFacts.text(last.deviceDetail().displayName() != null
                        ? last.deviceDetail().displayName() : last.deviceDetail().deviceId())),
                List.of("User agent", SignInFacts.text(last.userAgent())),
                List.of("IP addresses (" + ips.size() + ")", ipText),
                List.of("First failed attempt (UTC)", attempts.get(0).createdDateTime().toString()),
                List.of("Last failed attempt (UTC)", last.createdDateTime().toString()));
        return new EvidenceTable("The client that keeps retrying", List.of("Property", "Value"), rows);
    }

    // ---- recommendations ---------------------------------------------------------------------------

    private static void recommend(Finding.Builder f, SignIn s, Burst b, String classification) {
        switch (classification) {
            case Burst.SPRAY -> recommendSpray(f, s, b);
            case Burst.BRUTE_FORCE -> recommendBruteForce(f, b);
            case Burst.TYPO -> f.recommend(Actor.USER, "Nothing to fix: the password was mistyped and the next "
                    + "attempt worked. If it happens often, ask the help desk about signing in without a password "
                    + "(Microsoft Authenticator, Windows Hello or a passkey).", null);
            case Burst.STALE -> recommendStale(f, b);
            case "password-expired" -> f.recommend(Actor.USER, "Change the password at the sign-in prompt or with "
                    + "self-service password reset, then enter the new one in every app and device that keeps it.",
                    Links.SSPR).recommend(Actor.ADMIN, "If the password was not expected to expire, check the "
                    + "password expiration policy of the tenant and of the account.", Links.PASSWORD_POLICY);
            case "on-premises-password-expired" -> f.recommend(Actor.USER, "Change the password on a computer "
                    + "joined to the domain (Ctrl+Alt+Del, Change a password), or with self-service password reset "
                    + "if password writeback is on; then update it in every app and device that keeps it.",
                    Links.SSPR_WRITEBACK).recommend(Actor.ADMIN, "If the user cannot reach the domain, reset the "
                    + "password in Active Directory and let the user change it at the next sign-in.", null);
            case "account-disabled" -> f.recommend(Actor.ADMIN, "If the account should work, enable it: for an "
                    + "account synchronised from on-premises, in Active Directory, then wait for the next sync. "
                    + "If it was disabled on purpose, the attempts below show which device or app still uses it: "
                    + "remove the account there.", null);
            case "no-password" -> f.recommend(Actor.ADMIN, "Check how the account signs in: a cloud account "
                    + "created without a password, or a synchronised account whose password hash has not been "
                    + "synchronised yet, has none; set a password or run a synchronisation. If the user sent an "
                    + "empty password, they only need to enter it again.", Links.ERROR_CODES);
            default -> recommendUnknown(f, s);
        }
        if (s.errorCode() == SignInFacts.USER_NOT_FOUND && !Burst.SPRAY.equals(classification)
                && !Burst.BRUTE_FORCE.equals(classification)) {
            f.recommend(Actor.USER, "Check the spelling of the sign-in name, including the part after the @: it "
                    + "has to be your work or school account of this organisation.", null);
        }
    }

    private static void recommendSpray(Finding.Builder f, SignIn s, Burst b) {
        String ip = SignInFacts.quote(s.ipAddress());
        f.recommend(Actor.ADMIN, "Block " + ip + ": add it to an IP-range named location and block that location "
                + "with a Conditional Access policy (exclude the emergency-access accounts).", Links.NAMED_LOCATIONS)
                .recommend(Actor.ADMIN, "Check each of the " + b.ip.accounts.size() + " targeted accounts (table "
                        + "'Accounts tried from " + ip + "') for a successful sign-in from this address or another "
                        + "unfamiliar place after the spray; reset the password and revoke the sessions of any that "
                        + "got in.", Links.REVOKE_ACCESS)
                .recommend(Actor.ADMIN, "Keep smart lockout on with a low threshold, and turn on Password "
                        + "Protection with a custom banned-password list so the passwords sprayers try are refused.",
                        Links.PASSWORD_PROTECTION)
                .recommend(Actor.ADMIN, "Require MFA for all users and block legacy authentication"
                        + sprayClient(s) + ": a sprayed password alone must not be enough to get in.",
                        Links.BLOCK_LEGACY);
    }

    private static String sprayClient(SignIn s) {
        List<String> used = new ArrayList<>(2);
        if (SignInFacts.isLegacy(s)) {
            used.add("the legacy client '" + SignInFacts.quote(s.clientAppUsed()) + "'");
        }
        if ("ropc".equalsIgnoreCase(s.authenticationProtocol())) {
            used.add("the password grant (ROPC)");
        }
        return used.isEmpty() ? "" : " (this spray used " + String.join(" and ", used) + ")";
    }

    private static void recommendBruteForce(Finding.Builder f, Burst b) {
        if (!b.user.successesFromRunIps.isEmpty()) {
            f.recommend(Actor.ADMIN, "The attacker signed in: reset the password now, revoke the account's sessions, "
                    + "review its registered authentication methods and its recent activity.", Links.REVOKE_ACCESS);
        } else {
            f.recommend(Actor.ADMIN, "Check whether any of the attempts succeeded: look for a successful sign-in of "
                    + "the account from the addresses in 'Where the attempts came from'. If one did, reset the "
                    + "password and revoke the sessions.", Links.INVESTIGATE_RISK);
        }
        f.recommend(Actor.ADMIN, "Make sure the account needs MFA for every sign-in, so a guessed password is not "
                + "enough, and check the smart lockout threshold.", Links.MFA_ALL_USERS)
                .recommend(Actor.ADMIN, "Block the attacking addresses with an IP-range named location and a "
                        + "Conditional Access policy if they keep coming back.", Links.NAMED_LOCATIONS)
                .recommend(Actor.USER, "If you did not make these attempts, tell the help desk and choose a new, "
                        + "unrelated password.", Links.SSPR);
    }

    private static void recommendStale(Finding.Builder f, Burst b) {
        SignIn last = b.client.attempts.get(b.client.attempts.size() - 1);
        f.recommend(Actor.USER, "Find the client that still holds the old password: " + SignInFacts.clientLabel(last)
                + (SignInFacts.blank(last.userAgent()) ? "" : ", user agent '" + SignInFacts.quote(last.userAgent()) + "'")
                + ", last seen from " + SignInFacts.ipLabel(last) + ". Enter the current password there, or remove "
                + "the account from it and add it again; if the device is no longer used, remove the account from "
                + "it or switch it off.", null)
                .recommend(Actor.ADMIN, "Until it is fixed the retries can lock the account through smart lockout. "
                        + (SignInFacts.isLegacy(last) ? "The client uses the legacy protocol '"
                                + SignInFacts.quote(last.clientAppUsed()) + "': move it to modern authentication. " : "")
                        + "If nobody owns the device, block its address or disable the account's access from it.",
                        Links.SMART_LOCKOUT);
    }

    private static void recommendUnknown(Finding.Builder f, SignIn s) {
        f.recommend(Actor.ADMIN, "Look at the related sign-ins and ask the user whether these attempts were theirs: "
                + "if they were not, treat the password as targeted (check for successful sign-ins from the same "
                + "sources and require MFA).", Links.INVESTIGATE_RISK)
                .recommend(Actor.USER, "If you do not remember your password, reset it with self-service password "
                        + "reset instead of trying more, which can lock the account.", Links.SSPR);
    }

    // ---- completeness ------------------------------------------------------------------------------

    private static void missing(Finding.Builder f, SignIn s, Burst b, List<SignIn> userView, List<SignIn> ipView,
            String user) {
        if (s.createdDateTime() == null) {
            f.missing("the sign-in's time: without it no other attempts of the burst could be looked up");
            return;
        }
        if (user == null) {
            f.missing("the user's sign-in name or object id: without it the account's other attempts could not be "
                    + "looked up");
        }
        if (SignInFacts.blank(s.ipAddress())) {
            f.missing("the client IP address: without it a password spray from one address cannot be recognised");
        }
        if (userView.size() >= PAGE) {
            f.missing("more than " + PAGE + " sign-ins of the user within 24 hours of this one: only " + PAGE
                    + " were examined");
        }
        if (ipView.size() >= PAGE) {
            f.missing("more than " + PAGE + " sign-ins from the IP address within 2 hours of this one: only " + PAGE
                    + " were examined");
        }
        if (Burst.UNKNOWN.equals(b.classification) && user != null && b.user.attempts.size() <= 1
                && b.user.successesOfUser.isEmpty()) {
            f.missing("other sign-ins of the user within 24 hours of this one: none were available, so neither a "
                    + "later success nor a retry pattern could be seen");
        }
    }
}
