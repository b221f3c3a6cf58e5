package io.signdx.scenario.credentials.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import io.signdx.api.model.AppliedPolicy;
import io.signdx.api.model.AuthenticationRequirement;
import io.signdx.api.model.ConditionalAccessStatus;
import io.signdx.api.model.PolicyResult;
import io.signdx.api.model.SignIn;

/**
 * Small facts about sign-ins that every credentials detector needs: which codes are password attempts,
 * how to find a user's other sign-ins, what "the same client" means, and plain-text formatting.
 * Stateless; every value read from a record may be {@code null}.
 */
final class SignInFacts {
    static final int INVALID_PASSWORD = 50126;
    static final int USER_NOT_FOUND = 50034;
    static final int LOCKED = 50053;
    static final int PASSWORD_EXPIRED = 50055;
    static final int NO_PASSWORD = 50056;
    static final int DISABLED = 50057;
    static final int ON_PREMISES_PASSWORD_EXPIRED = 50144;
    static final int NOT_SIGNED_IN = 50058;
    static final int RETRY_ALLOWANCE = 90025;

    /** Oldest first; the request id breaks ties so that every caller sees the same order. */
    static final Comparator<SignIn> OLDEST_FIRST = Comparator.comparing(SignIn::createdDateTime,
            Comparator.nullsLast(Comparator.<Instant>naturalOrder()))
            .thenComparing(SignIn::id, Comparator.nullsFirst(Comparator.<String>naturalOrder()));

    private static final String ZERO_ID = "00000000-0000-0000-0000-000000000000";
    /** Record texts are attacker-controlled and may be long; messages quote only this much. */
    private static final int QUOTE_LIMIT = 120;

    private SignInFacts() {
    }

    /**
     * True for the codes that mean a credential was tried and refused: together they make up a burst,
     * whichever of them a given attempt got.
     */
    static boolean isAttempt(int code) {
        switch (code) {
            case INVALID_PASSWORD, USER_NOT_FOUND, LOCKED, PASSWORD_EXPIRED, NO_PASSWORD, DISABLED,
                    ON_PREMISES_PASSWORD_EXPIRED:
                return true;
            default:
                return false;
        }
    }

    /**
     * What to look the user's other sign-ins up by: the sign-in name (on failures, the text typed at
     * the prompt, which is all an attempt on a mistyped or unknown name has), else the object id.
     */
    static String userKey(SignIn s) {
        if (!blank(s.userPrincipalName())) {
            return s.userPrincipalName();
        }
        return isRealId(s.userId()) ? s.userId() : null;
    }

    /** A key that groups the sign-ins of one account, case-insensitively. */
    static String accountKey(SignIn s) {
        String key = userKey(s);
        return key == null ? "" : key.toLowerCase(Locale.ROOT);
    }

    /**
     * Whether two sign-ins came from the same client: application, client app kind, operating system and
     * device. A phone's mail app keeps these while its IP address changes, so the IP is left out on purpose.
     */
    static boolean sameClient(SignIn a, SignIn b) {
        // compared field by field: this runs for every pair in a burst, where building a key string each
        // time was a tenth of a bulk run
        return text(a.appId() == null ? a.appDisplayName() : a.appId())
                .equals(text(b.appId() == null ? b.appDisplayName() : b.appId()))
                && text(a.clientAppUsed()).equals(text(b.clientAppUsed()))
                && text(a.deviceDetail().operatingSystem()).equals(text(b.deviceDetail().operatingSystem()))
                && text(a.deviceDetail().deviceId()).equals(text(b.deviceDetail().deviceId()));
    }

    /** The client in words, e.g. "Office 365 Exchange Online via Exchange ActiveSync on iOS 17". */
    static String clientLabel(SignIn s) {
        StringBuilder b = new StringBuilder(s.appLabel());
        if (!blank(s.clientAppUsed())) {
            b.append(" via ").append(quote(s.clientAppUsed()));
        }
        if (!blank(s.deviceDetail().operatingSystem())) {
            b.append(" on ").append(quote(s.deviceDetail().operatingSystem()));
        }
        if (!blank(s.deviceDetail().displayName())) {
            b.append(" (device ").append(quote(s.deviceDetail().displayName())).append(')');
        } else if (!blank(s.deviceDetail().deviceId())) {
            b.append(" (device id ").append(quote(s.deviceDetail().deviceId())).append(')');
        }
        return b.toString();
    }

    /** "the IP address 192.0.2.7 (Amsterdam, NL)", or "an unknown IP address". */
    static String ipLabel(SignIn s) {
        if (blank(s.ipAddress())) {
            return "an unknown IP address";
        }
        String where = s.location().display();
        return "the IP address " + quote(s.ipAddress()) + (where.isEmpty() ? "" : " (" + quote(where) + ")");
    }

    /**
     * The sign-ins of {@code view} that have a time, together with {@code target}, oldest first. The
     * target object itself stands for any copy of it the view holds, so callers can find it by identity.
     */
    static List<SignIn> timedWith(List<SignIn> view, SignIn target) {
        List<SignIn> out = new ArrayList<>(view == null ? 1 : view.size() + 1);
        if (target.createdDateTime() != null) {
            out.add(target);
        }
        if (view != null) {
            for (SignIn s : view) {
                if (s != null && s != target && s.createdDateTime() != null && !s.equals(target)) {
                    out.add(s);
                }
            }
        }
        out.sort(OLDEST_FIRST);
        return out;
    }

