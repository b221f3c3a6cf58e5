package io.signdx.scenario.credentials.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.signdx.api.model.SignIn;

/**
 * The burst of failed password attempts a sign-in belongs to, seen three ways, and its classification.
 *
 * <ul>
 * <li><b>IP run</b>: the failed attempts from the sign-in's IP address, each at most
 * {@link #IP_LINK} after the previous one, whoever they were for; and every sign-in from that address
 * until {@link #IP_LINK} after the last of them.</li>
 * <li><b>User run</b>: the user's failed attempts, each at most {@link #USER_LINK} after the previous
 * one, from wherever they came.</li>
 * <li><b>Client run</b>: the user's failed attempts from the same client (application, client app,
 * operating system, device; not IP, which a phone changes), each at most {@link #CLIENT_LINK} after the
 * previous one and with no success of that client in between.</li>
 * </ul>
 *
 * Runs are built from the gaps between attempts, not from a window around the diagnosed sign-in, so
 * every sign-in of one burst finds the same run and so the same classification. The rules, first match
 * wins: {@code spray} (IP run: at least {@value #SPRAY_MIN_ACCOUNTS} accounts, at most 20 % of them
 * also signed in from the address, failures at least half of the address's sign-ins), {@code brute-force}
 * (user run: at least {@value #BRUTE_MIN_PER_HOUR} attempts within one hour from at least
 * {@value #BRUTE_MIN_IPS} IP addresses), {@code typo} (client run of at most {@value #TYPO_MAX_ATTEMPTS}
 * attempts followed within {@link #TYPO_SUCCESS_WITHIN} by a success from the same client or IP address),
 * {@code stale-credential} (client run of at least {@value #STALE_MIN_ATTEMPTS} attempts over at least
 * {@link #STALE_MIN_SPAN}, at least 70 % of the intervals within half to one and a half times the median
 * interval), else {@code unknown}.
 */
final class Burst {
    static final String SPRAY = "spray";
    static final String BRUTE_FORCE = "brute-force";
    static final String TYPO = "typo";
    static final String STALE = "stale-credential";
    static final String UNKNOWN = "unknown";

    static final Duration IP_LINK = Duration.ofMinutes(15);
    static final int SPRAY_MIN_ACCOUNTS = 10;
    /** A shared office address shows the same people succeeding too; a sprayer's address does not. */
    static final double SPRAY_MAX_SUCCEEDED_SHARE = 0.2;
    static final double SPRAY_MIN_FAILURE_SHARE = 0.5;

    static final Duration USER_LINK = Duration.ofMinutes(10);
    static final int BRUTE_MIN_PER_HOUR = 10;
    static final int BRUTE_MIN_IPS = 3;

    static final Duration CLIENT_LINK = Duration.ofHours(2);
    static final int TYPO_MAX_ATTEMPTS = 5;
    static final Duration TYPO_SUCCESS_WITHIN = Duration.ofMinutes(15);
    static final int STALE_MIN_ATTEMPTS = 6;
    static final Duration STALE_MIN_SPAN = Duration.ofHours(1);
    /** Share of intervals within half to one and a half times the median: a timer, not a person. */
    static final double STALE_MIN_REGULAR_SHARE = 0.7;

    final String classification;
    final UserRun user;
    final ClientRun client;
    final IpRun ip;

    private Burst(String classification, UserRun user, ClientRun client, IpRun ip) {
        this.classification = classification;
        this.user = user;
        this.client = client;
        this.ip = ip;
    }

    /**
     * Classifies the burst of {@code target}.
     *
     * @param userView the user's sign-ins around the target (any outcome), may omit the target
     * @param ipView the sign-ins from the target's IP address around it (any outcome), may be empty
     */
    static Burst analyze(SignIn target, List<SignIn> userView, List<SignIn> ipView) {
        if (target.createdDateTime() == null) {
            return new Burst(UNKNOWN, UserRun.EMPTY, ClientRun.EMPTY, IpRun.EMPTY);
        }
        List<SignIn> user = SignInFacts.timedWith(userView, target);
        List<SignIn> attempts = new ArrayList<>();
        List<SignIn> successes = new ArrayList<>();
        for (SignIn s : user) {
            if (s == target || SignInFacts.isAttempt(s.errorCode())) {
                attempts.add(s);
            } else if (s.errorCode() == 0) {
                successes.add(s);
            }
        }
        UserRun u = UserRun.of(target, attempts, successes);
        ClientRun c = ClientRun.of(target, attempts, successes);
        IpRun i = SignInFacts.blank(target.ipAddress()) ? IpRun.EMPTY
                : IpRun.of(target, SignInFacts.timedWith(ipView, target));
        String classification = i.isSpray() ? SPRAY : u.isBruteForce() ? BRUTE_FORCE : c.isTypo() ? TYPO
                : c.isStale() ? STALE : UNKNOWN;
        return new Burst(classification, u, c, i);
    }

