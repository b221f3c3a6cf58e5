package io.signdx.scenario.mfa.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.signdx.api.detector.Actor;
import io.signdx.api.detector.Confidence;
import io.signdx.api.detector.DetectionContext;
import io.signdx.api.detector.Detector;
import io.signdx.api.detector.EvidenceTable;
import io.signdx.api.detector.Finding;
import io.signdx.api.detector.ScenarioDetector;
import io.signdx.api.model.AuthenticationDetail;
import io.signdx.api.model.SignIn;
import io.signdx.api.source.SignInQuery;

import org.osgi.service.component.annotations.Component;

/**
 * 500121: the user did not complete the MFA prompt. The classification is the failed step's outcome
 * (denied, timed out, wrong number, wrong code, not set up, method unavailable, non-interactive), or
 * {@code repeated-prompts} when at least {@value #FATIGUE_THRESHOLD} interactive prompts of the same user
 * went unanswered or were denied within an hour (±30 minutes of this one): the pattern of an attacker who
 * has the password and pushes prompts until the user gives in ("MFA fatigue"). That classification wins
 * because it changes what to do; the single outcome stays in the assessment. The related query is one,
 * bounded, by user and window, and also finds the 50074 interrupt of the same correlation id.
 */
@Component
@Detector(scenario = NotCompletedDetector.SCENARIO, family = "mfa", title = "MFA prompt not completed",
        errorCodes = {NotCompletedDetector.CODE}, specificity = 50)
public final class NotCompletedDetector implements ScenarioDetector {
    static final String SCENARIO = "mfa.not-completed";
    static final int CODE = 500121;
    static final int FATIGUE_THRESHOLD = 3;
    private static final int INTERRUPT = 50074;
    private static final Duration HALF_WINDOW = Duration.ofMinutes(30);
    private static final int MAX_RELATED = 100;
    private static final String TITLE = "MFA prompt not completed";

    @Override
    public List<Finding> detect(SignIn signIn, DetectionContext context) {
        String reason = PromptOutcome.reason(signIn);
        PromptOutcome outcome = PromptOutcome.of(reason);
        boolean mayRepeat = outcome != PromptOutcome.NON_INTERACTIVE && !Boolean.FALSE.equals(signIn.isInteractive())
                && (outcome.unanswered() || outcome == PromptOutcome.UNKNOWN);
        // without detail the other prompts matter only when they can make this one part of a series
        Related related = mayRepeat || context.detailed() ? related(signIn, context) : new Related(List.of(), null);
        boolean repeated = mayRepeat && related.prompts.size() + 1 >= FATIGUE_THRESHOLD;
        // repeated prompts are a pattern to check; a single prompt's outcome is certain when the record says it
        String classification = repeated ? "repeated-prompts" : outcome.classification();
        Confidence confidence = repeated || outcome == PromptOutcome.UNKNOWN || outcome == PromptOutcome.OTHER
                ? Confidence.MEDIUM : Confidence.HIGH;
        Finding.Builder f = Finding.builder(SCENARIO).title(TITLE).classification(classification).confidence(confidence);
        if (!context.detailed()) {
            // counted, not read: the related prompts decided the classification; the text and tables are the cost
            return List.of(f.assessment(TITLE).build());
        }
        boolean fraud = PromptOutcome.fraud(reason);
        AuthenticationDetail step = PromptOutcome.failedStep(signIn);
        String method = step == null || Facts.blank(step.method()) ? "the MFA prompt" : "the " + Facts.quote(step.method())
                + " prompt";

        StringBuilder a = new StringBuilder(signIn.userLabel()).append(" did not complete ").append(method)
                .append(" while signing in to ").append(signIn.appLabel()).append(" (").append(Facts.code(signIn))
                .append("). ").append(explain(outcome, fraud, reason));
        List<String> policies = Facts.mfaPolicies(signIn);
        if (!policies.isEmpty()) {
            a.append(" MFA was required by the Conditional Access ").append(policies.size() == 1 ? "policy " : "policies ")
                    .append(Facts.names(policies)).append('.');
        } else {
            Provider p = Provider.first(signIn, k -> !k.registration());
            if (p != null) {
                a.append(" MFA was required by ").append(p.description()).append('.');
            }
        }
        if (related.interrupt != null) {
            a.append(" The same flow (correlation id) began with ").append("AADSTS").append(INTERRUPT)
                    .append(related.interrupt.createdDateTime() == null ? "" : " at " + related.interrupt.createdDateTime())
                    .append(", the interrupt that sends the user to the second factor; this record is how it ended.");
        }
        if (repeated) {
            a.append(" It is one of ").append(related.prompts.size() + 1).append(" MFA prompts of this user that were "
                    + "denied or went unanswered within an hour. Either the user is struggling with the method, or "
                    + "someone who knows the password keeps triggering prompts in the hope that one gets approved.");
            List<SignIn> rows = new ArrayList<>(related.prompts);
            rows.add(0, signIn);
            rows.sort((x, y) -> compareTime(y.createdDateTime(), x.createdDateTime()));
            f.evidence(EvidenceTable.ofSignIns("Unsuccessful MFA prompts of " + signIn.userLabel() + " within an hour",
                    rows));
        }
        if (outcome == PromptOutcome.UNKNOWN) {
            f.missing("authentication details (the failed MFA step and its result) on the sign-in record");
        }
        f.assessment(a.toString()).evidence(Facts.stepsTable(signIn)).evidence(Facts.signInTable(signIn));
        if (repeated) {
            fatigueAdvice(f, signIn);
        }
        advise(f, outcome, fraud, signIn);
        return List.of(f.build());
    }

