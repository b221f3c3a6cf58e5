package io.signdx.engine.internal;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import io.signdx.api.detector.Detector;
import io.signdx.api.detector.ScenarioDetector;
import io.signdx.api.engine.DetectorInfo;
import io.signdx.api.engine.DetectorState;

/**
 * One registered detector: its declaration (read once from the service properties), the service
 * object, and its health counters. Counters are updated from many worker threads.
 */
final class DetectorHandle {
    /** Lower-case dotted ids: {@code ca.blocked}, {@code error-code.insight}, {@code partner.acme.x-y}. */
    static final Pattern SCENARIO_ID = Pattern.compile("[a-z0-9][a-z0-9-]*(\\.[a-z0-9][a-z0-9-]*)+");

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
    final String refusal;

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
        this.scenario = text(props.get(Detector.SCENARIO));
        this.family = text(props.get(Detector.FAMILY));
        this.title = text(props.get(Detector.TITLE));
        this.bundleSymbolicName = bundleSymbolicName;
        this.bundleVersion = bundleVersion;
        this.errorCodes = ints(props.get(Detector.ERROR_CODES));
        this.specificity = number(props.get(Detector.SPECIFICITY), 50);
        this.budgetMillis = number(props.get(Detector.TIME_BUDGET_MILLIS), 0);
        this.refusal = validate(duplicateOf);
    }

    private String validate(String duplicateOf) {
        if (scenario.isEmpty()) {
            return "no scenario id declared (use @Detector on the component)";
        }
        if (!SCENARIO_ID.matcher(scenario).matches()) {
            return "scenario id '" + scenario + "' is not lower-case dotted (e.g. partner.vendor.name)";
        }
        if (family.isEmpty()) {
            return "no family declared";
        }
        if (title.isEmpty()) {
            return "no title declared";
        }
        if (errorCodes == null) {
            return "errorCodes is not a list of integers";
        }
        if (duplicateOf != null) {
            return "scenario id '" + scenario + "' is already provided by " + duplicateOf;
        }
        return null;
    }

    boolean refused() {
        return refusal != null;
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
        DetectorState state = refused() ? DetectorState.REFUSED
                : !enabled ? DetectorState.DISABLED : quarantined ? DetectorState.QUARANTINED : DetectorState.ACTIVE;
        return new DetectorInfo(scenario.isEmpty() ? "(service " + serviceId + ")" : scenario, family, title,
                bundleSymbolicName, bundleVersion, state, calls.get(), failures.get(), consecutiveFailures.get(),
                refused() ? refusal : problem);
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString().trim();
    }

    private static int number(Object value, int fallback) {
        return value instanceof Number n ? n.intValue() : fallback;
    }

    /** Service properties may hold int[], Integer[], a single Integer or a collection; anything else is invalid. */
    private static int[] ints(Object value) {
        if (value == null) {
            return new int[0];
        }
        if (value instanceof int[] a) {
            return a.clone();
        }
        if (value instanceof Number n) {
            return new int[] {n.intValue()};
        }
        Object[] items = value instanceof Object[] a ? a
                : value instanceof java.util.Collection<?> c ? c.toArray() : null;
        if (items == null) {
            return null;
        }
        int[] out = new int[items.length];
        for (int i = 0; i < items.length; i++) {
            if (!(items[i] instanceof Number n)) {
                return null;
            }
            out[i] = n.intValue();
        }
        return out;
    }
}