    /**
     * The run around {@code index} of the time-ordered {@code sorted}: neighbours at most
     * {@code maxGapSeconds} apart and not separated by {@code split}.
     */
    static List<SignIn> run(List<SignIn> sorted, int index, long maxGapSeconds, long[] split) {
        if (index < 0) {
            return List.of();
        }
        int from = index;
        while (from > 0 && linked(sorted.get(from - 1), sorted.get(from), maxGapSeconds, split)) {
            from--;
        }
        int to = index;
        while (to < sorted.size() - 1 && linked(sorted.get(to), sorted.get(to + 1), maxGapSeconds, split)) {
            to++;
        }
        return sorted.subList(from, to + 1);
    }

    private static boolean linked(SignIn a, SignIn b, long maxGapSeconds, long[] split) {
        if (SignInFacts.secondsBetween(a, b) > maxGapSeconds) {
            return false;
        }
        if (split.length == 0) {
            return true;
        }
        long from = a.createdDateTime().toEpochMilli();
        long to = b.createdDateTime().toEpochMilli();
        // a success later than a and no later than b ends the run (a success at a's very time does not)
        int at = Arrays.binarySearch(split, from + 1);
        int next = at >= 0 ? at : -at - 1;
        return next >= split.length || split[next] > to;
    }

    private static long[] millis(List<SignIn> signIns) {
        long[] out = new long[signIns.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = signIns.get(i).createdDateTime().toEpochMilli();
        }
        Arrays.sort(out);
        return out;
    }

    /** The user's attempts linked by short gaps: what a brute force looks like from the account's side. */
    static final class UserRun {
        static final UserRun EMPTY = new UserRun(List.of(), 0, 0, List.of(), List.of());

        final List<SignIn> attempts;
        final int distinctIps;
        final int maxPerHour;
        /** Successes of the user from one of the run's addresses, at or after its first attempt. */
        final List<SignIn> successesFromRunIps;
        /** Every success of the user that was looked at, oldest first. */
        final List<SignIn> successesOfUser;

        private UserRun(List<SignIn> attempts, int distinctIps, int maxPerHour, List<SignIn> successesFromRunIps,
                List<SignIn> successesOfUser) {
            this.attempts = attempts;
            this.distinctIps = distinctIps;
            this.maxPerHour = maxPerHour;
            this.successesFromRunIps = successesFromRunIps;
            this.successesOfUser = successesOfUser;
        }

        static UserRun of(SignIn target, List<SignIn> attempts, List<SignIn> successes) {
            List<SignIn> run = run(attempts, SignInFacts.indexOf(attempts, target), USER_LINK.toSeconds(),
                    new long[0]);
            Set<String> ips = new HashSet<>();
            for (SignIn s : run) {
                if (!SignInFacts.blank(s.ipAddress())) {
                    ips.add(s.ipAddress());
                }
            }
            List<SignIn> got = new ArrayList<>();
            for (SignIn s : successes) {
                if (!run.isEmpty() && !s.createdDateTime().isBefore(run.get(0).createdDateTime())
                        && s.ipAddress() != null && ips.contains(s.ipAddress())) {
                    got.add(s);
                }
            }
            return new UserRun(run, ips.size(), maxWithinHour(run), got, successes);
        }

        private static int maxWithinHour(List<SignIn> run) {
            int best = 0;
            int from = 0;
            for (int to = 0; to < run.size(); to++) {
                while (SignInFacts.secondsBetween(run.get(from), run.get(to)) >= 3600) {
                    from++;
                }
                best = Math.max(best, to - from + 1);
            }
            return best;
        }

        boolean isBruteForce() {
            return maxPerHour >= BRUTE_MIN_PER_HOUR && distinctIps >= BRUTE_MIN_IPS;
        }
    }

    /** The attempts of one client (app, client app, OS, device) of the user: typo or stale credential. */
    static final class ClientRun {
        static final ClientRun EMPTY = new ClientRun(List.of(), null, 0, 0, 0);

        final List<SignIn> attempts;
        /** The first success after the run from the same client or IP address within the typo limit, or null. */
        final SignIn successAfter;
        final long spanSeconds;
        final long medianGapSeconds;
        /** Share of intervals within half to one and a half times the median, 0 to 1. */
        final double regularShare;

        private ClientRun(List<SignIn> attempts, SignIn successAfter, long spanSeconds, long medianGapSeconds,
                double regularShare) {
            this.attempts = attempts;
            this.successAfter = successAfter;
            this.spanSeconds = spanSeconds;
            this.medianGapSeconds = medianGapSeconds;
            this.regularShare = regularShare;
        }

        static ClientRun of(SignIn target, List<SignIn> attempts, List<SignIn> successes) {
            List<SignIn> same = new ArrayList<>();
            for (SignIn s : attempts) {
                if (s == target || SignInFacts.sameClient(target, s)) {
                    same.add(s);
                }
            }
            List<SignIn> sameSuccesses = new ArrayList<>();
            for (SignIn s : successes) {
                if (SignInFacts.sameClient(target, s)) {
                    sameSuccesses.add(s);
                }
            }
            List<SignIn> run = run(same, SignInFacts.indexOf(same, target), CLIENT_LINK.toSeconds(),
                    millis(sameSuccesses));
            long[] gaps = new long[Math.max(0, run.size() - 1)];
            for (int i = 1; i < run.size(); i++) {
                gaps[i - 1] = SignInFacts.secondsBetween(run.get(i - 1), run.get(i));
            }
            long span = run.size() < 2 ? 0 : SignInFacts.secondsBetween(run.get(0), run.get(run.size() - 1));
            long median = median(gaps);
            return new ClientRun(run, successAfter(run, target, successes), span, median, regularShare(gaps, median));
        }

