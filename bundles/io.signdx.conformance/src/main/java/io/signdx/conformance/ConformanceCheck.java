package io.signdx.conformance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.signdx.api.detector.DetectionContext;
import io.signdx.api.detector.EvidenceTable;
import io.signdx.api.detector.Finding;
import io.signdx.api.detector.Recommendation;
import io.signdx.api.detector.ScenarioDetector;
import io.signdx.api.model.SignIn;
import io.signdx.api.source.SignInQuery;
import io.signdx.api.tenant.TenantContext;

/**
 * Runs a detector over sample sign-ins and reports every way it breaks the contract of
 * {@link ScenarioDetector}: it throws or returns {@code null}, answers the same sign-in differently
 * twice, overruns its time budget, or returns a finding of another scenario or one marked as a
 * detector failure. Calls run on a separate thread, so a detector that never returns is reported
 * (after its budget) instead of hanging the caller; that thread is then abandoned.
 */
public final class ConformanceCheck {
    /** The engine's default budget of one call, used when the declaration gives none. */
    public static final Duration DEFAULT_BUDGET = Duration.ofMillis(2000);
    /** At most this many problems are reported: the first ones say enough. */
    private static final int MAX_PROBLEMS = 20;

    private final Declaration declaration;
    private final Duration budget;

    /** Checks against a declaration, with its own time budget or the default one. */
    public ConformanceCheck(Declaration declaration) {
        this(declaration, DEFAULT_BUDGET);
    }

    /** Checks against a declaration, with {@code defaultBudget} when it declares none. */
    public ConformanceCheck(Declaration declaration, Duration defaultBudget) {
        this.declaration = declaration;
        // a budget of more than a day means "no limit" in practice; capped so that doubling it stays finite
        this.budget = declaration.timeBudgetMillis() > 0
                ? Duration.ofMillis(Math.min(declaration.timeBudgetMillis(), Duration.ofDays(1).toMillis()))
                : defaultBudget;
    }

    /** The quick form: the declaration and a few dozen samples (what the engine runs on arrival). */
    public List<Problem> quick(ScenarioDetector detector) {
        return run(detector, Samples.quick(declaration));
    }

    /** The full form: the declaration and {@code count} more random samples from {@code seed}. */
    public List<Problem> full(ScenarioDetector detector, long seed, int count) {
        return run(detector, Samples.full(declaration, seed, count));
    }

