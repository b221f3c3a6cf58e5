package io.signdx.scenario.enterpriseapps.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.signdx.api.detector.Actor;
import io.signdx.api.detector.DetectionContext;
import io.signdx.api.detector.EvidenceTable;
import io.signdx.api.detector.Finding;
import io.signdx.api.model.SignIn;
import io.signdx.api.source.SignInQuery;
import io.signdx.api.source.SignInQuery.StatusFilter;

/**
 * Turns a matched rule into a finding: the assessment (what failed, why, which side must change), the
 * evidence, the recommendations, and — from a bounded look at the app's other sign-ins — how wide the
 * problem is, or for a workload's credential since when it fails.
 */
final class AppFindings {
    /** The diagnostic's usual window: a day either side. */
    static final Duration SCALE_WINDOW = Duration.ofHours(24);
    /** How far back a failing credential is traced. */
    static final Duration CREDENTIAL_LOOKBACK = Duration.ofDays(7);
    static final int SCALE_LIMIT = 200;
    static final int CREDENTIAL_LIMIT = 500;
    /** Rows of other failing sign-ins shown as evidence. */
    static final int SAMPLE_ROWS = 10;
    /** The record's texts are attacker-controlled and may be long; the assessment quotes only this much. */
    private static final int QUOTE_LIMIT = 300;
    /** Codes a workload's credential fails with, traced together. */
    static final Set<Integer> CREDENTIAL_CODES = Set.of(7000222, 7000215, 70002, 700027, 50012, 50048, 700030,
            50032, 7000218, 700229);

    private static final Map<Actor, String> SIDE = Map.of(
            Actor.ADMIN, "The fix is in Entra ID: a tenant administrator has to change the application's settings in "
                    + "this tenant.",
            Actor.APP_OWNER, "The fix belongs to the application's owner: its app registration and the settings or "
                    + "credentials the application itself uses (for a multitenant app bought from a vendor, the "
                    + "vendor).",
            Actor.VENDOR, "The fix is on the application's side, not in Entra ID: whoever runs the service provider "
                    + "(the SaaS vendor, or your own team for an in-house app) has to change what it sends.",
            Actor.USER, "Nothing is broken: the outcome follows a choice the user made, which the user or an "
                    + "administrator can revisit.");

    private AppFindings() {
    }

    static Finding build(String scenario, String title, AppRule rule, Facts facts, DetectionContext context) {
        SignIn s = facts.signIn();
        Finding.Builder f = Finding.builder(scenario).title(title + ": " + rule.label()).confidence(rule.confidence())
                .classification(rule.classification());
        if (!context.detailed()) {
            // counted, not read: the rule decides scenario, classification and confidence; the history and
            // the text are the cost
            return f.assessment(title + ": " + rule.label()).build();
        }
        StringBuilder assessment = new StringBuilder(headline(rule, facts)).append(' ')
                .append(facts.render(rule.cause())).append(' ').append(SIDE.get(rule.side()));
        f.evidence(signInTable(rule, facts));
        String history = history(rule, facts, context, f);
        if (!history.isEmpty()) {
            assessment.append(' ').append(history);
        }
        String details = details(s);
        if (!details.isEmpty()) {
            assessment.append(' ').append(details);
        }
        for (Step step : rule.steps()) {
            f.recommend(step.actor(), facts.render(step.text()), step.link());
        }
        missing(rule, facts, f);
        return f.assessment(assessment.toString()).build();
    }

    private static String headline(AppRule rule, Facts facts) {
        SignIn s = facts.signIn();
        if (facts.workload()) {
            return "The service principal '" + facts.principal() + "' (app id "
                    + Facts.orElse(s.appId(), "not recorded") + ") could not get a token for "
                    + facts.render("{resource}") + ": " + rule.label() + ".";
        }
        return "The sign-in of " + s.userLabel() + " to " + s.appLabel() + " failed with " + rule.label() + ".";
    }

    private static EvidenceTable signInTable(AppRule rule, Facts facts) {
        SignIn s = facts.signIn();
        List<List<String>> rows = new ArrayList<>();
        row(rows, "Time (UTC)", s.createdDateTime() == null ? null : s.createdDateTime().toString());
        row(rows, "Request id", s.id());
        row(rows, "Correlation id", s.correlationId());
        row(rows, "Application", label(s.appDisplayName(), s.appId()));
        row(rows, "Resource", label(s.resourceDisplayName(), s.resourceId()));
        if (facts.workload()) {
            row(rows, "Service principal", label(s.servicePrincipalName(), s.servicePrincipalId()));
            row(rows, "Credential type", s.clientCredentialType());
            row(rows, "Managed identity", s.managedIdentityType());
        } else {
            row(rows, "User", label(s.userPrincipalName(), s.userId()));
        }
        row(rows, "Protocol", s.authenticationProtocol());
        row(rows, "Client app", s.clientAppUsed());
        row(rows, "IP address", s.ipAddress());
        row(rows, "Error code", rule.label());
        row(rows, "Failure reason", s.status().failureReason());
        row(rows, "Additional details", s.status().additionalDetails());
        row(rows, "Who must change", rule.side() == Actor.ADMIN ? "Tenant administrator (Entra ID)"
                : rule.side() == Actor.APP_OWNER ? "Application owner (app registration, application settings)"
                : rule.side() == Actor.VENDOR ? "Service provider (the application's vendor or team)" : "User");
        return new EvidenceTable("Sign-in", List.of("Field", "Value"), rows);
    }

