package io.signdx.scenario.sso.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.signdx.api.detector.DetectionContext;
import io.signdx.api.detector.Detector;
import io.signdx.api.detector.EvidenceTable;
import io.signdx.api.detector.Finding;
import io.signdx.api.detector.ScenarioDetector;
import io.signdx.api.model.AuthenticationDetail;
import io.signdx.api.model.SignIn;
import io.signdx.api.source.SignInQuery;
import io.signdx.api.tenant.DirectoryUser;
import io.signdx.api.tenant.TenantContext;
import io.signdx.api.tenant.TenantPart;

import org.osgi.service.component.annotations.Component;

/**
 * Seamless single sign-on failures: the browser on a domain-joined computer hands Entra ID a Kerberos
 * ticket, and the AADSTS810xx codes (and 50180) say why that did not sign the user in. Such a failure
 * blocks no one by itself — the sign-in page falls back to the password prompt — so the detector looks
 * for a successful sign-in of the same user within the following hour to tell "fell back and got in"
 * from "did not get in".
 */
@Component
@Detector(scenario = SsoFailureDetector.SCENARIO, family = "sso", title = "Seamless single sign-on",
        errorCodes = {50180, 81001, 81002, 81003, 81004, 81005, 81006, 81007, 81008, 81009, 81010, 81011, 81012,
            81013},
        specificity = 60)
