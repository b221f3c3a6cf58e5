package io.signdx.console.internal;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.jar.JarFile;

import io.signdx.api.detector.Actor;
import io.signdx.api.detector.Confidence;
import io.signdx.api.detector.EvidenceTable;
import io.signdx.api.detector.Finding;
import io.signdx.api.engine.AuditEntry;
import io.signdx.api.engine.AuditLog;
import io.signdx.api.engine.DetectorInfo;
import io.signdx.api.engine.DetectorState;
import io.signdx.api.engine.Diagnosis;
import io.signdx.api.engine.DiagnosisService;
import io.signdx.api.engine.ModuleInfo;
import io.signdx.api.engine.ModuleService;
import io.signdx.api.engine.SupportDetails;
import io.signdx.api.ingest.ReadReport;
import io.signdx.api.ingest.Rejection;
import io.signdx.api.ingest.SignInReadException;
import io.signdx.api.ingest.SignInReader;
import io.signdx.api.ingest.SignInStore;
import io.signdx.api.ingest.StoreResult;
import io.signdx.api.model.SignIn;
import io.signdx.api.model.Status;
import io.signdx.api.source.Page;
import io.signdx.api.source.SignInQuery;
import io.signdx.api.source.SignInSource;
import io.signdx.api.tenant.TenantContext;

/** Stand-ins for the platform services the console uses, with real enough behaviour to test against. */
final class Fakes {
    private Fakes() {
    }

    /** The configuration with its defaults, some overridden. */
    static ConsoleConfig config(Map<String, Object> overrides) {
        return (ConsoleConfig) Proxy.newProxyInstance(ConsoleConfig.class.getClassLoader(),
                new Class<?>[] {ConsoleConfig.class}, (proxy, method, args) -> {
                    if (method.getName().equals("annotationType")) {
                        return ConsoleConfig.class;
                    }
                    Object v = overrides.get(method.getName());
                    return v != null ? v : method.getDefaultValue();
                });
    }

    static final class Audit implements AuditLog {
        final List<AuditEntry> entries = new CopyOnWriteArrayList<>();

        @Override
        public void record(String actor, String action, String target, String detail) {
            entries.add(new AuditEntry(Instant.now(), actor, action, target, detail));
        }

        @Override
        public List<AuditEntry> recent(int max) {
            return List.copyOf(entries.subList(Math.max(0, entries.size() - max), entries.size()));
        }

        List<String> actions() {
            return entries.stream().map(e -> e.actor() + " " + e.action() + " " + e.target()).toList();
        }
    }

    /** The store: in memory, answering as the real one (flagged first, newest first, duplicates by id and time). */
    static final class Store implements SignInSource, SignInStore {
        final List<SignIn> all = new CopyOnWriteArrayList<>();
        int queries;

        @Override
        public synchronized Page<SignIn> query(SignInQuery q) {
            queries++;
            List<SignIn> matching = matching(q);
            List<SignIn> page = q.offset() >= matching.size() ? List.of()
                    : matching.subList(q.offset(), Math.min(matching.size(), q.offset() + q.limit()));
            return new Page<>(page, q.offset(), matching.size());
        }

        @Override
        public long count(SignInQuery q) {
            return matching(q).size();
        }

        private List<SignIn> matching(SignInQuery q) {
            return all.stream().filter(q::matches)
                    .sorted(Comparator.comparing((SignIn s) -> !s.flaggedForReview())
                            .thenComparing(SignIn::createdDateTime, Comparator.nullsLast(Comparator.reverseOrder())))
                    .toList();
        }

        @Override
        public synchronized StoreResult store(List<SignIn> batch) {
            Set<String> keys = new HashSet<>();
            all.forEach(s -> keys.add(s.id() + "|" + s.createdDateTime()));
            int stored = 0;
            for (SignIn s : batch) {
                if (keys.add(s.id() + "|" + s.createdDateTime())) {
                    all.add(s);
                    stored++;
                }
            }
            return new StoreResult(stored, batch.size() - stored);
        }

