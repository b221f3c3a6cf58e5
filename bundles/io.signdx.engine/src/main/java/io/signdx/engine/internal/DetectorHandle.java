package io.signdx.engine.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.signdx.api.detector.ScenarioDetector;
import io.signdx.api.engine.DetectorInfo;
import io.signdx.api.engine.DetectorState;
import io.signdx.conformance.Declaration;

/**
 * One registered detector: its declaration (read once from the service properties), the service
 * object, and its health counters. Counters are updated from many worker threads.
 */
final class DetectorHandle {
    final long serviceId;
    final ScenarioDetector detector;
    final String scenario;
    final String family;
    final String title;
    final String bundleSymbolicName;
    final String bundleVersion;
    final int[] errorCodes;
    final int specificity;
    final long budgetMillis;
    final Declaration declaration;
    /** Why the detector is not activated: its declaration, a duplicate id, or the quick check. */
    private volatile String refusal;
    /** True until the conformance quick check has passed or failed and the engine has acted on it. */
    private volatile boolean checking;
    /** True once the quick check has passed: the detector may join the active set. */
    private volatile boolean passed;

    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong consecutiveFailures = new AtomicLong();
    private volatile String problem;
    private volatile boolean quarantined;
    private volatile boolean gone;

    DetectorHandle(long serviceId, ScenarioDetector detector, Map<String, ?> props, String bundleSymbolicName,
            String bundleVersion, String duplicateOf) {
        this.serviceId = serviceId;
        this.detector = detector;
        this.declaration = Declaration.of(props);
        this.scenario = declaration.scenario();
        this.family = declaration.family();
        this.title = declaration.title();
        this.bundleSymbolicName = bundleSymbolicName;
        this.bundleVersion = bundleVersion;
        this.errorCodes = declaration.errorCodes() == null ? null
                : declaration.errorCodes().stream().mapToInt(Integer::intValue).toArray();
        this.specificity = declaration.specificity();
        this.budgetMillis = declaration.timeBudgetMillis();
        List<String> problems = declaration.problems();
        this.refusal = !problems.isEmpty() ? String.join("; ", problems)
                : duplicateOf != null ? "scenario id '" + scenario + "' is already provided by " + duplicateOf : null;
        this.checking = refusal == null;
    }

    boolean refused() {
        return refusal != null;
    }

    boolean checking() {
        return checking;
    }

    /** True when the detector may be called: its quick check passed. */
    boolean passed() {
        return passed;
    }

    /**
     * Records the outcome of the quick check: {@code null} when it passed, else why it failed. The
     * state shown stays {@code CHECKING} until {@link #settle()}, called once the active set includes
     * the detector, so that whoever sees {@code ACTIVE} also gets it called.
     */
    void checked(String failure) {
        if (failure != null) {
            refusal = "failed the conformance quick check: " + failure;
        } else {
            passed = true;
        }
    }

    /** Ends the {@code CHECKING} state. */
    void settle() {
        checking = false;
    }

    boolean quarantined() {
        return quarantined;
    }

    boolean gone() {
        return gone;
    }

    void markGone() {
        gone = true;
    }

    /** True when the detector wants sign-ins with this error code. */
    boolean accepts(int code) {
        return errorCodes.length == 0 || Arrays.stream(errorCodes).anyMatch(c -> c == code);
    }

    void succeeded() {
        calls.incrementAndGet();
        consecutiveFailures.set(0);
    }

    /**
     * Counts a failure.
     *
     * @return true when this failure put the detector into quarantine
     */
    boolean failed(String why, int quarantineAfter) {
        calls.incrementAndGet();
        failures.incrementAndGet();
        problem = why;
        if (consecutiveFailures.incrementAndGet() >= quarantineAfter && !quarantined) {
            quarantined = true;
            problem = "quarantined after " + quarantineAfter + " consecutive failures; last: " + why;
            return true;
        }
        return false;
    }

    /** Lifts a quarantine (an operator switched the detector on again). */
    boolean release() {
        boolean was = quarantined;
        quarantined = false;
        consecutiveFailures.set(0);
        if (was) {
            problem = null;
        }
        return was;
    }

    DetectorInfo info(boolean enabled) {
        DetectorState state = refused() ? DetectorState.REFUSED : checking ? DetectorState.CHECKING
                : !enabled ? DetectorState.DISABLED : quarantined ? DetectorState.QUARANTINED : DetectorState.ACTIVE;
        return new DetectorInfo(scenario.isEmpty() ? "(service " + serviceId + ")" : scenario, family, title,
                bundleSymbolicName, bundleVersion, state, calls.get(), failures.get(), consecutiveFailures.get(),
                refused() ? refusal : problem);
    }
}
