package io.signdx.bench.policy;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import io.signdx.api.tenant.DirectoryUser;
import io.signdx.api.tenant.NamedLocation;
import io.signdx.policy.Evaluation;
import io.signdx.policy.Grant;
import io.signdx.policy.PolicyEvaluator;
import io.signdx.policy.SignInFacts;
import io.signdx.policy.internal.ConditionalAccessEvaluator;

/**
 * Times the Conditional Access evaluation of single sign-ins against a tenant of 50 realistic policies
 * (DESIGN §10: a single diagnosis including CA evaluation of 50 policies, p99 ≤ 5 ms). Prints figures,
 * asserts nothing.
 *
 * <p>Usage: {@code PolicyBenchmark [SIGN_INS] [ROUNDS] [SEED]} (defaults 10,000, 3, 42).
 */
public final class PolicyBenchmark {
    private static final String[] PLATFORMS = {"windows", "windows", "windows", "macOS", "iOS", "iOS", "android", "linux",
        "unknown", null};
    private static final String[] CLIENT_APPS = {"browser", "browser", "mobileAppsAndDesktopClients",
        "mobileAppsAndDesktopClients", "mobileAppsAndDesktopClients", "exchangeActiveSync", "other", null};
    private static final String[] RISK = {"none", "none", "none", "none", "none", "none", "low", "medium", "high", "hidden", null};

    private PolicyBenchmark() {
    }