        @Override
        public long size() {
            return all.size();
        }

        /** What bulk writes asked: "add N", "commit N". */
        final List<String> log = new CopyOnWriteArrayList<>();

        /**
         * A transaction as the real store keeps one: nothing is visible before the commit, and a sign-in whose id
         * is {@link #POISON} fails its batch and discards everything since the last commit.
         */
        @Override
        public Bulk bulk() {
            List<SignIn> pending = new ArrayList<>();
            return new Bulk() {
                @Override
                public StoreResult add(List<SignIn> batch) {
                    log.add("add " + batch.size());
                    if (batch.stream().anyMatch(s -> POISON.equals(s.id()))) {
                        int lost = pending.size();
                        pending.clear();
                        throw new java.io.UncheckedIOException("cannot store " + batch.size() + " sign-ins: disk full "
                                + "(nothing since the last commit was kept: " + (lost + batch.size()) + " sign-ins)",
                                new java.io.IOException("disk full"));
                    }
                    Set<String> keys = new HashSet<>();
                    all.forEach(s -> keys.add(s.id() + "|" + s.createdDateTime()));
                    pending.forEach(s -> keys.add(s.id() + "|" + s.createdDateTime()));
                    int stored = 0;
                    for (SignIn s : batch) {
                        if (keys.add(s.id() + "|" + s.createdDateTime())) {
                            pending.add(s);
                            stored++;
                        }
                    }
                    return new StoreResult(stored, batch.size() - stored);
                }

                @Override
                public void commit() {
                    if (!pending.isEmpty()) {
                        log.add("commit " + pending.size());
                        all.addAll(pending);
                        pending.clear();
                    }
                }

                @Override
                public void close() {
                    commit();
                }
            };
        }
    }

    /** The id of a sign-in the fake store fails to store. */
    static final String POISON = "poison";

    /**
     * The engine: the primary scenario is {@code test.code-<errorCode>} (or {@code none} for a success),
     * and the finding repeats record text, as real detectors do.
     */
    static final class Engine implements DiagnosisService {
        final Set<String> disabled = new HashSet<>();

        @Override
        public Diagnosis diagnose(SignIn s, TenantContext tenant) {
            List<Finding> findings = new ArrayList<>();
            String scenario = "test.code-" + s.errorCode();
            if (s.errorCode() != 0 && !disabled.contains(scenario)) {
                Finding.Builder f = Finding.builder(scenario).title("Code " + s.errorCode()).confidence(Confidence.HIGH)
                        .assessment("The app " + s.appDisplayName() + " said: " + s.status().failureReason())
                        .evidence(new EvidenceTable("Agent", List.of("User agent"), List.of(List.of(
                                String.valueOf(s.userAgent())))))
                        .recommend(Actor.ADMIN, "Look at " + s.userPrincipalName(), null);
                if (tenant.isEmpty()) {
                    f.missing("tenant snapshot");
                }
                findings.add(f.build());
            }
            return new Diagnosis(s, findings.isEmpty() ? Diagnosis.NO_SCENARIO : scenario, findings,
                    new SupportDetails(s.id(), s.correlationId(), s.createdDateTime(), s.errorCode(),
                            s.userPrincipalName(), s.appId()), List.of());
        }

        @Override
        public void diagnoseAll(List<SignIn> signIns, TenantContext tenant, Related related, Consumer<Diagnosis> sink) {
            signIns.forEach(s -> sink.accept(diagnose(s, tenant)));
        }
    }

    /**
     * Modules as the platform lists them: one core bundle with a detector, and whatever jar is in the
     * deploy folder (read as the platform's watcher would install it).
     */
    static final class Modules implements ModuleService {
        final Path deploy;
        final Map<String, Boolean> switches = new HashMap<>();
        final List<String> calls = new CopyOnWriteArrayList<>();

