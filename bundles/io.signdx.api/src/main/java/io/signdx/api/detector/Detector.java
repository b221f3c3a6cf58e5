package io.signdx.api.detector;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Declares what a {@link ScenarioDetector} component is: the service properties the engine reads.
 * Each element becomes the service property {@code signdx.detector.<element>}. Kept at run time so
 * that the test kit's conformance suite can read a detector's declaration from its class.
 */
@ComponentPropertyType
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Detector {
    /** Prefix of the service properties. */
    String PREFIX_ = "signdx.detector.";

    /** Service property holding the scenario id. */
    String SCENARIO = PREFIX_ + "scenario";
    /** Service property holding the family. */
    String FAMILY = PREFIX_ + "family";
    /** Service property holding the title. */
    String TITLE = PREFIX_ + "title";
    /** Service property holding the pre-filter error codes. */
    String ERROR_CODES = PREFIX_ + "errorCodes";
    /** Service property holding the specificity. */
    String SPECIFICITY = PREFIX_ + "specificity";
    /** Service property holding the time budget. */
    String TIME_BUDGET_MILLIS = PREFIX_ + "timeBudgetMillis";

    /**
     * The stable scenario id, lower case: {@code family.name} for SignDx scenarios (e.g.
     * {@code ca.blocked}), {@code partner.<vendor>.<name>} for partner scenarios.
     */
    String scenario();

    /** The family (usually the bundle's role), e.g. {@code conditionalaccess} or {@code partner.contoso}. */
    String family();

    /** A short title for people, e.g. "Blocked by Conditional Access". */
    String title();

    /**
     * The cheap pre-filter: the detector is called only for sign-ins with one of these error codes
     * (0 = success). Empty means every sign-in.
     */
    int[] errorCodes() default {};

    /**
     * How specific the scenario is, used to pick the primary finding when several match: higher wins.
     * The catalogue fallback uses 0, generic scenarios 40, specific ones 60.
     */
    int specificity() default 50;

    /** The time budget of one call in milliseconds; 0 means the engine's default. */
    long timeBudgetMillis() default 0;
}
