package io.signdx.engine.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import io.signdx.api.detector.DetectionContext;
import io.signdx.api.detector.Finding;
import io.signdx.api.model.SignIn;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls detectors as untrusted code, without a thread hand-off per call (which would cost more than
 * the detectors themselves at 100,000 sign-ins per second).
 *
 * <p>A fixed set of workers takes chunks of {@link Job}s (a job is one sign-in and the detectors to
 * run on it; a bulk run queues them a few dozen at a time, so that queue hand-offs do not cost more
 * than the detectors) from a queue and calls the detectors one after another on their own thread. Each worker publishes the call
 * in progress; a watchdog looks at the workers a few times per budget. When a call overruns, the
 * watchdog takes the job away from the stuck worker (an atomic hand-over on the call's number),
 * records the overrun as that detector's failure, puts the chunk back at the head of the queue so a
 * fresh worker continues with the job's next detector, and starts that fresh worker. The stuck thread is
 * interrupted and, if it ever returns, sees it lost the job and ends itself.
 */
final class DetectorRunner {
    private static final Logger LOG = LoggerFactory.getLogger(DetectorRunner.class);

    /** What to do with a detector's outcome: findings or a failure text. */
    interface Outcomes {
        void succeeded(DetectorHandle h, List<Finding> findings, Job job);

        void failed(DetectorHandle h, String why, Job job);

        void finished(Job job);
    }

    /** One sign-in and the detectors still to run on it. Touched by one thread at a time. */
    static final class Job {
        final SignIn signIn;
        final DetectionContext context;
        final List<DetectorHandle> detectors;
        final List<Finding> findings = new ArrayList<>();
        final List<String> notes;
        final CompletableFuture<Job> done = new CompletableFuture<>();
        int next;
        /** Set by {@link Outcomes#finished} before {@link #done} completes. */
        io.signdx.api.engine.Diagnosis diagnosis;

        /** {@code notes} is shared with the context, which may add to it from the detector's thread. */
        Job(SignIn signIn, DetectionContext context, List<DetectorHandle> detectors, List<String> notes) {
            this.signIn = signIn;
            this.context = context;
            this.detectors = detectors;
            this.notes = notes;
        }
    }

    /** Jobs queued together; {@code index} is the job in progress. Touched by one thread at a time. */
    private static final class Chunk {
        final List<Job> jobs;
        int index;

        Chunk(List<Job> jobs) {
            this.jobs = jobs;
        }
    }

    private final class Worker implements Runnable {
        final AtomicLong call = new AtomicLong();
        volatile Chunk chunk;
        volatile Job job;
        volatile DetectorHandle handle;
        volatile long startNanos;
        volatile Thread thread;

        @Override
        public void run() {
            thread = Thread.currentThread();
            try {
                while (!stopped) {
                    Chunk c = queue.poll(200, TimeUnit.MILLISECONDS);
                    if (c != null && !runChunk(c)) {
                        return; // this thread overran a budget and was replaced
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                workers.remove(this);
            }
        }

        /** @return false when the watchdog took the chunk away while this thread was in a detector */
        private boolean runChunk(Chunk c) {
            chunk = c;
            while (c.index < c.jobs.size()) {
                if (!runJob(c.jobs.get(c.index))) {
                    return false;
                }
                c.index++;
            }
            return true;
        }

        /** @return false when the watchdog took the job away while this thread was in a detector */
        private boolean runJob(Job j) {
            while (j.next < j.detectors.size()) {
                DetectorHandle h = j.detectors.get(j.next);
                if (h.gone() || h.quarantined()) {
                    j.next++;
                    continue;
                }
                long id = callNumbers.incrementAndGet();
                job = j;
                handle = h;
                startNanos = clock.getAsLong();
                call.set(id);
                List<Finding> result = null;
                String error = null;
                try {
                    // copied while the call is still timed: the list is the detector's and may misbehave too
                    List<Finding> returned = h.detector.detect(j.signIn, j.context);
                    result = returned == null ? null : new ArrayList<>(returned);
                } catch (Throwable t) {
                    error = describe(t);
                }
                if (!call.compareAndSet(id, 0)) {
                    Thread.interrupted(); // clear the watchdog's interrupt before this thread ends
                    return false;
                }
                j.next++;
                try {
                    report(h, j, result, error);
                } catch (RuntimeException e) {
                    LOG.error("could not record the outcome of detector {}", h.scenario, e);
                }
            }
            finish(j);
            return true;
        }
    }

    private final Outcomes outcomes;
    private final LongSupplier clock;
    private final int size;
    private final long defaultBudgetNanos;
    private final BlockingDeque<Chunk> queue = new LinkedBlockingDeque<>();
    private final List<Worker> workers = new CopyOnWriteArrayList<>();
    private final AtomicLong callNumbers = new AtomicLong();
    private final AtomicInteger threadNumbers = new AtomicInteger();
    private final ScheduledExecutorService watchdog;
    private volatile boolean stopped;
    /** When the watchdog last looked; only the watchdog thread reads and writes it. */
    private long lastWatch;
    /** A gap between two looks longer than this means the watchdog was stalled, not the detectors. */
    private final long stallNanos;

    DetectorRunner(int threads, long defaultBudgetMillis, Outcomes outcomes) {
        this(threads, defaultBudgetMillis, outcomes, System::nanoTime);
    }

    /** With another clock, so that a test can make time jump as a long pause of the whole JVM does. */
    DetectorRunner(int threads, long defaultBudgetMillis, Outcomes outcomes, LongSupplier clock) {
        this.clock = clock;
        this.lastWatch = clock.getAsLong();
        this.outcomes = outcomes;
        this.size = Math.max(1, threads);
        this.defaultBudgetNanos = TimeUnit.MILLISECONDS.toNanos(defaultBudgetMillis);
        this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "signdx-watchdog"));
        for (int i = 0; i < size; i++) {
            startWorker();
        }
        long period = Math.max(5, Math.min(100, defaultBudgetMillis / 4));
        this.stallNanos = TimeUnit.MILLISECONDS.toNanos(Math.max(250, period * 10));
        watchdog.scheduleWithFixedDelay(this::watch, period, period, TimeUnit.MILLISECONDS);
    }

    void submit(Job job) {
        submitAll(List.of(job));
    }

    /** Queues jobs to be run in this order by one worker (another takes over if a detector hangs). */
    void submitAll(List<Job> jobs) {
        if (stopped) {
            throw new IllegalStateException("the engine is stopping");
        }
        queue.addLast(new Chunk(jobs));
        if (stopped) {
            drain(); // stop() ran meanwhile and may have emptied the queue before this chunk arrived
        }
    }

    void stop() {
        stopped = true;
        watchdog.shutdownNow();
        try {
            watchdog.awaitTermination(1, TimeUnit.SECONDS); // a take-over in progress re-queues first
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Worker w : workers) {
            long id = w.call.get();
            // a worker inside a detector loses its chunk, which is finished here with the others
            if (id != 0 && w.call.compareAndSet(id, 0)) {
                Chunk c = w.chunk;
                if (c != null) {
                    abandon(c);
                }
            }
            Thread t = w.thread;
            if (t != null) {
                t.interrupt();
            }
        }
        drain();
    }

    private void drain() {
        Chunk c;
        while ((c = queue.poll()) != null) {
            abandon(c);
        }
    }

    /** Finishes the chunk's remaining jobs with a note: the engine stopped before they were done. */
    private void abandon(Chunk c) {
        for (int i = c.index; i < c.jobs.size(); i++) {
            Job j = c.jobs.get(i);
            if (!j.done.isDone()) {
                j.notes.add("the engine stopped before this sign-in was fully diagnosed");
                finish(j);
            }
        }
    }

    int workers() {
        return workers.size();
    }

    /** Finishes a job; never throws, so that neither a worker nor the job's waiter is left behind. */
    private void finish(Job j) {
        try {
            outcomes.finished(j);
        } catch (RuntimeException e) {
            LOG.error("could not finish the diagnosis of sign-in {}", j.signIn.id(), e);
            j.done.complete(j);
        }
    }

    /** The text of a detector's exception, itself guarded: its message is the detector's code too. */
    private static String describe(Throwable t) {
        try {
            return t.getClass().getName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
        } catch (Throwable again) {
            return t.getClass().getName();
        }
    }

    private void report(DetectorHandle h, Job j, List<Finding> result, String error) {
        if (error != null) {
            if (h.gone()) {
                // Its bundle left during the call: not the detector's fault, and not the diagnosis's.
                j.notes.add("detector " + h.scenario + " was removed while it ran; its findings are left out");
                return;
            }
            outcomes.failed(h, error, j);
        } else if (result == null) {
            outcomes.failed(h, "returned null instead of a list of findings", j);
        } else {
            outcomes.succeeded(h, result, j);
        }
    }

    private void watch() {
        try {
            long now = clock.getAsLong();
            long gap = now - lastWatch;
            lastWatch = now;
            if (gap > stallNanos) {
                // The watchdog itself was held up (a long garbage collection or the machine stalled):
                // every call in progress was paused too, so none is judged on this time; each gets a
                // fresh budget from now.
                for (Worker w : workers) {
                    w.startNanos = now;
                }
                return;
            }
            for (Worker w : workers) {
                long id = w.call.get();
                if (id == 0) {
                    continue;
                }
                DetectorHandle h = w.handle;
                Job j = w.job;
                Chunk c = w.chunk;
                long budget = h.budgetMillis > 0 ? TimeUnit.MILLISECONDS.toNanos(h.budgetMillis) : defaultBudgetNanos;
                if (now - w.startNanos > budget && w.call.compareAndSet(id, 0)) {
                    takeOver(w, h, j, c, budget);
                }
            }
        } catch (RuntimeException e) {
            LOG.error("watchdog error", e);
        }
    }

    private void takeOver(Worker w, DetectorHandle h, Job j, Chunk c, long budgetNanos) {
        workers.remove(w);
        Thread stuck = w.thread;
        LOG.warn("detector {} exceeded its time budget of {} ms on thread {}; continuing on a new worker",
                h.scenario, TimeUnit.NANOSECONDS.toMillis(budgetNanos), stuck == null ? "?" : stuck.getName());
        j.next++;
        outcomes.failed(h, "exceeded its time budget of " + TimeUnit.NANOSECONDS.toMillis(budgetNanos) + " ms", j);
        if (stopped) {
            abandon(c);
        } else {
            queue.addFirst(c);
            startWorker();
        }
        if (stuck != null) {
            stuck.interrupt();
        }
    }

    private void startWorker() {
        Worker w = new Worker();
        workers.add(w);
        daemon(w, "signdx-detector-" + threadNumbers.incrementAndGet()).start();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
