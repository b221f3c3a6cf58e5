package io.signdx.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.signdx.api.detector.Finding;
import io.signdx.api.model.SignIn;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DetectorRunnerTest {
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    private final DetectorRunner.Outcomes outcomes = new DetectorRunner.Outcomes() {
        @Override
        public void succeeded(DetectorHandle h, List<Finding> findings, DetectorRunner.Job job) {
            job.findings.addAll(findings);
        }

        @Override
        public void failed(DetectorHandle h, String why, DetectorRunner.Job job) {
            failures.add(h.scenario + ": " + why);
        }

        @Override
        public void finished(DetectorRunner.Job job) {
            job.done.complete(job);
        }
    };
    private DetectorRunner runner;

    @AfterEach
    void stop() {
        runner.stop();
    }

    private DetectorRunner.Job run(List<DetectorHandle> detectors) throws Exception {
        DetectorRunner.Job job = new DetectorRunner.Job(SignIn.builder().id("s1").build(), null, detectors,
                new ArrayList<>());
        runner.submit(job);
        return job.done.get(10, TimeUnit.SECONDS);
    }

    @Test
    void runsEveryDetectorInOrder() throws Exception {
        runner = new DetectorRunner(2, 1000, outcomes);
        DetectorRunner.Job job = run(List.of(TestDetectors.handle("a.one", TestDetectors.finding("a.one"), null, 0, 50),
                TestDetectors.handle("a.two", TestDetectors.finding("a.two"), null, 0, 50)));
        assertEquals(List.of("a.one", "a.two"), job.findings.stream().map(Finding::scenario).toList());
        assertTrue(failures.isEmpty());
    }

    @Test
    void anOverrunIsTakenOverAndTheNextDetectorsStillRun() throws Exception {
        runner = new DetectorRunner(1, 1000, outcomes);
        DetectorHandle slow = TestDetectors.handle("a.slow", (s, c) -> {
            try {
                Thread.sleep(30_000);
            } catch (InterruptedException e) {
                // the watchdog interrupts the stuck thread; whatever it returns is discarded
            }
            return List.of(Finding.builder("a.slow").assessment("late").build());
        }, null, 50, 50);
        long start = System.nanoTime();
        DetectorRunner.Job job = run(List.of(slow, TestDetectors.handle("a.after", TestDetectors.finding("a.after"),
                null, 0, 50)));
        assertEquals(List.of("a.after"), job.findings.stream().map(Finding::scenario).toList());
        assertEquals(List.of("a.slow: exceeded its time budget of 50 ms"), failures);
        assertTrue(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start) < 10);
        // the replacement worker keeps the pool at its size for the next job
        assertEquals(List.of("a.after"), run(List.of(TestDetectors.handle("a.after", TestDetectors.finding("a.after"),
                null, 0, 50))).findings.stream().map(Finding::scenario).toList());
        assertEquals(1, runner.workers());
    }

    @Test
    void exceptionsAndNullResultsAreFailures() throws Exception {
        runner = new DetectorRunner(1, 1000, outcomes);
        DetectorRunner.Job job = run(List.of(TestDetectors.handle("a.throws", (s, c) -> {
            throw new IllegalArgumentException("bad record");
        }, null, 0, 50), TestDetectors.handle("a.null", (s, c) -> null, null, 0, 50),
                TestDetectors.handle("a.fine", TestDetectors.finding("a.fine"), null, 0, 50)));
        assertEquals(List.of("a.fine"), job.findings.stream().map(Finding::scenario).toList());
        assertEquals(List.of("a.throws: java.lang.IllegalArgumentException: bad record",
                "a.null: returned null instead of a list of findings"), failures);
    }

    @Test
    void aDetectorThatLeftIsSkippedNotFailed() throws Exception {
        runner = new DetectorRunner(1, 1000, outcomes);
        DetectorHandle gone = TestDetectors.handle("a.gone", TestDetectors.finding("a.gone"), null, 0, 50);
        gone.markGone();
        assertTrue(run(List.of(gone)).findings.isEmpty());
        assertTrue(failures.isEmpty());
    }

    @Test
    void aListThatBreaksWhenReadIsTheDetectorsFailureAndTheWorkerGoesOn() throws Exception {
        runner = new DetectorRunner(1, 1000, outcomes);
        List<Finding> broken = new java.util.AbstractList<>() {
            @Override
            public Finding get(int index) {
                throw new IllegalStateException("list of the detector broke");
            }

            @Override
            public int size() {
                return 1;
            }
        };
        DetectorRunner.Job job = run(List.of(TestDetectors.handle("a.broken-list", (s, c) -> broken, null, 0, 50),
                TestDetectors.handle("a.fine", TestDetectors.finding("a.fine"), null, 0, 50)));
        assertEquals(List.of("a.fine"), job.findings.stream().map(Finding::scenario).toList());
        assertEquals(List.of("a.broken-list: java.lang.IllegalStateException: list of the detector broke"), failures);
        assertEquals(List.of("a.fine"), run(List.of(TestDetectors.handle("a.fine", TestDetectors.finding("a.fine"),
                null, 0, 50))).findings.stream().map(Finding::scenario).toList(), "the worker still runs jobs");
    }

    @Test
    void aJumpOfTheWholeClockIsAPauseOfEveryoneNotAnOverrunOfTheDetector() throws Exception {
        java.util.concurrent.atomic.AtomicLong now = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.CountDownLatch entered = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        runner = new DetectorRunner(1, 100, outcomes, now::get);
        DetectorRunner.Job job = new DetectorRunner.Job(SignIn.builder().id("s1").build(), null, List.of(
                TestDetectors.handle("a.waits", (s, c) -> {
                    entered.countDown();
                    try {
                        release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return List.of();
                }, null, 0, 50)), new ArrayList<>());
        runner.submit(job);
        assertTrue(entered.await(5, TimeUnit.SECONDS));

        // a long garbage collection: the watchdog wakes up to find ten seconds gone, for everyone
        now.addAndGet(TimeUnit.SECONDS.toNanos(10));
        Thread.sleep(200);
        assertTrue(failures.isEmpty(), "not failed for time it did not have: " + failures);

        // then the detector really overruns its 100 ms, in steps the watchdog sees
        for (int i = 0; i < 4 && failures.isEmpty(); i++) {
            now.addAndGet(TimeUnit.MILLISECONDS.toNanos(60));
            Thread.sleep(150);
        }
        release.countDown();
        assertEquals(List.of("a.waits: exceeded its time budget of 100 ms"), failures);
    }
}
