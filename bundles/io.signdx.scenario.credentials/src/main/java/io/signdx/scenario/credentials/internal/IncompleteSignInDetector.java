package io.signdx.scenario.credentials.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import io.signdx.api.detector.Actor;
import io.signdx.api.detector.Confidence;
import io.signdx.api.detector.DetectionContext;
import io.signdx.api.detector.Detector;
import io.signdx.api.detector.EvidenceTable;
import io.signdx.api.detector.Finding;
import io.signdx.api.detector.ScenarioDetector;
import io.signdx.api.model.SignIn;
import io.signdx.api.source.SignInQuery;

import org.osgi.service.component.annotations.Component;

/**
 * Sign-ins that were not finished: AADSTS50058 (an app asked for a silent sign-in and there was no
 * session to use) and AADSTS90025 (an internal Entra service ran out of retries). Both are normally
 * invisible to the user: the app falls back to an interactive sign-in, or the service's next try works.
 * They matter when they repeat and nothing succeeds afterwards, so the detector looks at the user's
 * sign-ins within ±1 hour (or, with no user, the flow's correlation id):
 * <ul>
 * <li>{@code resolved}: the user signed in to the same app, or in the same flow (correlation id),
 * within 10 minutes after.</li>
 * <li>{@code repeated}: no such success, and at least 3 of these codes for the user within the hour.</li>
 * <li>{@code isolated}: no such success, but it happened only once or twice.</li>
 * </ul>
 */
@Component
@Detector(scenario = IncompleteSignInDetector.SCENARIO, family = "credentials",
        title = "User not fully signed in / transient error", errorCodes = {50058, 90025}, specificity = 50)
public final class IncompleteSignInDetector implements ScenarioDetector {
    static final String SCENARIO = "credentials.incomplete";
    static final String RESOLVED = "resolved";
    static final String REPEATED = "repeated";
    static final String ISOLATED = "isolated";
    static final Duration WINDOW = Duration.ofHours(1);
    static final Duration SUCCESS_WITHIN = Duration.ofMinutes(10);
    static final int REPEATED_MIN = 3;
    static final int PAGE = 200;
    static final int TABLE_ROWS = 50;

    @Override
    public List<Finding> detect(SignIn signIn, DetectionContext context) {
        int code = signIn.errorCode();
        if (code != SignInFacts.NOT_SIGNED_IN && code != SignInFacts.RETRY_ALLOWANCE) {
            return List.of();
        }
        List<SignIn> around = SignInFacts.timedWith(related(signIn, context), signIn);
        SignIn later = laterSuccess(signIn, around);
        int occurrences = occurrences(signIn, around);
        String classification = later != null ? RESOLVED : occurrences >= REPEATED_MIN ? REPEATED : ISOLATED;
        Finding.Builder f = Finding.builder(SCENARIO).classification(classification)
                .title(code == SignInFacts.NOT_SIGNED_IN ? "User not fully signed in (silent sign-in without a session)"
                        : "Transient service error (retry allowance reached)")
                .confidence(later != null ? Confidence.HIGH : Confidence.MEDIUM)
                .assessment(meaning(signIn) + " " + outcome(signIn, later, occurrences));
        if (!around.isEmpty()) {
            List<SignIn> shown = SignInFacts.nearest(around, signIn, TABLE_ROWS);
            f.evidence(EvidenceTable.ofSignIns(shown.size() < around.size() ? "Sign-ins around this one (the "
                    + shown.size() + " nearest of " + around.size() + ")" : "Sign-ins around this one", shown));
        }
        recommend(f, signIn, classification);
        missing(f, signIn);
        return List.of(f.build());
    }

    private static List<SignIn> related(SignIn s, DetectionContext context) {
        Instant at = s.createdDateTime();
        if (at == null) {
            return List.of();
        }
        String user = SignInFacts.userKey(s);
        SignInQuery query;
        if (user != null) {
            query = SignInQuery.all().withUser(user).around(at, WINDOW).withPage(0, PAGE);
        } else if (!SignInFacts.blank(s.correlationId())) {
            // an unfinished sign-in often carries no user; its flow's other requests share the correlation id
            query = SignInQuery.all().withCorrelationId(s.correlationId()).around(at, WINDOW).withPage(0, PAGE);
        } else {
            return List.of();
        }
        List<SignIn> found = context.related(query);
        return found == null ? List.of() : found;
    }

    private static SignIn laterSuccess(SignIn s, List<SignIn> around) {
        if (s.createdDateTime() == null) {
            return null;
        }
        for (SignIn o : around) {
            long after = o.createdDateTime().getEpochSecond() - s.createdDateTime().getEpochSecond();
            if (o.errorCode() == 0 && after >= 0 && after <= SUCCESS_WITHIN.toSeconds() && sameFlowOrApp(s, o)) {
                return o;
            }
        }
        return null;
    }

