package io.signdx.scenario.pta.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

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
 * Pass-through authentication failures: the password is checked by an on-premises Authentication Agent
 * against Active Directory, and the AADSTS8000x codes (and 50144) say which part of that failed. Agent-side
 * faults hit everyone who signs in at the time, so for them the detector counts the other users failing
 * the same way within an hour: many users means an outage, one means an isolated or transient fault.
 *
 * <p>AADSTS50126 is deliberately not handled, even when the record shows pass-through authentication:
 * it means Active Directory rejected the password, i.e. the agents worked, and telling a typo from a spray
 * or a stale credential is the credentials bundle's job; a higher-specificity finding here would hide
 * that verdict. The one pass-through twist (an on-premises UPN that differs from the cloud one) cannot be
 * told from a wrong password in the record alone.
 */
@Component
@Detector(scenario = PtaFailureDetector.SCENARIO, family = "pta", title = "Pass-through authentication",
        errorCodes = {50144, 80001, 80002, 80003, 80004, 80005, 80007, 80010, 80011, 80012, 80013, 80014},
        specificity = 60)
public final class PtaFailureDetector implements ScenarioDetector {
    static final String SCENARIO = "pta.failure";
    /** Other users' failures this close to the sign-in count towards the same incident. */
    static final Duration WINDOW = Duration.ofHours(1);
    /** Bounds the related query: enough to call an outage an outage, cheap enough for bulk runs. */
    static final int RELATED_LIMIT = 200;
    /** From this many affected users on, the failure is called an outage. */
    static final int OUTAGE_USERS = 3;
    /** Rows of other users' failures shown as evidence; the count in the assessment covers them all. */
    static final int EVIDENCE_ROWS = 50;

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter CLOCK =
            DateTimeFormatter.ofPattern("HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final String PTA_DETAIL = "pass-through";
    // Times outside these bounds are damaged records: formatting them or widening them into a window throws.
    private static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9000-01-01T00:00:00Z");

    /** What the authentication details say checked the password. */
    enum Method { PASS_THROUGH, OTHER, NOT_RECORDED }

    @Override
    public List<Finding> detect(SignIn signIn, DetectionContext context) {
        PtaCause cause = PtaCause.of(signIn.errorCode());
        if (cause == null) {
            return List.of();
        }
        Method method = method(signIn);
        // 50144 is reported whenever on-premises AD says the password expired; if the record names another
        // method (password hash sync, federation), this is not a pass-through case.
        if (cause == PtaCause.PASSWORD_EXPIRED && method == Method.OTHER) {
            return List.of();
        }
        String title = "Pass-through authentication: " + cause.title();
        // looked up even without detail: for an agent fault, how many users it hit decides the confidence
        Spread spread = cause.scope() == PtaCause.Scope.AGENT ? Spread.around(signIn, context) : null;
        Confidence confidence = confidence(cause, method, spread);
        if (!context.detailed()) {
            // counted, not read: the tables, the sentences and the steps are the cost
            return List.of(Finding.builder(SCENARIO).title(title).classification(cause.classification())
                    .confidence(confidence).assessment(title).build());
        }
        Finding.Builder f = Finding.builder(SCENARIO)
                .title(title)
                .classification(cause.classification())
                .evidence(errorTable(signIn, cause, method));
        EvidenceTable steps = stepsTable(signIn);
        if (steps != null) {
            f.evidence(steps);
        }
        StringBuilder assessment = new StringBuilder()
                .append("The sign-in of ").append(signIn.userLabel()).append(" to ").append(signIn.appLabel())
                .append(when(signIn) == null ? "" : " at " + TIME.format(when(signIn)))
                .append(" failed with ").append(cause.label()).append(". ")
                .append(cause.meaning());
        Set<PtaStep> recommended = new LinkedHashSet<>(cause.steps());
        if (cause.scope() == PtaCause.Scope.AGENT) {
            describeSpread(signIn, cause, spread, f, assessment, recommended);
        } else if (cause == PtaCause.PASSWORD_EXPIRED && method == Method.NOT_RECORDED) {
            // The 8000x codes exist only for pass-through authentication; 50144 names the method only by
            // implication, so without the details the verdict stays an inference.
            assessment.append(" The record has no authentication details, so that pass-through authentication "
                    + "checked the password is inferred from the error code alone.");
            f.missing("authentication details naming the method that checked the password");
        }
        for (PtaStep step : recommended) {
            f.recommend(step.recommendation());
        }
        return List.of(f.confidence(confidence).assessment(assessment.toString()).build());
    }

    /**
     * HIGH unless the verdict is an inference: an agent fault that hit too few users to call it an outage (or
     * could not be looked for), or a 50144 whose record does not name the method that checked the password.
     */
    private static Confidence confidence(PtaCause cause, Method method, Spread spread) {
        if (cause.scope() == PtaCause.Scope.AGENT) {
            return spread != null && spread.users().size() >= OUTAGE_USERS ? Confidence.HIGH : Confidence.MEDIUM;
        }
        return cause == PtaCause.PASSWORD_EXPIRED && method == Method.NOT_RECORDED ? Confidence.MEDIUM
                : Confidence.HIGH;
    }

    /**
     * The agent-side failures around a sign-in and the users they hit. Any agent code counts, not only this
     * one: one broken agent or DC shows up as a mix of them.
     *
     * @param failures the failures within the window, this sign-in included, oldest first
     * @param users the users they hit
     * @param truncated true when the related query filled its page, so there may be more
     */
    private record Spread(List<SignIn> failures, Set<String> users, boolean truncated) {

        /** The spread around the sign-in; {@code null} when the record has no usable time to look around. */
        static Spread around(SignIn signIn, DetectionContext context) {
            Instant at = when(signIn);
            if (at == null) {
                return null;
            }
            // One more than the limit, so that a full page can be told from an exact count.
            List<SignIn> related = context.related(SignInQuery.all().withErrorCodes(PtaCause.AGENT_CODES)
                    .around(at, WINDOW).withPage(0, RELATED_LIMIT + 1));
            List<SignIn> failures = agentFailures(signIn, related);
            Set<String> users = new HashSet<>();
            for (SignIn s : failures) {
                users.add(userKey(s));
            }
            return new Spread(failures, users, related != null && related.size() > RELATED_LIMIT);
        }
    }

    /** Says what the spread of agent-side failures means: an outage, a few users, or an isolated fault. */
    private static void describeSpread(SignIn signIn, PtaCause cause, Spread spread, Finding.Builder f,
            StringBuilder assessment, Set<PtaStep> recommended) {
        if (spread == null) {
            assessment.append(" The record has no time, so SignDx could not look for other users failing the "
                    + "same way.");
            f.missing("the sign-in time, to count other users failing at the same time");
            return;
        }
        List<SignIn> failures = spread.failures();
        Set<String> users = spread.users();
        boolean truncated = spread.truncated();
        String count = (truncated ? "at least " : "") + users.size();
        Instant first = failures.get(0).createdDateTime();
        if (users.size() >= OUTAGE_USERS) {
            assessment.append(" This is not about ").append(signIn.userLabel()).append(" alone: ").append(count)
                    .append(" users affected since ").append(CLOCK.format(first))
                    .append(" (agent errors from ").append(TIME.format(first)).append(" to ")
                    .append(TIME.format(failures.get(failures.size() - 1).createdDateTime()))
                    .append("), which points at an outage of the Authentication Agents or of Active Directory."
                            + " Password sign-ins keep failing until it is fixed; sessions already signed in keep "
                            + "working.");
            recommended.clear();
            recommended.add(PtaStep.AGENT_STATUS);
            recommended.addAll(cause.steps());
            recommended.add(PtaStep.HIGH_AVAILABILITY);
            recommended.add(PtaStep.PHS_BACKUP);
        } else if (users.size() > 1) {
            assessment.append(" ").append(count).append(" users affected since ").append(CLOCK.format(first))
                    .append(": more than one account, though too few to call it an outage; watch whether more "
                            + "follow.");
        } else {
            assessment.append(" No other user's sign-in in the data available failed with a pass-through "
                    + "authentication agent error within an hour of this one, so it looks isolated (a transient "
                    + "fault or a single agent) rather than an outage.");
        }
        if (failures.size() > 1) {
            f.evidence(codeTable(failures));
            List<SignIn> shown = failures.size() > EVIDENCE_ROWS ? failures.subList(0, EVIDENCE_ROWS) : failures;
            f.evidence(EvidenceTable.ofSignIns("Pass-through authentication agent failures within an hour of this "
                    + "sign-in" + (shown.size() < failures.size() ? " (first " + shown.size() + " of "
                    + failures.size() + ")" : ""), shown));
        }
    }

    /** The agent-side failures among the related sign-ins, this sign-in included, oldest first. */
    private static List<SignIn> agentFailures(SignIn signIn, List<SignIn> related) {
        List<SignIn> failures = new ArrayList<>();
        boolean self = false;
        if (related != null) {
            for (SignIn s : related) {
                if (s != null && when(s) != null && PtaCause.AGENT_CODES.contains(s.errorCode())) {
                    failures.add(s);
                    self |= s.equals(signIn);
                }
            }
        }
        if (!self) {
            failures.add(signIn);
        }
        failures.sort(Comparator.comparing(SignIn::createdDateTime));
        return failures;
    }

    private static EvidenceTable codeTable(List<SignIn> failures) {
        Map<Integer, Set<String>> usersByCode = new TreeMap<>();
        Map<Integer, Integer> signInsByCode = new TreeMap<>();
        for (SignIn s : failures) {
            usersByCode.computeIfAbsent(s.errorCode(), c -> new HashSet<>()).add(userKey(s));
            signInsByCode.merge(s.errorCode(), 1, Integer::sum);
        }
        List<List<String>> rows = new ArrayList<>();
        for (Map.Entry<Integer, Set<String>> e : usersByCode.entrySet()) {
            PtaCause c = PtaCause.of(e.getKey());
            rows.add(List.of("AADSTS" + e.getKey(), c.classification(), String.valueOf(signInsByCode.get(e.getKey())),
                    String.valueOf(e.getValue().size())));
        }
        return new EvidenceTable("Agent failures within an hour, by error code",
                List.of("Code", "Classification", "Sign-ins", "Users"), rows);
    }

    private static EvidenceTable errorTable(SignIn signIn, PtaCause cause, Method method) {
        String methodText = switch (method) {
            case PASS_THROUGH -> "Pass-through Authentication (from the authentication details)";
            case OTHER -> "another method (from the authentication details)";
            case NOT_RECORDED -> "not recorded";
        };
        return new EvidenceTable("Error", List.of("Code", "Name", "Classification", "Failure reason",
                "Password checked by"), List.of(Arrays.asList("AADSTS" + cause.code(),
                        cause.microsoftName(), cause.classification(), signIn.status().failureReason(), methodText)));
    }

    private static EvidenceTable stepsTable(SignIn signIn) {
        return signIn.authenticationDetails().isEmpty() ? null
                : EvidenceTable.ofAuthenticationSteps(signIn.authenticationDetails());
    }

    /** Which method the record says checked the password. */
    static Method method(SignIn signIn) {
        boolean other = false;
        for (AuthenticationDetail d : signIn.authenticationDetails()) {
            if (d == null || d.methodDetail() == null || d.methodDetail().isBlank()) {
                continue;
            }
            if (d.methodDetail().toLowerCase(Locale.ROOT).contains(PTA_DETAIL)) {
                return Method.PASS_THROUGH;
            }
            other |= "password".equalsIgnoreCase(Objects.requireNonNullElse(d.method(), "").strip());
        }
        return other ? Method.OTHER : Method.NOT_RECORDED;
    }

    /** The sign-in's time when it is usable, else {@code null}. */
    private static Instant when(SignIn s) {
        Instant t = s.createdDateTime();
        return t == null || t.isBefore(EARLIEST) || t.isAfter(LATEST) ? null : t;
    }

    /** Identifies a user across sign-ins: the object id, else the UPN, else the request (one per record). */
    private static String userKey(SignIn s) {
        if (s.userId() != null && !s.userId().isBlank()) {
            return "id:" + s.userId().toLowerCase(Locale.ROOT);
        }
        if (s.userPrincipalName() != null && !s.userPrincipalName().isBlank()) {
            return "upn:" + s.userPrincipalName().toLowerCase(Locale.ROOT);
        }
        return "req:" + s.id() + "@" + s.createdDateTime();
    }
}