public final class SsoFailureDetector implements ScenarioDetector {
    static final String SCENARIO = "sso.failure";
    /** A success of the same user this soon after the failure counts as the fallback having worked. */
    static final Duration FALLBACK_WINDOW = Duration.ofHours(1);
    /** Bounds the related query: the first success is all that matters, a few more are evidence. */
    static final int LATER_LIMIT = 20;

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter CLOCK =
            DateTimeFormatter.ofPattern("HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);
    // Times outside these bounds are damaged records: formatting them or widening them into a window throws.
    private static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9000-01-01T00:00:00Z");
    private static final String FALLBACK = " Seamless single sign-on failures block no one by themselves: the "
            + "sign-in page falls back to another method, usually the password prompt.";

    @Override
    public List<Finding> detect(SignIn signIn, DetectionContext context) {
        SsoCause cause = SsoCause.of(signIn.errorCode());
        if (cause == null) {
            return List.of();
        }
        String title = "Seamless SSO: " + cause.title();
        Finding.Builder f = Finding.builder(SCENARIO)
                .title(title)
                .classification(cause.classification())
                .confidence(cause.confidence());
        if (!context.detailed()) {
            // counted, not read: the code alone decides; the later sign-ins and group counts are only told
            return List.of(f.assessment(title).build());
        }
        Instant at = when(signIn);
        f.evidence(errorTable(signIn, cause));
        EvidenceTable steps = stepsTable(signIn);
        if (steps != null) {
            f.evidence(steps);
        }
        StringBuilder assessment = new StringBuilder()
                .append("The seamless single sign-on attempt of ").append(signIn.userLabel()).append(" to ")
                .append(signIn.appLabel()).append(at == null ? "" : " at " + TIME.format(at))
                .append(" failed with ").append(cause.label()).append(". ").append(cause.meaning());
        if (cause == SsoCause.TICKET_TOO_LARGE) {
            groupCount(signIn, context.tenant(), f, assessment);
        }
        assessment.append(FALLBACK);
        fallback(signIn, at, context, f, assessment);
        for (SsoStep step : cause.steps()) {
            f.recommend(step.recommendation());
        }
        return List.of(f.assessment(assessment.toString()).build());
    }

    /** Says whether the same user got in within the hour after the failure, and how. */
    private static void fallback(SignIn signIn, Instant at, DetectionContext context, Finding.Builder f,
            StringBuilder assessment) {
        String user = queryUser(signIn);
        if (at == null || user == null) {
            assessment.append(" SignDx could not check whether ").append(signIn.userLabel())
                    .append(" got in afterwards, because the record has no ")
                    .append(at == null ? "usable time." : "user id or name.");
            f.missing(at == null ? "the sign-in time, to look for a later successful sign-in of the user"
                    : "the user's id or name, to look for a later successful sign-in");
            return;
        }
        List<SignIn> related = context.related(SignInQuery.all().withUser(user).withStatus(SignInQuery.StatusFilter.SUCCESS)
                .withWindow(at, at.plus(FALLBACK_WINDOW)).withPage(0, LATER_LIMIT));
        List<SignIn> later = new ArrayList<>();
        if (related != null) {
            for (SignIn s : related) {
                if (s != null && s.errorCode() == 0 && when(s) != null && !when(s).isBefore(at)
                        && !when(s).isAfter(at.plus(FALLBACK_WINDOW)) && sameUser(signIn, s)) {
                    later.add(s);
                }
            }
        }
        if (later.isEmpty()) {
            assessment.append(" No successful sign-in of ").append(signIn.userLabel())
                    .append(" followed within an hour in the sign-ins available: the user may have stopped at the "
                            + "prompt, or the later sign-in is not in the data.");
            return;
        }
        later.sort(Comparator.comparing(SsoFailureDetector::when));
        SignIn first = later.get(0);
        long minutes = Duration.between(at, when(first)).toMinutes();
        assessment.append(" That happened here: ").append(signIn.userLabel()).append(" signed in successfully to ")
                .append(first.appLabel()).append(" at ").append(CLOCK.format(when(first))).append(" (")
                .append(minutes == 0 ? "within a minute" : minutes + (minutes == 1 ? " minute later" : " minutes later"))
                .append(")");
        method(first).ifPresent(m -> assessment.append(" with ").append(m));
        assessment.append(". The cost was convenience, an extra prompt; fix it when it affects many users or "
                + "users complain.");
        f.evidence(EvidenceTable.ofSignIns("Successful sign-ins of the user within an hour after this one", later));
    }

    /** Adds what the tenant snapshot says about the user's group memberships, the usual cause of big tickets. */
    private static void groupCount(SignIn signIn, TenantContext tenant, Finding.Builder f, StringBuilder assessment) {
        if (tenant == null || !tenant.parts().contains(TenantPart.USERS)) {
            f.missing("a tenant snapshot with users and their group memberships, to show how many groups the user "
                    + "is in");
            return;
        }
        Optional<DirectoryUser> user = lookup(tenant, signIn.userId());
        if (user.isEmpty()) {
            user = lookup(tenant, signIn.userPrincipalName());
        }
        if (user.isEmpty()) {
            f.missing("the user in the tenant snapshot, to count the user's group memberships");
            return;
        }
        int groups = user.get().groupIds().size();
        assessment.append(" The tenant snapshot lists ").append(groups).append(groups == 1 ? " group" : " groups")
                .append(" for the user in Entra ID; the synchronised ones are Active Directory groups that each add "
                        + "to the ticket, and on-premises-only groups add more.");
        f.evidence(new EvidenceTable("Group memberships in the tenant snapshot", List.of("User", "Groups"),
                List.of(List.of(signIn.userLabel(), String.valueOf(groups)))));
    }

    private static Optional<DirectoryUser> lookup(TenantContext tenant, String idOrUpn) {
        if (idOrUpn == null || idOrUpn.isBlank()) {
            return Optional.empty();
        }
        Optional<DirectoryUser> found = tenant.user(idOrUpn);
        return found == null ? Optional.empty() : found;
    }

    private static EvidenceTable errorTable(SignIn signIn, SsoCause cause) {
        return new EvidenceTable("Error", List.of("Code", "Name", "Classification", "Failure reason",
                "Authentication protocol"), List.of(Arrays.asList("AADSTS" + cause.code(), cause.microsoftName(),
                        cause.classification(), signIn.status().failureReason(), signIn.authenticationProtocol())));
    }

    private static EvidenceTable stepsTable(SignIn signIn) {
        return signIn.authenticationDetails().isEmpty() ? null
                : EvidenceTable.ofAuthenticationSteps(signIn.authenticationDetails());
    }

    /** How the later sign-in authenticated, when its record says. */
    private static Optional<String> method(SignIn s) {
        for (AuthenticationDetail d : s.authenticationDetails()) {
            if (d != null && d.method() != null && !d.method().isBlank() && !Boolean.FALSE.equals(d.succeeded())) {
                return Optional.of(d.method().strip());
            }
        }
        for (String m : s.authenticationMethodsUsed()) {
            if (m != null && !m.isBlank()) {
                return Optional.of(m.strip());
            }
        }
        return Optional.empty();
    }

    /** The value to query the user's other sign-ins by: the object id, else the UPN. */
    private static String queryUser(SignIn s) {
        if (s.userId() != null && !s.userId().isBlank()) {
            return s.userId();
        }
        return s.userPrincipalName() != null && !s.userPrincipalName().isBlank() ? s.userPrincipalName() : null;
    }

    private static boolean sameUser(SignIn a, SignIn b) {
        if (a.userId() != null && !a.userId().isBlank() && b.userId() != null && !b.userId().isBlank()) {
            return a.userId().equalsIgnoreCase(b.userId());
        }
        return a.userPrincipalName() != null && a.userPrincipalName().equalsIgnoreCase(b.userPrincipalName());
    }

    /** The sign-in's time when it is usable, else {@code null}. */
    private static Instant when(SignIn s) {
        Instant t = s.createdDateTime();
        return t == null || t.isBefore(EARLIEST) || t.isAfter(LATEST) ? null : t;
    }
}