    private static void row(List<List<String>> rows, String field, String value) {
        if (value != null && !value.isBlank()) {
            rows.add(List.of(field, value));
        }
    }

    private static String label(String name, String id) {
        if (Facts.blank(name)) {
            return id;
        }
        return Facts.blank(id) || name.equals(id) ? name : name + " (" + id + ")";
    }

    /** One bounded related query: the credential's history for credential rules, else the code's spread. */
    private static String history(AppRule rule, Facts facts, DetectionContext context, Finding.Builder f) {
        SignIn s = facts.signIn();
        String app = Facts.blank(s.appId()) ? s.appDisplayName() : s.appId();
        if (Facts.blank(app)) {
            f.missing("the application id or name, to relate the app's other sign-ins");
            return "";
        }
        if (s.createdDateTime() == null) {
            f.missing("the sign-in time, to relate the app's other sign-ins");
            return "";
        }
        if (ConfigurationRules.CREDENTIAL_CLASSES.contains(rule.classification())) {
            return credentialHistory(rule, facts, app, context, f);
        }
        return spread(rule, facts, app, context, f);
    }

    private static String spread(AppRule rule, Facts facts, String app, DetectionContext context, Finding.Builder f) {
        SignIn s = facts.signIn();
        List<SignIn> same = context.related(SignInQuery.all().withApp(app).around(s.createdDateTime(), SCALE_WINDOW)
                .withErrorCodes(Set.of(rule.code())).withPage(0, SCALE_LIMIT));
        int count = same.contains(s) ? same.size() : same.size() + 1;
        Set<String> accounts = new HashSet<>();
        List<SignIn> others = new ArrayList<>();
        for (SignIn r : same) {
            accounts.add(account(r));
            if (!r.equals(s) && others.size() < SAMPLE_ROWS) {
                others.add(r);
            }
        }
        accounts.add(account(s));
        if (!others.isEmpty()) {
            f.evidence(EvidenceTable.ofSignIns("Other sign-ins to " + s.appLabel() + " failing with AADSTS"
                    + rule.code() + " within 24 hours (newest first, at most " + SAMPLE_ROWS + ")", others));
        }
        if (count <= 1) {
            return "It is the only failure of this kind for " + s.appLabel() + " in the 48 hours around it.";
        }
        String atLeast = same.size() >= SCALE_LIMIT ? "at least " : "";
        return "In the 48 hours around it, " + atLeast + count + " sign-ins to " + s.appLabel()
                + " failed the same way, by " + accounts.size() + (accounts.size() == 1 ? " account" : " accounts")
                + (accounts.size() > 1 ? ": it is not limited to one account." : ".");
    }

    private static String account(SignIn s) {
        if (!Facts.blank(s.userId())) {
            return s.userId().toLowerCase(Locale.ROOT);
        }
        if (!Facts.blank(s.userPrincipalName())) {
            return s.userPrincipalName().toLowerCase(Locale.ROOT);
        }
        return Facts.orElse(s.servicePrincipalId(), "?").toLowerCase(Locale.ROOT);
    }