    public static void main(String[] args) {
        int count = args.length > 0 ? Integer.parseInt(args[0].replace(",", "").replace("_", "")) : 10_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 42L;

        long t0 = System.nanoTime();
        SyntheticTenant tenant = new SyntheticTenant(seed);
        List<SignInFacts> signIns = signIns(tenant, count, new Random(seed + 1));
        System.out.printf("tenant: %d policies (%d enabled, %d report-only, %d off), %d named locations, %d users, %d groups; "
                + "%,d synthetic sign-ins (built in %.0f ms)%n", tenant.policies().size(),
                tenant.policies().stream().filter(p -> p.enabled()).count(),
                tenant.policies().stream().filter(p -> p.reportOnly()).count(),
                tenant.policies().stream().filter(p -> !p.enabled() && !p.reportOnly()).count(),
                tenant.namedLocations().size(), tenant.userList.size(), tenant.groupIds.size(), signIns.size(),
                (System.nanoTime() - t0) / 1e6);

        PolicyEvaluator evaluator = new ConditionalAccessEvaluator();
        long c0 = System.nanoTime();
        evaluator.evaluate(signIns.get(0), tenant);
        System.out.printf("first evaluation (compiles the 50 policies once): %.2f ms%n", (System.nanoTime() - c0) / 1e6);

        // warm-up: two passes over every sign-in
        Map<Grant.Outcome, Integer> outcomes = new EnumMap<>(Grant.Outcome.class);
        int conditions = 0;
        for (int pass = 0; pass < 2; pass++) {
            for (SignInFacts f : signIns) {
                Evaluation e = evaluator.evaluate(f, tenant);
                if (pass == 0) {
                    outcomes.merge(e.grant().outcome(), 1, Integer::sum);
                    conditions += e.policies().size() * e.policies().get(0).conditions().size();
                }
            }
        }
        System.out.println("outcomes over the sign-ins: " + outcomes + "; " + conditions / signIns.size()
                + " condition verdicts per evaluation");

        // wall time per evaluation, and the thread's CPU time: on a busy machine the difference is time the
        // thread waited for a core, which no code change removes
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        boolean cpu = mx.isCurrentThreadCpuTimeSupported();
        long[] times = new long[signIns.size() * rounds];
        long[] cpuTimes = new long[times.length];
        int n = 0;
        long sink = 0;
        long start = System.nanoTime();
        long cpuStart = cpu ? mx.getCurrentThreadCpuTime() : 0;
        for (int round = 0; round < rounds; round++) {
            for (SignInFacts f : signIns) {
                long c = cpu ? mx.getCurrentThreadCpuTime() : 0;
                long a = System.nanoTime();
                Evaluation e = evaluator.evaluate(f, tenant);
                times[n] = System.nanoTime() - a;
                cpuTimes[n++] = cpu ? mx.getCurrentThreadCpuTime() - c : 0;
                sink += e.policies().size();
            }
        }
        long total = System.nanoTime() - start;
        long cpuTotal = cpu ? mx.getCurrentThreadCpuTime() - cpuStart : 0;
        Arrays.sort(times);
        Arrays.sort(cpuTimes);
        System.out.printf("single evaluation of one sign-in against 50 policies (%,d timed, %d rounds):%n", times.length, rounds);
        System.out.printf("  p50 %.3f ms   p90 %.3f ms   p99 %.3f ms   p99.9 %.3f ms   max %.3f ms   [target p99 <= 5 ms]%n",
                pct(times, 50), pct(times, 90), pct(times, 99), pct(times, 99.9), times[times.length - 1] / 1e6);
        System.out.printf("  throughput, one thread: %,.0f evaluations/s (%d policies each)%n", times.length / (total / 1e9),
                sink / times.length);
        if (cpu) {
            System.out.printf("  thread CPU time per evaluation (excludes waiting for a core; includes the timer's own cost):%n"
                    + "  p50 %.3f ms   p90 %.3f ms   p99 %.3f ms   max %.3f ms;  %,.0f evaluations per CPU-second%n",
                    pct(cpuTimes, 50), pct(cpuTimes, 90), pct(cpuTimes, 99), cpuTimes[cpuTimes.length - 1] / 1e6,
                    times.length / (cpuTotal / 1e9));
        }
        System.out.printf("machine: %d cores, %s, load average %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"), loadAverage());
    }

    private static double pct(long[] sorted, double p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    private static String loadAverage() {
        try {
            return new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of("/proc/loadavg"))).trim();
        } catch (java.io.IOException | RuntimeException e) {
            return "n/a";
        }
    }

    /** Varied sign-ins: known and unknown users, guests, admins, offices and travel, devices of every kind. */
    static List<SignInFacts> signIns(SyntheticTenant t, int count, Random r) {
        List<SignInFacts> out = new ArrayList<>(count);
        List<NamedLocation> locations = t.locationList();
        for (int i = 0; i < count; i++) {
            SignInFacts.Builder b = SignInFacts.builder();
            int kind = r.nextInt(100);
            if (kind < 3) {
                // a workload identity
                b.servicePrincipalId(t.servicePrincipalIds.get(r.nextInt(t.servicePrincipalIds.size())))
                        .servicePrincipalRisk(RISK[r.nextInt(RISK.length)]);
            } else if (kind < 88) {
                DirectoryUser u = t.userList.get(r.nextInt(t.userList.size()));
                b.userId(u.id());
                if (kind % 4 == 0) {
                    b.userPrincipalName(u.userPrincipalName());
                }
            } else {
                // a user the snapshot does not hold, with or without the membership given
                b.userPrincipalName("visitor" + i + "@contoso.example").userType("Member");
                if (kind % 2 == 0) {
                    b.groupIds(Set.of(t.groupIds.get(1 + r.nextInt(199)))).roleTemplateIds(Set.of());
                }
                if (kind % 5 == 0) {
                    b.guestOrExternalUserType("b2bDirectConnectUser").homeTenantId(r.nextBoolean() ? t.partnerTenant : null);
                }
            }
            b.appId(t.appIds.get(r.nextInt(t.appIds.size())));
            if (r.nextInt(50) == 0) {
                b.appId(null).userAction("urn:user:registersecurityinfo");
            }
            b.authenticationContexts(r.nextInt(20) == 0 ? Set.of("c1") : Set.of());
            int where = r.nextInt(10);
            if (where < 4) {
                NamedLocation office = locations.get(r.nextInt(10));
                String range = office.ipRanges().get(r.nextInt(office.ipRanges().size()));
                b.ipAddress(addressIn(range, r)).country("NL");
            } else if (where < 9) {
                b.ipAddress((60 + r.nextInt(150)) + "." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254)))
                        .country(r.nextInt(15) == 0 ? null : SyntheticTenant.COUNTRIES[r.nextInt(SyntheticTenant.COUNTRIES.length)]);
            } else {
                b.ipAddress(r.nextBoolean() ? "10." + r.nextInt(256) + ".1.2" : "2001:db8:ffff::" + Integer.toHexString(r.nextInt(65536)))
                        .country(r.nextBoolean() ? "unknown" : null);
            }
            b.platform(PLATFORMS[r.nextInt(PLATFORMS.length)]).clientAppType(CLIENT_APPS[r.nextInt(CLIENT_APPS.length)])
                    .signInRisk(RISK[r.nextInt(RISK.length)]).userRisk(RISK[r.nextInt(RISK.length)])
                    .insiderRisk(r.nextInt(10) == 0 ? "elevated" : "minor")
                    .authenticationFlow(r.nextInt(40) == 0 ? "deviceCodeFlow" : "none");
            int device = r.nextInt(10);
            if (device < 3) {
                b.deviceProperties(Map.of());
            } else if (device < 9) {
                b.deviceProperties(Map.of("deviceId", SyntheticTenant.uuid(r), "trustType",
                        device < 5 ? "AzureAD" : device < 7 ? "ServerAD" : "Workplace", "isCompliant", r.nextBoolean() ? "True" : "False",
                        "isManaged", "True", "operatingSystemVersion", r.nextBoolean() ? "10.0.19045" : "10.0.14393",
                        "extensionAttribute1", r.nextInt(5) == 0 ? "PAW" : ""));
            }
            out.add(b.build());
        }
        return out;
    }

    private static String addressIn(String cidr, Random r) {
        if (cidr.contains(":")) {
            return cidr.substring(0, cidr.indexOf("::")) + ":" + Integer.toHexString(r.nextInt(65536)) + "::1";
        }
        String[] parts = cidr.substring(0, cidr.indexOf('/')).split("\\.");
        return parts[0] + "." + parts[1] + "." + parts[2] + "." + (1 + r.nextInt(254));
    }
}