    private static String explain(PromptOutcome outcome, boolean fraud, String reason) {
        String quoted = reason == null ? "" : " The record says: \"" + Facts.quote(reason) + "\".";
        return switch (outcome) {
            case DENIED -> fraud
                    ? "The user reported the prompt as fraud or suspicious activity, i.e. said the sign-in was not "
                            + "theirs." + quoted
                    : "The user declined the prompt." + quoted;
            case TIMED_OUT -> "Nobody answered the prompt in time." + quoted;
            case WRONG_NUMBER -> "The user answered the number-matching prompt with the wrong number." + quoted;
            case WRONG_CODE -> "The verification code entered was wrong or already used." + quoted;
            case NOT_SET_UP -> "The user has no usable MFA method registered." + quoted;
            case METHOD_UNAVAILABLE -> "The MFA method could not be reached (phone unreachable, notification not "
                    + "delivered)." + quoted;
            case NON_INTERACTIVE -> "The request was non-interactive (a token refresh in the background), so no "
                    + "prompt could be shown; the app has to bring the user to an interactive sign-in." + quoted;
            case OTHER -> "The record gives a reason SignDx does not classify." + quoted;
            case UNKNOWN -> "The record does not say whether the prompt was denied, timed out or could not be "
                    + "answered.";
        };
    }

    private static void fatigueAdvice(Finding.Builder f, SignIn signIn) {
        f.recommend(Actor.USER, "Never approve an MFA prompt you did not start yourself. If prompts arrive that you "
                + "did not expect, deny them, report them as suspicious and change your password.", Links.SECURITY_INFO)
                .recommend(Actor.ADMIN, "Treat " + signIn.userLabel() + "'s password as possibly compromised: ask the "
                        + "user whether they started these sign-ins; if not, reset the password, revoke the sessions "
                        + "and review the user's risky sign-ins.", Links.REVOKE)
                .recommend(Actor.ADMIN, "Make sure Microsoft Authenticator uses number matching with additional "
                        + "context (application and location in the prompt), enable 'Report suspicious activity', and "
                        + "consider phishing-resistant methods for this user.", Links.NUMBER_MATCH);
    }

