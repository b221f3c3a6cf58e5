package io.signdx.scenario.conditionalaccess.internal;

import java.util.List;
import java.util.Locale;

import io.signdx.api.model.SignIn;

/**
 * Plain-text helpers shared by the detectors. Every value read from a record or a snapshot is
 * attacker-controlled: it is only ever put into strings and table cells, cut to a readable length and
 * folded onto one line.
 */
final class Text {
    /** Record texts may be long; sentences quote only this much of one value. */
    static final int QUOTE_LIMIT = 160;
    /** Table cells hold whole explanations, still bounded. */
    static final int CELL_LIMIT = 480;
    /** How many names a sentence lists before it says "and N more". */
    static final int NAMES_LISTED = 4;

    private Text() {
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static String text(String s) {
        return s == null ? "" : s;
    }

    static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }

    /** Lower case without spaces, dashes and underscores: exports spell enum values differently. */
    static String key(String s) {
        if (s == null) {
            return "";
        }
        if (isKey(s)) {
            return s; // most values already are: no copy on the hot path
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != ' ' && c != '_' && c != '-') {
                b.append(Character.toLowerCase(c));
            }
        }
        return b.toString();
    }

    private static boolean isKey(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ' ' || c == '_' || c == '-' || Character.isUpperCase(c)) {
                return false;
            }
        }
        return true;
    }

    /** The text on one line, whitespace runs folded, cut to {@link #QUOTE_LIMIT} characters. */
    static String quote(String value) {
        return fold(value, QUOTE_LIMIT);
    }

    /** As {@link #quote}, with room for the evaluator's longer explanations in a table cell. */
    static String cell(String value) {
        return fold(value, CELL_LIMIT);
    }

    private static String fold(String value, int limit) {
        if (value == null) {
            return "";
        }
        if (isClean(value, limit)) {
            return value; // most values need no folding: no copy on the hot path
        }
        StringBuilder b = new StringBuilder(Math.min(value.length(), limit + 1));
        boolean space = false;
        int i = 0;
        for (; i < value.length() && b.length() < limit; i++) {
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

    /** Short enough, printable, single spaces only and not padded: returned as it is. */
    private static boolean isClean(String value, int limit) {
        int n = value.length();
        if (n > limit || n == 0) {
            return n == 0;
        }
        if (value.charAt(0) == ' ' || value.charAt(n - 1) == ' ') {
            return false;
        }
        char previous = 'x';
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c < ' ' || c == 0x7f || c == ' ' && previous == ' '
                    || c > 0x7f && (Character.isWhitespace(c) || Character.isISOControl(c) || Character.isSpaceChar(c))) {
                return false;
            }
            previous = c;
        }
        return true;
    }

    /** "'A'", "'A' and 'B'", "'A', 'B', 'C' and 2 more". */
    static String names(List<String> names) {
        StringBuilder b = new StringBuilder();
        int shown = Math.min(names.size(), NAMES_LISTED);
        for (int i = 0; i < shown; i++) {
            if (i > 0) {
                b.append(i == shown - 1 && names.size() <= NAMES_LISTED ? " and " : ", ");
            }
            b.append('\'').append(quote(names.get(i))).append('\'');
        }
        if (names.size() > NAMES_LISTED) {
            b.append(" and ").append(names.size() - NAMES_LISTED).append(" more");
        }
        return b.toString();
    }

    /** "the sign-in of ann@contoso.example to Office 365 Exchange Online". */
    static String subject(SignIn s) {
        return "The sign-in of " + quote(s.userLabel()) + " to " + quote(s.appLabel());
    }

    /** "AADSTS53003". */
    static String code(SignIn s) {
        return "AADSTS" + s.errorCode();
    }

    /** "the IP address 192.0.2.7 (Amsterdam, NL)", or "an IP address not on the record". */
    static String address(SignIn s) {
        if (blank(s.ipAddress())) {
            return "an IP address not on the record";
        }
        String where = s.location().display();
        return "the IP address " + quote(s.ipAddress()) + (where.isEmpty() ? "" : " (" + quote(where) + ")");
    }

    /** "iOS 18, not registered in Microsoft Entra ID" and the like: what the record says about the device. */
    static String device(SignIn s) {
        var d = s.deviceDetail();
        StringBuilder b = new StringBuilder();
        b.append(blank(d.operatingSystem()) ? "operating system not recorded" : quote(d.operatingSystem()));
        if (!blank(d.displayName())) {
            b.append(", device '").append(quote(d.displayName())).append('\'');
        }
        if (!d.isRegistered()) {
            b.append(", not registered in Microsoft Entra ID");
        } else {
            b.append(blank(d.trustType()) ? ", registered" : ", " + quote(d.trustType()));
            b.append(d.isCompliant() == null ? ", compliance not recorded"
                    : d.isCompliant() ? ", compliant" : ", not compliant");
            b.append(d.isManaged() == null ? "" : d.isManaged() ? ", managed" : ", not managed");
        }
        return b.toString();
    }

    static String plural(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
