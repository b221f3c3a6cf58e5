package io.signdx.scenario.legacyauth.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import io.signdx.api.detector.EvidenceTable;
import io.signdx.api.model.ClientApp;
import io.signdx.api.model.SignIn;

/**
 * Counts of legacy sign-ins among related ones, per protocol (one account) or per account and protocol
 * (one address). Sorted maps keep tables and sentences the same from run to run.
 */
final class LegacyActivity {
    /** User agents listed per row at most: enough to recognise the clients. */
    private static final int AGENTS_PER_ROW = 3;
    private static final int AGENT_LENGTH = 80;

    /** One group of legacy sign-ins. */
    static final class Tally {
        int total;
        int succeeded;
        Instant first;
        Instant last;
        final Set<String> agents = new TreeSet<>();

        void add(SignIn s) {
            total++;
            if (s.errorCode() == 0) {
                succeeded++;
            }
            Instant t = s.createdDateTime();
            if (t != null) {
                first = first == null || t.isBefore(first) ? t : first;
                last = last == null || t.isAfter(last) ? t : last;
            }
            String agent = s.userAgent();
            if (agent != null && !agent.isBlank() && agents.size() < AGENTS_PER_ROW) {
                agents.add(agent.length() > AGENT_LENGTH ? agent.substring(0, AGENT_LENGTH) + "…" : agent);
            }
        }

        int failed() {
            return total - succeeded;
        }
    }

    private final Map<String, Tally> byProtocol = new TreeMap<>();
    private final Map<List<String>, Tally> byAccount = new TreeMap<>((a, b) -> {
        int c = a.get(0).compareTo(b.get(0));
        return c != 0 ? c : a.get(1).compareTo(b.get(1));
    });
    private final Set<String> accounts = new TreeSet<>();

    /** Counts the legacy sign-ins among {@code signIns}, plus {@code current} when they do not hold it. */
    static LegacyActivity of(List<SignIn> signIns, SignIn current) {
        LegacyActivity a = new LegacyActivity();
        boolean seen = false;
        for (SignIn s : signIns) {
            seen |= s.equals(current);
            a.add(s);
        }
        if (!seen) {
            a.add(current);
        }
        return a;
    }

    private void add(SignIn s) {
        Protocols.Protocol protocol = Protocols.of(s.clientAppUsed());
        if (protocol == null) {
            return;
        }
        ClientApp app = protocol.app();
        String account = s.userLabel();
        byProtocol.computeIfAbsent(app.graphValue(), k -> new Tally()).add(s);
        byAccount.computeIfAbsent(List.of(account, app.graphValue()), k -> new Tally()).add(s);
        accounts.add(account);
    }

    Tally protocol(ClientApp app) {
        return byProtocol.getOrDefault(app.graphValue(), new Tally());
    }

    Map<String, Tally> protocols() {
        return byProtocol;
    }

    Set<String> accounts() {
        return accounts;
    }

    int total() {
        return byProtocol.values().stream().mapToInt(t -> t.total).sum();
    }

    EvidenceTable protocolTable(String title) {
        List<List<String>> rows = new ArrayList<>();
        byProtocol.forEach((protocol, t) -> rows.add(List.of(protocol, String.valueOf(t.total),
                String.valueOf(t.succeeded), String.valueOf(t.failed()), time(t.first), time(t.last),
                String.join("; ", t.agents))));
        return new EvidenceTable(title, List.of("Protocol", "Sign-ins", "Succeeded", "Failed", "First", "Last",
                "User agents"), rows);
    }

    EvidenceTable accountTable(String title) {
        List<List<String>> rows = new ArrayList<>();
        byAccount.forEach((key, t) -> rows.add(List.of(key.get(0), key.get(1), String.valueOf(t.total),
                String.valueOf(t.succeeded), time(t.last))));
        return new EvidenceTable(title, List.of("Account", "Protocol", "Sign-ins", "Succeeded", "Last"), rows);
    }

    static String time(Instant t) {
        return t == null ? "" : t.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