    /** Since when the app's credential fails, how often, with which codes, and when it last worked. */
    private static String credentialHistory(AppRule rule, Facts facts, String app, DetectionContext context,
            Finding.Builder f) {
        SignIn s = facts.signIn();
        Instant at = s.createdDateTime();
        // records can carry any time, even the ends of the time line: stop there instead of overflowing
        Instant from = at.isBefore(Instant.MIN.plus(CREDENTIAL_LOOKBACK)) ? Instant.MIN : at.minus(CREDENTIAL_LOOKBACK);
        Instant to = at.isAfter(Instant.MAX.minus(SCALE_WINDOW)) ? Instant.MAX : at.plus(SCALE_WINDOW);
        List<SignIn> failures = new ArrayList<>(context.related(SignInQuery.all().withApp(app)
                .withWindow(from, to).withErrorCodes(CREDENTIAL_CODES)
                .withPage(0, CREDENTIAL_LIMIT)));
        boolean full = failures.size() >= CREDENTIAL_LIMIT;
        if (!failures.contains(s)) {
            failures.add(s);
        }
        Map<Integer, Instant[]> byCode = new TreeMap<>();
        Map<Integer, Integer> counts = new TreeMap<>();
        for (SignIn r : failures) {
            if (r.createdDateTime() != null) {
                Instant[] span = byCode.computeIfAbsent(r.errorCode(), c -> new Instant[] {r.createdDateTime(),
                    r.createdDateTime()});
                span[0] = r.createdDateTime().isBefore(span[0]) ? r.createdDateTime() : span[0];
                span[1] = r.createdDateTime().isAfter(span[1]) ? r.createdDateTime() : span[1];
                counts.merge(r.errorCode(), 1, Integer::sum);
            }
        }
        List<SignIn> lastSuccess = context.related(SignInQuery.all().withApp(app).withWindow(from, at)
                .withStatus(StatusFilter.SUCCESS).withPage(0, 1));
        String atLeast = full ? "at least " : "";
        List<List<String>> rows = new ArrayList<>();
        byCode.forEach((code, span) -> rows.add(Arrays.asList("AADSTS" + code, String.valueOf(counts.get(code)),
                time(span[0]), time(span[1]))));
        if (!rows.isEmpty()) {
            f.evidence(new EvidenceTable("Credential failures of " + facts.principal() + " from " + time(from)
                    + " to " + time(to), List.of("Code", "Attempts", "First", "Last"), rows));
        }
        StringBuilder b = new StringBuilder();
        Instant[] own = byCode.get(rule.code());
        if (own != null && counts.get(rule.code()) > 1) {
            b.append("It has failed this way since at least ").append(time(own[0])).append(": ").append(atLeast)
                    .append(counts.get(rule.code())).append(" attempts up to ").append(time(own[1])).append('.');
        } else {
            b.append("It is the only failure of this kind for ").append(facts.principal())
                    .append(" in the week before and the day after.");
        }
        Instant[] expired = byCode.get(7000222);
        if (rule.code() != 7000222 && expired != null && expired[0].isBefore(at)) {
            b.append(" Before that it failed ").append(counts.get(7000222)).append(" times with an expired secret "
                    + "(AADSTS7000222) from ").append(time(expired[0])).append(": the expired secret was replaced, "
                    + "but not with the new secret's value — check that the Value, not the Secret ID, was copied.");
        }
        if (lastSuccess.isEmpty()) {
            b.append(" No successful sign-in of ").append(facts.principal()).append(" is on record in the 7 days "
                    + "before.");
        } else {
            b.append(" Its last successful sign-in on record was at ")
                    .append(time(lastSuccess.get(0).createdDateTime())).append('.');
        }
        return b.toString();
    }

    private static String time(Instant t) {
        return t == null ? "an unknown time" : t.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static String details(SignIn s) {
        String reason = s.status().failureReason();
        String extra = s.status().additionalDetails();
        StringBuilder b = new StringBuilder();
        if (!Facts.blank(reason)) {
            String q = quote(reason);
            b.append("The record's failure reason says: \"").append(q).append('"').append(stop(q));
        }
        if (!Facts.blank(extra)) {
            String q = quote(extra);
            b.append(b.length() == 0 ? "" : " ").append("Additional details: \"").append(q).append('"').append(stop(q));
        }
        return b.toString();
    }

    /** A full stop after a quote, unless the quote already ends a sentence. */
    private static String stop(String quoted) {
        return quoted.endsWith(".") || quoted.endsWith("!") || quoted.endsWith("?") ? "" : ".";
    }

    private static String quote(String text) {
        String t = text.strip();
        StringBuilder b = new StringBuilder(Math.min(t.length(), QUOTE_LIMIT + 1));
        boolean space = false;
        for (int i = 0; i < t.length() && b.length() < QUOTE_LIMIT; i++) {
            char c = t.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                space = true;
            } else {
                if (space) {
                    b.append(' ');
                    space = false;
                }
                b.append(c);
            }
        }
        return b.length() < t.length() && b.length() >= QUOTE_LIMIT ? b + "…" : b.toString();
    }

    private static void missing(AppRule rule, Facts facts, Finding.Builder f) {
        String c = rule.classification();
        if (c.equals("reply-url") && facts.replyUrl() == null && rule.code() != 900971) {
            f.missing("the reply URL the application sent (the record does not quote it): read it from the "
                    + "redirect_uri parameter or the SAML request's AssertionConsumerServiceURL");
        }
        if (c.equals("reply-url") && rule.code() == 50011 && Facts.blank(facts.signIn().authenticationProtocol())) {
            f.missing("the authentication protocol, to tell a SAML Reply URL from an OAuth redirect URI");
        }
        if (c.startsWith("consent") || c.equals("required-permissions")) {
            f.missing("the permissions the application requested (sign-in records do not carry them): see the "
                    + "consent screen or the app's API permissions");
        }
        if (c.equals("saml-request") || c.equals("saml-binding") || c.equals("wsfed-request")) {
            f.missing("the request the application sent (sign-in records do not carry it): capture it to see the "
                    + "exact attribute to change");
        }
    }
}
