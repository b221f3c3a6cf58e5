package io.signdx.engine.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import io.signdx.api.detector.Actor;
import io.signdx.api.detector.Confidence;
import io.signdx.api.detector.EvidenceTable;
import io.signdx.api.detector.Finding;
import io.signdx.api.engine.Diagnosis;
import io.signdx.api.engine.DiagnosisService;
import io.signdx.api.engine.SupportDetails;
import io.signdx.api.model.SignIn;
import io.signdx.api.source.SignInSource;
import io.signdx.api.tenant.TenantContext;
import io.signdx.engine.internal.DetectorRunner.Job;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The diagnosis engine: picks the detectors whose pre-filter matches a sign-in, runs them through
 * the {@link DetectorRunner}, turns failures into "detector failed" findings, quarantines detectors
 * that keep failing and ranks the findings into one {@link Diagnosis}.
 */
@Component(configurationPid = "io.signdx.engine", service = DiagnosisService.class)
@Designate(ocd = EngineConfig.class)
public final class Engine implements DiagnosisService, DetectorRunner.Outcomes {
    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);

    /** Sign-ins queued to the workers at a time in a bulk run. */
    static final int CHUNK = 64;

    private final DetectorRegistry registry;
    private final int quarantineAfter;
    private final int bulkWindow;
    private final int threads;
    private final DetectorRunner runner;
    private final List<SignInSource> sources = new CopyOnWriteArrayList<>();

    @Activate
    public Engine(@Reference DetectorRegistry registry, EngineConfig config) {
        this.registry = registry;
        this.quarantineAfter = Math.max(1, config.quarantineAfter());
        this.bulkWindow = Math.max(2 * CHUNK, config.bulkWindow());
        this.threads = config.threads() > 0 ? config.threads() : Runtime.getRuntime().availableProcessors();
        this.runner = new DetectorRunner(threads, Math.max(1, config.timeBudgetMillis()), this);
    }

    @Deactivate
    void deactivate() {
        runner.stop();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addSource(SignInSource source) {
        sources.add(source);
    }

    void removeSource(SignInSource source) {
        sources.remove(source);
    }

    @Override
    public Diagnosis diagnose(SignIn signIn, TenantContext tenant) {
        Job job = job(signIn, tenant, BatchIndex.EMPTY, List.copyOf(sources), true);
        runner.submit(job);
        return job.done.join().diagnosis;
    }

    @Override
    public void diagnoseAll(List<SignIn> signIns, TenantContext tenant, Related related, Consumer<Diagnosis> sink) {
        diagnoseAll(signIns, tenant, related, Detail.FULL, sink);
    }

    @Override
    public void diagnoseAll(List<SignIn> signIns, TenantContext tenant, Related related, Detail detail,
            Consumer<Diagnosis> sink) {
        boolean detailed = detail != Detail.SCENARIOS;
        BatchIndex batch = new BatchIndex(signIns);
        // one snapshot of the sources for the whole run
        List<SignInSource> from = related == Related.BATCH ? List.of() : List.copyOf(sources);
        ArrayDeque<Job> inFlight = new ArrayDeque<>();
        // small runs in smaller chunks, so that every worker gets a share
        int chunkSize = Math.max(1, Math.min(CHUNK, signIns.size() / (4 * threads)));
        List<Job> chunk = new ArrayList<>(chunkSize);
        for (SignIn s : signIns) {
            Job job = job(s, tenant, batch, from, detailed);
            chunk.add(job);
            inFlight.add(job);
            if (chunk.size() == chunkSize) {
                runner.submitAll(chunk);
                chunk = new ArrayList<>(chunkSize);
            }
            // the window is larger than a chunk: the oldest job in flight is always queued
            if (inFlight.size() >= bulkWindow) {
                sink.accept(inFlight.poll().done.join().diagnosis);
            }
        }
        if (!chunk.isEmpty()) {
            runner.submitAll(chunk);
        }
        while (!inFlight.isEmpty()) {
            sink.accept(inFlight.poll().done.join().diagnosis);
        }
    }

    private Job job(SignIn signIn, TenantContext tenant, BatchIndex batch, List<SignInSource> from,
            boolean detailed) {
        List<String> notes = Collections.synchronizedList(new ArrayList<>());
        TenantContext t = tenant == null ? TenantContext.empty() : tenant;
        Job job = new Job(signIn, new EngineContext(t, batch, from, notes, detailed),
                registry.active().forCode(signIn.errorCode()), notes);
        return job;
    }

    /** Ranks on the thread that finished the job, so that the thread writing the results only writes. */
    private Diagnosis toDiagnosis(Job job) {
        List<Finding> ranked;
        if (job.findings.size() < 2) {
            ranked = job.findings;
        } else {
            Map<String, Integer> specificity = new HashMap<>();
            for (DetectorHandle h : job.detectors) {
                specificity.put(h.scenario, h.specificity);
            }
            ranked = Ranking.rank(job.findings, specificity);
        }
        SignIn s = job.signIn;
        SupportDetails support = new SupportDetails(s.id(), s.correlationId(), s.createdDateTime(), s.errorCode(),
                s.userPrincipalName(), s.appId());
        return new Diagnosis(s, Ranking.primary(ranked), ranked, support, job.notes);
    }

    @Override
    public void succeeded(DetectorHandle h, List<Finding> findings, Job job) {
        for (Finding f : findings) {
            String problem = f == null ? "returned a null finding"
                    : f.detectorFailure() ? "returned a finding marked as a detector failure"
                    : !f.scenario().equals(h.scenario) ? "returned a finding for scenario '" + f.scenario()
                            + "' instead of its own '" + h.scenario + "'"
                    : null;
            if (problem != null) {
                failed(h, problem, job);
                return;
            }
        }
        h.succeeded();
        job.findings.addAll(findings);
    }

    @Override
    public void failed(DetectorHandle h, String why, Job job) {
        LOG.warn("detector {} ({} {}) failed on sign-in {}: {}", h.scenario, h.bundleSymbolicName, h.bundleVersion,
                job.signIn.id(), why);
        job.findings.add(failure(h, why));
        if (h.failed(why, quarantineAfter)) {
            LOG.error("detector {} quarantined after {} consecutive failures", h.scenario, quarantineAfter);
            registry.rebuild();
        }
    }

    @Override
    public void finished(Job job) {
        try {
            job.diagnosis = toDiagnosis(job);
        } catch (RuntimeException e) {
            LOG.error("could not rank the findings of sign-in {}", job.signIn.id(), e);
            SignIn s = job.signIn;
            job.diagnosis = new Diagnosis(s, Diagnosis.NO_SCENARIO, job.findings, new SupportDetails(s.id(),
                    s.correlationId(), s.createdDateTime(), s.errorCode(), s.userPrincipalName(), s.appId()),
                    List.of("the findings could not be ranked: " + e));
        } finally {
            // whatever happens, the caller waiting for this job must not wait forever
            job.done.complete(job);
        }
    }

    static Finding failure(DetectorHandle h, String why) {
        return Finding.builder(Diagnosis.DETECTOR_FAILED)
                .title("Detector " + h.scenario + " failed")
                .classification(h.scenario)
                .confidence(Confidence.HIGH)
                .detectorFailure(true)
                .assessment("The detector for scenario " + h.scenario + " from bundle " + h.bundleSymbolicName + " "
                        + h.bundleVersion + " failed on this sign-in: it " + why
                        + ". Its findings are missing from this diagnosis; the other detectors ran normally.")
                .evidence(new EvidenceTable("Failed detector", List.of("Scenario", "Bundle", "Version", "Problem"),
                        List.of(List.of(h.scenario, h.bundleSymbolicName, h.bundleVersion, why))))
                .recommend(Actor.ADMIN, "Check the SignDx log for this detector's errors. If it keeps failing the "
                        + "engine quarantines it; update the bundle " + h.bundleSymbolicName
                        + " or switch it off with 'signdx modules disable " + h.scenario + "'.", null)
                .recommend(Actor.VENDOR, "Fix the detector so that it returns within its time budget and never "
                        + "throws on partial or unexpected sign-in records.", null)
                .build();
    }
}