        private static SignIn successAfter(List<SignIn> run, SignIn target, List<SignIn> successes) {
            if (run.isEmpty()) {
                return null;
            }
            SignIn last = run.get(run.size() - 1);
            for (SignIn s : successes) {
                long after = SignInFacts.secondsBetween(last, s);
                boolean sameSource = SignInFacts.sameClient(target, s)
                        || !SignInFacts.blank(last.ipAddress()) && last.ipAddress().equals(s.ipAddress());
                if (after >= 0 && after <= TYPO_SUCCESS_WITHIN.toSeconds() && sameSource) {
                    return s;
                }
            }
            return null;
        }

        private static long median(long[] gaps) {
            if (gaps.length == 0) {
                return 0;
            }
            long[] sorted = gaps.clone();
            Arrays.sort(sorted);
            return sorted[sorted.length / 2];
        }

        private static double regularShare(long[] gaps, long median) {
            if (gaps.length == 0 || median <= 0) {
                return 0;
            }
            int near = 0;
            for (long g : gaps) {
                if (2 * g >= median && 2 * g <= 3 * median) {
                    near++;
                }
            }
            return (double) near / gaps.length;
        }

        boolean isTypo() {
            return !attempts.isEmpty() && attempts.size() <= TYPO_MAX_ATTEMPTS && successAfter != null;
        }

        boolean isRegular() {
            return regularShare >= STALE_MIN_REGULAR_SHARE;
        }

        boolean isStale() {
            return attempts.size() >= STALE_MIN_ATTEMPTS && spanSeconds >= STALE_MIN_SPAN.toSeconds() && isRegular();
        }
    }

    /** The failed attempts from one IP address linked by short gaps, across accounts: a spray. */
    static final class IpRun {
        static final IpRun EMPTY = new IpRun(List.of(), Map.of(), 0, 0);

        final List<SignIn> attempts;
        /** Per account (lower-case key): its label, attempts, codes, and whether it also succeeded here. */
        final Map<String, Account> accounts;
        /** Every sign-in from the address from the run's first attempt to {@link #IP_LINK} after its last. */
        final int signIns;
        final int accountsSucceeded;

        private IpRun(List<SignIn> attempts, Map<String, Account> accounts, int signIns, int accountsSucceeded) {
            this.attempts = attempts;
            this.accounts = accounts;
            this.signIns = signIns;
            this.accountsSucceeded = accountsSucceeded;
        }

        static IpRun of(SignIn target, List<SignIn> fromIp) {
            List<SignIn> failed = new ArrayList<>();
            for (SignIn s : fromIp) {
                if (s == target || SignInFacts.isAttempt(s.errorCode())) {
                    failed.add(s);
                }
            }
            List<SignIn> run = run(failed, SignInFacts.indexOf(failed, target), IP_LINK.toSeconds(), new long[0]);
            if (run.isEmpty()) {
                return EMPTY;
            }
            Map<String, Account> accounts = new LinkedHashMap<>();
            for (SignIn s : run) {
                accounts.computeIfAbsent(SignInFacts.accountKey(s), k -> new Account(s.userLabel())).add(s);
            }
            long from = run.get(0).createdDateTime().getEpochSecond();
            long to = run.get(run.size() - 1).createdDateTime().getEpochSecond() + IP_LINK.toSeconds();
            int all = 0;
            int succeeded = 0;
            for (SignIn s : fromIp) {
                long t = s.createdDateTime().getEpochSecond();
                if (t < from || t > to) {
                    continue;
                }
                all++;
                Account a = s.errorCode() == 0 ? accounts.get(SignInFacts.accountKey(s)) : null;
                if (a != null && !a.succeededHere) {
                    a.succeededHere = true;
                    succeeded++;
                }
            }
            return new IpRun(run, accounts, all, succeeded);
        }

        double failureShare() {
            return signIns == 0 ? 0 : (double) attempts.size() / signIns;
        }

        boolean isSpray() {
            return accounts.size() >= SPRAY_MIN_ACCOUNTS
                    && accountsSucceeded <= SPRAY_MAX_SUCCEEDED_SHARE * accounts.size()
                    && failureShare() >= SPRAY_MIN_FAILURE_SHARE;
        }
    }

    /** One account tried from an address. */
    static final class Account {
        final String label;
        int attempts;
        final Set<Integer> codes = new TreeSet<>();
        boolean succeededHere;

        Account(String label) {
            this.label = label;
        }

        void add(SignIn s) {
            attempts++;
            codes.add(s.errorCode());
        }
    }
}
