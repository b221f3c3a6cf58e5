package io.signdx.scenario.enterpriseapps.internal;

import java.util.List;

import io.signdx.api.detector.Actor;
import io.signdx.api.detector.Confidence;

/**
 * What one AADSTS code means for an application and who must change what. Texts are templates (see
 * {@link Facts#render(String)}).
 *
 * @param code the AADSTS code
 * @param name Microsoft's name of the code, or {@code null} when it has none
 * @param classification the sub-cause, lower-case-kebab
 * @param side who must change something: the tenant admin in Entra ID, the app's owner, the vendor (or the user)
 * @param confidence how sure the code alone makes the verdict
 * @param cause one or two sentences saying what went wrong
 * @param steps what to do, in order
 * @param when when this rule applies (a code may have variants)
 */
record AppRule(int code, String name, String classification, Actor side, Confidence confidence, String cause,
        List<Step> steps, When when) {

    AppRule {
        steps = List.copyOf(steps);
    }

    /** This rule, applying only {@code condition}. */
    AppRule when(When condition) {
        return new AppRule(code, name, classification, side, confidence, cause, steps, condition);
    }

    /** This rule with MEDIUM confidence: the code has more than one usual cause. */
    AppRule ambiguous() {
        return new AppRule(code, name, classification, side, Confidence.MEDIUM, cause, steps, when);
    }

    /** "AADSTS50011 (InvalidReplyTo)" or "AADSTS750054". */
    String label() {
        return "AADSTS" + code + (name == null ? "" : " (" + name + ")");
    }
}