    /** Checks the declaration, then runs the detector over the sign-ins the declaration lets through. */
    public List<Problem> run(ScenarioDetector detector, List<SignIn> samples) {
        List<Problem> problems = new ArrayList<>();
        for (String p : declaration.problems()) {
            problems.add(new Problem("declaration", p));
        }
        if (!problems.isEmpty()) {
            return problems;
        }
        DetectionContext context = new SampleContext(samples, true);
        DetectionContext brief = new SampleContext(samples, false);
        ExecutorService caller = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "signdx-conformance " + declaration.scenario());
            t.setDaemon(true);
            return t;
        });
        try {
            for (SignIn s : samples) {
                if (problems.size() >= MAX_PROBLEMS) {
                    break;
                }
                if (!declaration.accepts(s.errorCode())) {
                    continue;
                }
                Call first = call(caller, detector, s, context, problems);
                if (first == null) {
                    break; // hung: the calling thread is lost, stop here
                }
                if (first.findings == null) {
                    continue; // threw or returned null: reported
                }
                Call second = call(caller, detector, s, context, problems);
                if (second == null) {
                    break;
                }
                if (second.findings != null && !first.described.equals(second.described)) {
                    problems.add(new Problem("determinism", "two calls on " + name(s) + " gave different findings"));
                }
                // counting by scenario asks without detail: the answer must be the same findings
                Call third = call(caller, detector, s, brief, problems);
                if (third == null) {
                    break;
                }
                if (third.findings != null && !scenarios(first.findings).equals(scenarios(third.findings))) {
                    problems.add(new Problem("detail", "without detail (DetectionContext.detailed() false) on " + name(s)
                            + " it gave " + scenarios(third.findings) + " instead of " + scenarios(first.findings)));
                }
                wellFormed(first.findings, s, problems);
            }
        } finally {
            caller.shutdownNow();
        }
        return problems;
    }

    /** A call's findings, copied and described on the calling thread, under the time limit. */
    private record Call(List<Finding> findings, String described) {
    }

    /** One call; {@code null} when it did not return within the budget. */
    private Call call(ExecutorService caller, ScenarioDetector detector, SignIn s, DetectionContext context,
            List<Problem> problems) {
        long started = System.nanoTime();
        // the returned list is the detector's too: copied and described while still under the limit
        Future<Call> f = caller.submit(() -> {
            List<Finding> returned = detector.detect(s, context);
            if (returned == null) {
                return new Call(null, null);
            }
            List<Finding> copy = new ArrayList<>(returned);
            return new Call(copy, describe(copy));
        });
        try {
            // twice the budget before giving up on the thread: a slow call is reported below anyway
            Call result = f.get(budget.toMillis() * 2, TimeUnit.MILLISECONDS);
            List<Finding> findings = result.findings();
            long millis = (System.nanoTime() - started) / 1_000_000;
            if (millis > budget.toMillis()) {
                problems.add(new Problem("time-budget", "took " + millis + " ms on " + name(s) + ", more than its "
                        + budget.toMillis() + " ms budget"));
            }
            if (findings == null) {
                problems.add(new Problem("robustness", "returned null instead of an empty list on " + name(s)));
            }
            return result;
        } catch (TimeoutException e) {
            f.cancel(true);
            problems.add(new Problem("time-budget", "did not return within " + budget.toMillis() * 2 + " ms on "
                    + name(s) + " (budget " + budget.toMillis() + " ms)"));
            return null;
        } catch (ExecutionException e) {
            problems.add(new Problem("robustness", "threw " + thrown(e.getCause()) + " on " + name(s)));
            return new Call(null, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            f.cancel(true);
            // never a pass: whoever interrupted the check learns that it did not finish
            problems.add(new Problem("interrupted", "the check was interrupted before it finished"));
            return null;
        }
    }

    private void wellFormed(List<Finding> findings, SignIn s, List<Problem> problems) {
        for (Finding f : findings) {
            if (f == null) {
                problems.add(new Problem("findings", "returned a null finding on " + name(s)));
            } else if (!declaration.scenario().equals(f.scenario())) {
                problems.add(new Problem("findings", "returned a finding of scenario '" + f.scenario()
                        + "' instead of its declared '" + declaration.scenario() + "' on " + name(s)));
            } else if (f.detectorFailure()) {
                problems.add(new Problem("findings", "returned a finding marked as a detector failure on " + name(s)));
            } else if (f.title().isBlank()) {
                problems.add(new Problem("findings", "returned a finding with a blank title on " + name(s)));
            }
        }
    }

    /** The exception's class, message and first frame; its message is the detector's code too. */
    private static String thrown(Throwable cause) {
        String text = cause.getClass().getName();
        try {
            if (cause.getMessage() != null) {
                text += ": " + cause.getMessage();
            }
            // the first frame outside the JDK: where the detector's own code went wrong
            for (StackTraceElement e : cause.getStackTrace()) {
                if (!e.getClassName().startsWith("java.") && !e.getClassName().startsWith("jdk.")
                        && !e.getClassName().startsWith("sun.")) {
                    text += " at " + e;
                    break;
                }
            }
        } catch (RuntimeException e) {
            // the class name says enough
        }
        return text;
    }

    /**
     * What a count by scenario sees of findings: scenario and classification of each, and the confidence,
     * which the engine's ranking uses to choose the primary scenario.
     */
    static List<String> scenarios(List<Finding> findings) {
        List<String> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            out.add(f == null ? "null" : f.scenario() + (f.classification() == null ? "" : "/" + f.classification())
                    + " (" + f.confidence() + ")");
        }
        return out;
    }

    /** Everything a reader of a finding sees, for comparing two answers. */
    static String describe(List<Finding> findings) {
        StringBuilder b = new StringBuilder();
        for (Finding f : findings) {
            if (f == null) {
                b.append("null;");
                continue;
            }
            b.append(f.scenario()).append('|').append(f.title()).append('|').append(f.confidence()).append('|')
                    .append(f.classification()).append('|').append(f.assessment()).append('|');
            for (EvidenceTable t : f.evidence()) {
                b.append(t.title()).append(t.columns()).append(t.rows());
            }
            for (Recommendation r : f.recommendations()) {
                b.append(r.actor()).append(r.action()).append(r.link());
            }
            b.append(f.missing()).append(';');
        }
        return b.toString();
    }

    private static String name(SignIn s) {
        String id = s.id() == null ? "(no id)" : s.id().length() > 40 ? s.id().substring(0, 40) + "…" : s.id();
        return "sample sign-in " + id.replace('\n', ' ') + " (error " + s.errorCode() + ")";
    }

    /** Related sign-ins come from the samples themselves, as in a bulk run over one file. */
    private static final class SampleContext implements DetectionContext {
        private static final Comparator<SignIn> OLDEST_FIRST = Comparator.comparing(SignIn::createdDateTime,
                Comparator.nullsFirst(Comparator.naturalOrder()));

        private final List<SignIn> samples;

        private final boolean detailed;

        SampleContext(List<SignIn> samples, boolean detailed) {
            this.samples = samples;
            this.detailed = detailed;
        }

        @Override
        public boolean detailed() {
            return detailed;
        }

        @Override
        public TenantContext tenant() {
            return TenantContext.empty();
        }

        @Override
        public List<SignIn> related(SignInQuery query) {
            // the engine's meaning: matches, newest first (later input first among equal times), paged
            List<SignIn> hits = new ArrayList<>();
            for (SignIn s : samples) {
                if (query.matches(s)) {
                    hits.add(s);
                }
            }
            hits.sort(OLDEST_FIRST);
            Collections.reverse(hits);
            int from = (int) Math.min(query.offset(), hits.size());
            int to = (int) Math.min(hits.size(), (long) from + query.limit());
            return List.copyOf(hits.subList(from, to));
        }
    }
}
