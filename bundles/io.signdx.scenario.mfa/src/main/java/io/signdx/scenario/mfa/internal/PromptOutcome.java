package io.signdx.scenario.mfa.internal;

import java.util.List;

import io.signdx.api.model.AuthenticationDetail;
import io.signdx.api.model.SignIn;

/**
 * Why an MFA prompt was not completed, read from the failed step's {@code authenticationStepResultDetail}
 * (e.g. "MFA denied; user declined the authentication"). Plain substring tests, no regular expressions:
 * this runs for every 500121 of a bulk run.
 */
enum PromptOutcome {
    DENIED("denied"),
    TIMED_OUT("timed-out"),
    WRONG_NUMBER("wrong-number"),
    WRONG_CODE("wrong-code"),
    NOT_SET_UP("not-set-up"),
    METHOD_UNAVAILABLE("method-unavailable"),
    NON_INTERACTIVE("non-interactive"),
    /** The record gives a reason SignDx does not recognise. */
    OTHER("other"),
    /** The record gives no reason. */
    UNKNOWN("unknown");

    private final String classification;

    PromptOutcome(String classification) {
        this.classification = classification;
    }

    String classification() {
        return classification;
    }

    /** True for outcomes of a prompt the user saw (or should have seen) and did not answer rightly. */
    boolean unanswered() {
        return this == DENIED || this == TIMED_OUT || this == WRONG_NUMBER;
    }

    /** The outcome of a result-detail text; {@link #UNKNOWN} for a blank one. */
    static PromptOutcome of(String text) {
        String t = Facts.lower(text);
        if (t.isBlank()) {
            return UNKNOWN;
        }
        // order matters: "MFA denied; user did not respond…" is a time-out, not a denial
        if (t.contains("fraud") || t.contains("suspicious")) {
            return DENIED;
        }
        if (t.contains("correct number") || t.contains("wrong number") || t.contains("number match")) {
            return WRONG_NUMBER;
        }
        if (t.contains("did not respond") || t.contains("didn't respond") || t.contains("not respond")
                || t.contains("timed out") || t.contains("timeout") || t.contains("time out")
                || t.contains("no response") || t.contains("not answered") || t.contains("no phone input")) {
            return TIMED_OUT;
        }
        if (t.contains("non interactive") || t.contains("non-interactive") || t.contains("noninteractive")) {
            return NON_INTERACTIVE;
        }
        if (t.contains("invalid verification code") || t.contains("incorrect code") || t.contains("invalid code")
                || t.contains("wrong code") || t.contains("code already used") || t.contains("invalid otp")) {
            return WRONG_CODE;
        }
        if (t.contains("not registered") || t.contains("not set up") || t.contains("hasn't registered")
                || t.contains("has not registered") || t.contains("did not register") || t.contains("not enrolled")
                || t.contains("no registered") || t.contains("registration required")) {
            return NOT_SET_UP;
        }
        if (t.contains("unreachable") || t.contains("unable to send") || t.contains("could not send")
                || t.contains("not delivered") || t.contains("could not be reached") || t.contains("unavailable")) {
            return METHOD_UNAVAILABLE;
        }
        if (t.contains("declined") || t.contains("denied") || t.contains("rejected")) {
            return DENIED;
        }
        return OTHER;
    }

    /** True when the text reports fraud or suspicious activity (the user said the prompt was not theirs). */
    static boolean fraud(String text) {
        String t = Facts.lower(text);
        return t.contains("fraud") || t.contains("suspicious");
    }

    /**
     * The step that failed: the first unsuccessful step that is not the primary (password) one, else the first
     * unsuccessful step, else the last step whose result mentions MFA; {@code null} when none fits.
     */
    static AuthenticationDetail failedStep(SignIn signIn) {
        List<AuthenticationDetail> steps = signIn.authenticationDetails();
        AuthenticationDetail firstFailed = null;
        AuthenticationDetail mentionsMfa = null;
        for (AuthenticationDetail d : steps) {
            if (d == null) {
                continue;
            }
            if (Boolean.FALSE.equals(d.succeeded())) {
                if (!Facts.lower(d.requirement()).contains("primary")) {
                    return d;
                }
                if (firstFailed == null) {
                    firstFailed = d;
                }
            }
            if (Facts.lower(d.resultDetail()).contains("mfa")) {
                mentionsMfa = d;
            }
        }
        return firstFailed != null ? firstFailed : mentionsMfa;
    }

    /**
     * The text that says why: the failed step's result, else the status' additional details when they carry
     * a step result ("MFA denied; …"). Microsoft's generic 500121 additional details list every possible cause
     * and so say nothing about this one; they are ignored.
     */
    static String reason(SignIn signIn) {
        AuthenticationDetail step = failedStep(signIn);
        if (step != null && !Facts.blank(step.resultDetail())) {
            return step.resultDetail();
        }
        String details = signIn.status().additionalDetails();
        return Facts.lower(details).startsWith("mfa denied") ? details : null;
    }
}