    /** Index of {@code target} in {@code list} by identity, or -1. */
    static int indexOf(List<SignIn> list, SignIn target) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) == target) {
                return i;
            }
        }
        return -1;
    }

    /**
     * At most {@code max} sign-ins of the time-ordered {@code sorted}, those closest in time to
     * {@code target}, still in time order: evidence tables stay readable and bounded.
     */
    static List<SignIn> nearest(List<SignIn> sorted, SignIn target, int max) {
        if (sorted.size() <= max) {
            return sorted;
        }
        int centre = Math.max(0, indexOf(sorted, target));
        int from = Math.max(0, Math.min(centre - max / 2, sorted.size() - max));
        return sorted.subList(from, from + max);
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    static String text(String value) {
        return value == null ? "" : value;
    }

    static String time(Instant value) {
        return value == null ? "an unknown time" : io.signdx.api.detector.EvidenceTable.time(value);
    }

    /** A span of time in words: "40 s", "12 min", "3 h 5 min", "2 d 4 h". */
    static String duration(long seconds) {
        long s = Math.max(0, seconds);
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return (s / 60) + " min";
        }
        if (s < 86_400) {
            long min = (s % 3600) / 60;
            return (s / 3600) + " h" + (min == 0 ? "" : " " + min + " min");
        }
        long h = (s % 86_400) / 3600;
        return (s / 86_400) + " d" + (h == 0 ? "" : " " + h + " h");
    }

    static long secondsBetween(SignIn from, SignIn to) {
        return to.createdDateTime().getEpochSecond() - from.createdDateTime().getEpochSecond();
    }

    static String percent(int part, int whole) {
        return whole == 0 ? "0 %" : Math.round(100.0 * part / whole) + " %";
    }

    static String plural(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    /** Attacker-controlled text cut to a safe length, whitespace runs folded, for use inside sentences. */
    static String quote(String value) {
        if (value == null) {
            return "";
        }
        if (isClean(value)) {
            return value;
        }
        StringBuilder b = new StringBuilder(Math.min(value.length(), QUOTE_LIMIT + 1));
        boolean space = false;
        int i = 0;
        for (; i < value.length() && b.length() < QUOTE_LIMIT; i++) {
            char c = value.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                space = b.length() > 0;
            } else {
                if (space) {
                    b.append(' ');
                    space = false;
                }
                b.append(c);
            }
        }
        return i < value.length() && !value.substring(i).isBlank() ? b + "…" : b.toString();
    }

    /** Short, no control characters, single spaces only, not padded: most values, returned as they are. */
    private static boolean isClean(String value) {
        int n = value.length();
        if (n > QUOTE_LIMIT) {
            return false;
        }
        boolean space = true; // a leading space is not clean either
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c > ' ' && c < 0x7f) {
                space = false;
            } else if (c == ' ' && !space) {
                space = true;
            } else if (c < 0xa0 || Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                return false;
            } else {
                space = false;
            }
        }
        return !space || n == 0;
    }

    /** True when the text (failure reason, details) contains {@code needle}, ignoring case; needle is lower case. */
    static boolean mentions(String text, String needle) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(needle);
    }

    // The typed accessors of the model parse leniently (any case, spaces, dashes), which costs far more
    // than the detector itself on the hot path of successful sign-ins; records almost always carry
    // Graph's exact spelling, so that is tried first and the lenient parse only for anything else.

    static AuthenticationRequirement requirement(SignIn s) {
        String v = s.authenticationRequirementValue();
        if (v == null) {
            return AuthenticationRequirement.UNKNOWN;
        }
        switch (v) {
            case "singleFactorAuthentication": return AuthenticationRequirement.SINGLE_FACTOR;
            case "multiFactorAuthentication": return AuthenticationRequirement.MULTI_FACTOR;
            default: return s.authenticationRequirement();
        }
    }

    static ConditionalAccessStatus caStatus(SignIn s) {
        String v = s.conditionalAccessStatusValue();
        if (v == null) {
            return ConditionalAccessStatus.UNKNOWN;
        }
        switch (v) {
            case "success": return ConditionalAccessStatus.SUCCESS;
            case "failure": return ConditionalAccessStatus.FAILURE;
            case "notApplied": return ConditionalAccessStatus.NOT_APPLIED;
            default: return s.conditionalAccessStatus();
        }
    }

    static PolicyResult result(AppliedPolicy p) {
        String v = p.resultValue();
        if (v == null) {
            return PolicyResult.UNKNOWN;
        }
        switch (v) {
            case "success": return PolicyResult.SUCCESS;
            case "failure": return PolicyResult.FAILURE;
            case "notApplied": return PolicyResult.NOT_APPLIED;
            case "notEnabled": return PolicyResult.NOT_ENABLED;
            case "reportOnlySuccess": return PolicyResult.REPORT_ONLY_SUCCESS;
            case "reportOnlyFailure": return PolicyResult.REPORT_ONLY_FAILURE;
            case "reportOnlyNotApplied": return PolicyResult.REPORT_ONLY_NOT_APPLIED;
            case "reportOnlyInterrupted": return PolicyResult.REPORT_ONLY_INTERRUPTED;
            default: return p.result();
        }
    }

    /** True for legacy-authentication client apps (which cannot do MFA). */
    static boolean isLegacy(SignIn s) {
        String v = s.clientAppUsed();
        if (v == null || "Browser".equals(v) || "Mobile Apps and Desktop clients".equals(v)) {
            return false;
        }
        return s.clientApp().isLegacy();
    }

    private static boolean isRealId(String id) {
        return !blank(id) && !ZERO_ID.equals(id) && !id.startsWith("00000000-0000-0000");
    }

    /** True when a user label is an id rather than a name: unfinished sign-ins often carry only that. */
    static boolean looksLikeId(String label) {
        return label != null && label.length() == 36 && label.charAt(8) == '-' && label.charAt(13) == '-'
                && label.indexOf('@') < 0;
    }
}