    private static void advise(Finding.Builder f, PromptOutcome outcome, boolean fraud, SignIn signIn) {
        switch (outcome) {
            case DENIED -> {
                f.recommend(Actor.USER, "If you started this sign-in, sign in again and approve the prompt. If you did "
                        + "not, keep denying and tell your IT team: someone else knows your password.", null);
                f.recommend(Actor.ADMIN, fraud
                        ? "The user reported the prompt as not theirs: reset the password, revoke the sessions and "
                                + "check Identity Protection, where the report raises the user's risk."
                        : "Ask the user whether the denied sign-in was theirs; if not, reset the password and revoke "
                                + "the sessions.", fraud ? Links.REPORT_SUSPICIOUS : Links.REVOKE);
            }
            case TIMED_OUT -> {
                f.recommend(Actor.USER, "Keep the phone with Microsoft Authenticator at hand, allow its notifications, "
                        + "and answer within the time shown; if notifications don't arrive, open the app or use a "
                        + "verification code.", Links.SECURITY_INFO);
                f.recommend(Actor.ADMIN, "If the user never sees the prompts, check that the registered Authenticator "
                        + "is on the phone the user has now, and have them re-register it if not.", Links.SECURITY_INFO);
            }
            case WRONG_NUMBER -> {
                f.recommend(Actor.USER, "Type the number shown on the sign-in screen into Microsoft Authenticator. If "
                        + "you were not signing in, deny the prompt and tell your IT team.", Links.NUMBER_MATCH);
                f.recommend(Actor.ADMIN, "A wrong number can mean the user approved a prompt someone else triggered: "
                        + "confirm with the user that the sign-in was theirs.", Links.REVOKE);
            }
            case WRONG_CODE -> f.recommend(Actor.USER, "Enter the current code from the authenticator app (codes "
                    + "change every 30 seconds) and check that the phone's clock is set automatically.",
                    Links.SECURITY_INFO);
            case NOT_SET_UP -> {
                f.recommend(Actor.USER, "Register an MFA method on the Security info page, then sign in again.",
                        Links.SECURITY_INFO);
                f.recommend(Actor.ADMIN, "If the user cannot register by themselves, issue a Temporary Access Pass.",
                        Links.TAP);
            }
            case METHOD_UNAVAILABLE -> {
                f.recommend(Actor.USER, "Choose another registered method at the prompt ('Sign in another way').",
                        Links.SECURITY_INFO);
                f.recommend(Actor.ADMIN, "Check the user's registered methods (phone number, Authenticator device) and "
                        + "have the user update them; a Temporary Access Pass bridges the gap.", Links.TAP);
            }
            case NON_INTERACTIVE -> f.recommend(Actor.USER, "Open " + signIn.appLabel() + " and sign in again "
                    + "interactively to complete MFA; the background failures stop once a fresh sign-in succeeds.",
                    null);
            default -> {
                f.recommend(Actor.USER, "Sign in again and complete the MFA prompt.", null);
                f.recommend(Actor.ADMIN, "Open the sign-in's Authentication Details in the Microsoft Entra admin "
                        + "center to see how the MFA step ended.", Links.SIGN_IN_DETAILS);
            }
        }
    }

    /** The other unsuccessful interactive prompts of the user in the window, and the 50074 of the same flow. */
    private record Related(List<SignIn> prompts, SignIn interrupt) {
    }

    private static Related related(SignIn signIn, DetectionContext context) {
        String user = !Facts.blank(signIn.userId()) ? signIn.userId() : signIn.userPrincipalName();
        Instant at = signIn.createdDateTime();
        List<SignIn> found;
        if (!Facts.blank(user) && at != null) {
            found = context.related(SignInQuery.all().withUser(user).around(at, HALF_WINDOW)
                    .withErrorCodes(Set.of(CODE, INTERRUPT)).withPage(0, MAX_RELATED));
        } else if (!Facts.blank(signIn.correlationId())) {
            found = context.related(SignInQuery.all().withCorrelationId(signIn.correlationId())
                    .withErrorCodes(Set.of(INTERRUPT)).withPage(0, 10));
        } else {
            return new Related(List.of(), null);
        }
        List<SignIn> prompts = new ArrayList<>();
        SignIn interrupt = null;
        for (SignIn s : found) {
            if (s == null || s.equals(signIn)) {
                continue;
            }
            if (s.errorCode() == INTERRUPT) {
                if (interrupt == null && !Facts.blank(signIn.correlationId())
                        && signIn.correlationId().equalsIgnoreCase(Facts.blank(s.correlationId()) ? "" : s.correlationId())) {
                    interrupt = s;
                }
            } else if (s.errorCode() == CODE && !Boolean.FALSE.equals(s.isInteractive())) {
                PromptOutcome o = PromptOutcome.of(PromptOutcome.reason(s));
                if (o.unanswered() || o == PromptOutcome.UNKNOWN) {
                    prompts.add(s);
                }
            }
        }
        return new Related(prompts, interrupt);
    }

    private static int compareTime(Instant x, Instant y) {
        if (x == null || y == null) {
            return x == null ? (y == null ? 0 : -1) : 1;
        }
        return x.compareTo(y);
    }
}