        Modules(Path deploy) {
            this.deploy = deploy;
        }

        @Override
        public List<ModuleInfo> modules() {
            List<ModuleInfo> out = new ArrayList<>();
            out.add(new ModuleInfo(5, "io.signdx.scenario.credentials", "0.1.0", "ACTIVE", "core",
                    switches.getOrDefault("io.signdx.scenario.credentials", true), List.of("credentials.invalid-password"),
                    null));
            try (var files = Files.list(deploy)) {
                for (Path jar : files.filter(p -> p.toString().endsWith(".jar")).toList()) {
                    try (JarFile jf = new JarFile(jar.toFile())) {
                        var a = jf.getManifest().getMainAttributes();
                        String bsn = a.getValue("Bundle-SymbolicName").split(";")[0].trim();
                        out.add(new ModuleInfo(100, bsn, a.getValue("Bundle-Version"), "ACTIVE",
                                "deploy/" + jar.getFileName(), switches.getOrDefault(bsn, true), List.of(bsn + ".check"),
                                null));
                    } catch (IOException | RuntimeException e) {
                        out.add(new ModuleInfo(-1, jar.getFileName().toString(), null, "FAILED",
                                "deploy/" + jar.getFileName(), false, List.of(), "not a valid jar"));
                    }
                }
            } catch (IOException e) {
                // no deploy folder: nothing deployed
            }
            return out;
        }

        @Override
        public List<DetectorInfo> detectors() {
            List<DetectorInfo> out = new ArrayList<>();
            for (ModuleInfo m : modules()) {
                for (String s : m.scenarios()) {
                    boolean on = switches.getOrDefault(s, true) && m.enabled();
                    out.add(new DetectorInfo(s, "test", "Detector " + s, m.symbolicName(), m.version(),
                            on ? DetectorState.ACTIVE : DetectorState.DISABLED, 3, 1, 0, null));
                }
            }
            return out;
        }

        @Override
        public boolean setEnabled(String id, boolean enabled, String actor) {
            boolean known = modules().stream().anyMatch(m -> m.symbolicName().equals(id) || m.scenarios().contains(id));
            if (!known) {
                throw new IllegalArgumentException("no detector or bundle is named '" + id + "'");
            }
            calls.add(actor + " " + id + "=" + enabled);
            Boolean before = switches.put(id, enabled);
            return before == null ? !enabled : before != enabled;
        }

        @Override
        public boolean awaitSettled(Duration timeout) {
            return true;
        }
    }

    /**
     * Reads a tiny line format, one sign-in per line: {@code id;upn;time;errorCode}. A line with another
     * number of fields is rejected; a file whose first line is {@code garbage} cannot be read at all.
     */
    static final class Reader implements SignInReader {
        @Override
        public ReadReport read(Path file, boolean strict, Consumer<SignIn> sink) throws SignInReadException, IOException {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            String name = file.getFileName().toString();
            if (!lines.isEmpty() && lines.get(0).equals("garbage")) {
                throw new SignInReadException(name + ": not a sign-in export (line 1)");
            }
            List<Rejection> rejected = new ArrayList<>();
            long read = 0;
            for (int i = 0; i < lines.size(); i++) {
                String[] f = lines.get(i).split(";", -1);
                if (f.length != 4) {
                    rejected.add(new Rejection(name, i + 1, i + 1, "expected 4 fields, found " + f.length));
                    continue;
                }
                int code = Integer.parseInt(f[3]);
                sink.accept(SignIn.builder().id(f[0]).userPrincipalName(f[1]).createdDateTime(Instant.parse(f[2]))
                        .status(new Status(code, code == 0 ? null : "failure " + code, null)).origin(name + "#" + (i + 1))
                        .build());
                read++;
            }
            return new ReadReport(name, "test lines", read, rejected, rejected.size());
        }
    }
}