    private static boolean sameFlowOrApp(SignIn s, SignIn o) {
        if (!SignInFacts.blank(s.correlationId()) && s.correlationId().equalsIgnoreCase(o.correlationId())) {
            return true;
        }
        return s.appId() != null ? s.appId().equalsIgnoreCase(o.appId())
                : Objects.equals(s.appLabel(), o.appLabel()) && s.appDisplayName() != null;
    }

    private static int occurrences(SignIn s, List<SignIn> around) {
        int n = around.isEmpty() ? 1 : 0;
        for (SignIn o : around) {
            if (o.errorCode() == SignInFacts.NOT_SIGNED_IN || o.errorCode() == SignInFacts.RETRY_ALLOWANCE) {
                n++;
            }
        }
        return n;
    }

    private static String meaning(SignIn s) {
        String who = SignInFacts.quote(s.userLabel());
        String app = SignInFacts.quote(s.appLabel());
        String when = SignInFacts.time(s.createdDateTime());
        if (s.errorCode() == SignInFacts.NOT_SIGNED_IN) {
            String t = app + " asked Entra ID at " + when + " to sign " + who + " in silently, without showing "
                    + "anything, but there was no signed-in session to use (AADSTS50058), so the request ended "
                    + "without signing the user in. Apps do this routinely to find out whether the user is already "
                    + "signed in; the app is expected to show a sign-in page next, so on its own the user does not "
                    + "notice it.";
            return SignInFacts.looksLikeId(s.userLabel()) || SignInFacts.userKey(s) == null ? t + " Because the user "
                    + "never got as far as signing in, the record carries an object id or no user at all instead of "
                    + "a name." : t;
        }
        return "An internal Entra ID service used up its retries while signing " + who + " in to " + app + " at "
                + when + " (AADSTS90025). This is a passing condition on Microsoft's side that is normally retried "
                + "and cleared without the user noticing.";
    }

    private static String outcome(SignIn s, SignIn later, int occurrences) {
        if (s.createdDateTime() == null) {
            return "The record has no time, so whether a successful sign-in followed could not be checked.";
        }
        if (later != null) {
            boolean sameFlow = !SignInFacts.blank(s.correlationId())
                    && s.correlationId().equalsIgnoreCase(later.correlationId());
            return "A successful sign-in followed " + SignInFacts.duration(SignInFacts.secondsBetween(s, later))
                    + " later (" + (sameFlow ? "in the same flow, by correlation id" : "to the same app") + ", at "
                    + later.createdDateTime() + "), so the user got in and there is nothing to fix.";
        }
        if (occurrences >= REPEATED_MIN) {
            return "It happened " + occurrences + " times within an hour, and no successful sign-in to the same app "
                    + "or in the same flow followed within 10 minutes of this one: the user may be stuck, and this "
                    + "is worth a look.";
        }
        return "No successful sign-in to the same app followed within 10 minutes, but it happened only "
                + (occurrences <= 1 ? "once" : "twice") + " within an hour: unless the user reports a "
                + "problem, there is nothing to fix.";
    }

    private static void recommend(Finding.Builder f, SignIn s, String classification) {
        if (RESOLVED.equals(classification)) {
            f.recommend(Actor.ADMIN, "No action needed: the sign-in completed right after.", null);
            return;
        }
        if (s.errorCode() == SignInFacts.NOT_SIGNED_IN) {
            if (REPEATED.equals(classification)) {
                f.recommend(Actor.APP_OWNER, "Make sure the app falls back to an interactive sign-in when the silent "
                        + "one answers that the user must sign in (interaction required / login required), instead "
                        + "of retrying silently.", Links.ERROR_CODES)
                        .recommend(Actor.USER, "Sign out of the app and sign in again. In a browser, allow cookies "
                                + "for login.microsoftonline.com: a silent sign-in cannot see the session when they "
                                + "are blocked.", null);
            } else {
                f.recommend(Actor.ADMIN, "No action needed unless the user reports that they cannot get in; then "
                        + "look for the user's interactive sign-in to this app and what it ended with.",
                        Links.TROUBLESHOOT_SIGN_IN);
            }
            return;
        }
        f.recommend(Actor.USER, "Sign in again; the condition is temporary.", Links.TROUBLESHOOT_SIGN_IN);
        if (REPEATED.equals(classification)) {
            f.recommend(Actor.ADMIN, "If it keeps happening or affects many users, check the Microsoft Entra service "
                    + "health for an incident and open a support request with the request and correlation ids of "
                    + "these sign-ins.", Links.SUPPORT);
        }
    }

    private static void missing(Finding.Builder f, SignIn s) {
        if (s.createdDateTime() == null) {
            f.missing("the sign-in's time: without it a later successful sign-in could not be looked for");
        } else if (SignInFacts.userKey(s) == null && SignInFacts.blank(s.correlationId())) {
            f.missing("the user or the correlation id: without either, a later successful sign-in could not be "
                    + "looked for");
        }
    }
}
