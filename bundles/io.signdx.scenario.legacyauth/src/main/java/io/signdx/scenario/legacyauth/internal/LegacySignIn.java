package io.signdx.scenario.legacyauth.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import io.signdx.api.detector.Actor;
import io.signdx.api.detector.Confidence;
import io.signdx.api.detector.DetectionContext;
import io.signdx.api.detector.EvidenceTable;
import io.signdx.api.detector.Finding;
import io.signdx.api.model.AppliedPolicy;
import io.signdx.api.model.ClientApp;
import io.signdx.api.model.PolicyResult;
import io.signdx.api.model.SignIn;
import io.signdx.api.source.SignInQuery;
import io.signdx.scenario.legacyauth.internal.Protocols.Protocol;

/**
 * One legacy sign-in being diagnosed: the parts every classification shares — how to name it, its
 * evidence, the bounded look at the account's and the address's other legacy sign-ins, and the
 * recommendations for moving off the protocol. Used by one call only.
 */
final class LegacySignIn {
    /** How far either side the account's and the address's legacy use is counted. */
    static final Duration WINDOW = Duration.ofDays(7);
    static final int RELATED_LIMIT = 500;
    /** Accounts named in a sentence at most; the table lists them all. */
    private static final int ACCOUNTS_NAMED = 5;

    private final SignIn signIn;
    private final Protocol protocol;
    private final DetectionContext context;
    /** Each recorded policy with its result parsed once: parsing is not free and several questions need it. */
    private final List<Recorded> recorded = new ArrayList<>();
    private Finding.Builder finding;

    LegacySignIn(SignIn signIn, Protocol protocol, DetectionContext context) {
        this.signIn = signIn;
        this.protocol = protocol;
        this.context = context;
        for (AppliedPolicy p : signIn.appliedConditionalAccessPolicies()) {
            recorded.add(new Recorded(p, result(p)));
        }
    }

    /** Graph's usual spellings directly, anything else through the lenient (and slower) parser. */
    private static PolicyResult result(AppliedPolicy p) {
        String v = p.resultValue();
        if (v == null) {
            return PolicyResult.UNKNOWN;
        }
        return switch (v) {
            case "success" -> PolicyResult.SUCCESS;
            case "failure" -> PolicyResult.FAILURE;
            case "notApplied" -> PolicyResult.NOT_APPLIED;
            case "notEnabled" -> PolicyResult.NOT_ENABLED;
            case "reportOnlyFailure" -> PolicyResult.REPORT_ONLY_FAILURE;
            case "reportOnlyNotApplied" -> PolicyResult.REPORT_ONLY_NOT_APPLIED;
            default -> p.result();
        };
    }

    private record Recorded(AppliedPolicy policy, PolicyResult result) {
    }

    SignIn signIn() {
        return signIn;
    }

    Protocol protocol() {
        return protocol;
    }

    DetectionContext context() {
        return context;
    }

    /** Starts the finding with its title, classification and the sign-in's own evidence. */
    /** The finding's title: the protocol and whether it got through. */
    String title() {
        return LegacyAuthDetector.TITLE + (signIn.errorCode() == 0 ? " succeeded: " : " blocked: ") + protocolName();
    }

    Finding.Builder finding(String classification, Confidence confidence) {
        finding = Finding.builder(LegacyAuthDetector.SCENARIO).title(title()).classification(classification)
                .confidence(confidence).evidence(signInTable());
        List<AppliedPolicy> relevant = relevantPolicies();
        if (!relevant.isEmpty()) {
            finding.evidence(policyTable(relevant));
        }
        return finding;
    }

    String protocolName() {
        return protocol.app().graphValue();
    }

    String user() {
        return signIn.userLabel();
    }

    /** "The sign-in of ann to Exchange over IMAP4 (…) from 198.51.100.7 (Oslo, NO)". */
    String subject() {
        return "The sign-in of " + user() + " to " + signIn.appLabel() + " over " + protocolName() + " ("
                + protocol.what() + ")" + from();
    }

    String from() {
        String ip = signIn.ipAddress();
        if (ip == null || ip.isBlank()) {
            return "";
        }
        String where = signIn.location().display();
        return " from " + ip + (where.isEmpty() ? "" : " (" + where + ")");
    }

    String legacyNote() {
        return protocolName() + " is a legacy protocol: it sends a user name and password with every request and "
                + "can neither prompt for multifactor authentication nor prove which device it runs on.";
    }

    List<AppliedPolicy> failingPolicies() {
        return policies(PolicyResult.FAILURE);
    }

    List<AppliedPolicy> policies(PolicyResult result) {
        return recorded.stream().filter(r -> r.result() == result).map(Recorded::policy).toList();
    }

    /** Enabled policies that look meant for legacy clients and did not apply. */
    List<AppliedPolicy> legacyPoliciesNotApplied() {
        return recorded.stream().filter(r -> r.result() == PolicyResult.NOT_APPLIED && looksLegacy(r.policy()))
                .map(Recorded::policy).toList();
    }

    /** What the record says about Conditional Access, for an exposure. */
    String caOutcome(Finding.Builder f) {
        return switch (signIn.conditionalAccessStatus()) {
            case NOT_APPLIED -> "No Conditional Access policy applied to it.";
            case SUCCESS -> "Conditional Access policies applied and were satisfied, but none of them blocks legacy "
                    + "clients for this account and app.";
            default -> {
                f.missing("the sign-in's Conditional Access status");
                yield "The record does not say whether Conditional Access applied.";
            }
        };
    }

    /** Appends the client's self-description and the account's legacy use around this sign-in. */
    void appendClientAndActivity(StringBuilder a, boolean blocked) {
        String agent = signIn.userAgent();
        if (agent != null && !agent.isBlank()) {
            a.append(" The client identified itself as '").append(agent).append('\'');
            String os = signIn.deviceDetail().operatingSystem();
            a.append(os == null || os.isBlank() ? "" : " on " + os).append('.');
        } else if (protocol.app() == ClientApp.OTHER_CLIENTS) {
            finding.missing("the user agent, to tell which client hides behind 'Other clients'");
        }
        String key = firstNonBlank(signIn.userId(), signIn.userPrincipalName());
        if (key == null || signIn.createdDateTime() == null) {
            finding.missing(key == null ? "the user's id or UPN, to count the account's other legacy sign-ins"
                    : "the sign-in time, to count the account's other legacy sign-ins");
            return;
        }
        List<SignIn> related = context.related(SignInQuery.all().withUser(key).around(signIn.createdDateTime(), WINDOW)
                .withPage(0, RELATED_LIMIT));
        LegacyActivity activity = LegacyActivity.of(related, signIn);
        LegacyActivity.Tally own = activity.protocol(protocol.app());
        String bound = related.size() >= RELATED_LIMIT ? " (among the account's latest " + RELATED_LIMIT + " sign-ins)"
                : "";
        finding.evidence(activity.protocolTable("Legacy sign-ins of " + user() + " within 7 days either side" + bound));
        a.append(" In the week either side, ").append(user()).append(" made ").append(own.total)
                .append(own.total == 1 ? " legacy sign-in" : " legacy sign-ins").append(" over ").append(protocolName())
                .append(" (").append(own.failed()).append(" failed, ").append(own.succeeded).append(" succeeded)");
        if (own.total > 1) {
            a.append(" between ").append(LegacyActivity.time(own.first)).append(" and ")
                    .append(LegacyActivity.time(own.last));
        }
        int others = activity.total() - own.total;
        if (others > 0) {
            List<String> names = new ArrayList<>(activity.protocols().keySet());
            names.remove(protocolName());
            a.append(", and ").append(others).append(" over ").append(String.join(", ", names));
        }
        a.append('.');
        int otherSuccesses = activity.protocols().values().stream().mapToInt(t -> t.succeeded).sum();
        if (blocked && otherSuccesses > 0) {
            a.append(" Some of them succeeded: not every legacy path this account uses is blocked (see the table).");
        }
    }

    /** Appends which accounts used legacy protocols from the same address (for an exposure). */
    void appendAddressActivity(StringBuilder a) {
        String ip = signIn.ipAddress();
        if (ip == null || ip.isBlank() || signIn.createdDateTime() == null) {
            finding.missing("the client IP address and time, to find other accounts using legacy protocols from it");
            return;
        }
        List<SignIn> related = context.related(SignInQuery.all().withIpAddress(ip)
                .around(signIn.createdDateTime(), WINDOW).withPage(0, RELATED_LIMIT));
        LegacyActivity activity = LegacyActivity.of(related, signIn);
        List<String> accounts = new ArrayList<>(activity.accounts());
        if (accounts.size() <= 1) {
            a.append(" No other account used legacy protocols from ").append(ip).append(" in that time.");
            return;
        }
        finding.evidence(activity.accountTable("Accounts using legacy protocols from " + ip
                + " within 7 days either side"));
        List<String> named = accounts.subList(0, Math.min(ACCOUNTS_NAMED, accounts.size()));
        a.append(" From ").append(ip).append(", ").append(accounts.size()).append(" accounts used legacy protocols in "
                + "that time: ").append(String.join(", ", named))
                .append(accounts.size() > ACCOUNTS_NAMED ? " and others (see the table)." : ".");
    }

    /** How the client moves off the protocol: the admin's way, and the user's where the user can act. */
    void moveRecommendations(Finding.Builder f) {
        String agent = signIn.userAgent();
        String move = protocol.move() + (agent == null || agent.isBlank() ? ""
                : " This client identifies itself as '" + agent + "'.");
        f.recommend(Actor.ADMIN, move, protocol.link());
        if (protocol.userStep() != null) {
            f.recommend(Actor.USER, protocol.userStep(), protocol.link());
        }
    }

    /** Switching the protocol off in Exchange Online, for the mailbox and for the organisation. */
    void disableRecommendation(Finding.Builder f) {
        String mailbox = firstNonBlank(signIn.userPrincipalName(), user());
        StringBuilder b = new StringBuilder("Switch basic authentication off where it is not needed: ");
        if (protocol.casSwitch() != null) {
            b.append("for this mailbox, Set-CASMailbox -Identity ").append(mailbox).append(' ')
                    .append(protocol.casSwitch()).append("; ");
        }
        b.append("for the organisation, an Exchange Online authentication policy (New-AuthenticationPolicy creates "
                + "one with every AllowBasicAuth* switch");
        if (protocol.basicAuthSwitch() != null) {
            b.append(", ").append(protocol.basicAuthSwitch()).append(" included,");
        }
        b.append(" off), assigned with Set-User -Identity ").append(mailbox).append(" -AuthenticationPolicy or made "
                + "the default with Set-OrganizationConfig -DefaultAuthenticationPolicy.");
        f.recommend(Actor.ADMIN, b.toString(), LegacyAuthDetector.BASIC_AUTH_LINK);
    }

    private EvidenceTable signInTable() {
        List<List<String>> rows = new ArrayList<>();
        row(rows, "Time (UTC)", signIn.createdDateTime() == null ? null : signIn.createdDateTime().toString());
        row(rows, "Request id", signIn.id());
        row(rows, "User", signIn.userPrincipalName() == null ? user() : signIn.userPrincipalName());
        row(rows, "Application", signIn.appLabel());
        row(rows, "Protocol (client app)", signIn.clientAppUsed());
        row(rows, "User agent", signIn.userAgent());
        row(rows, "Device", device());
        row(rows, "IP address", signIn.ipAddress());
        row(rows, "Location", signIn.location().display());
        row(rows, "Error code", String.valueOf(signIn.errorCode()));
        row(rows, "Failure reason", signIn.status().failureReason());
        row(rows, "Conditional Access", signIn.conditionalAccessStatusValue());
        row(rows, "Authentication requirement", signIn.authenticationRequirementValue());
        return new EvidenceTable("Sign-in", List.of("Field", "Value"), rows);
    }

    private String device() {
        List<String> parts = new ArrayList<>();
        var d = signIn.deviceDetail();
        for (String p : new String[] {d.displayName(), d.operatingSystem(), d.browser()}) {
            if (p != null && !p.isBlank()) {
                parts.add(p);
            }
        }
        if (!parts.isEmpty()) {
            parts.add(d.isRegistered() ? "registered" : "not registered");
        }
        return String.join(", ", parts);
    }

    private List<AppliedPolicy> relevantPolicies() {
        return recorded.stream().filter(r -> r.result() == PolicyResult.FAILURE
                || r.result() == PolicyResult.REPORT_ONLY_FAILURE || looksLegacy(r.policy())).map(Recorded::policy)
                .toList();
    }

    private static EvidenceTable policyTable(List<AppliedPolicy> policies) {
        List<List<String>> rows = new ArrayList<>();
        for (AppliedPolicy p : policies) {
            rows.add(List.of(name(p), p.resultValue() == null ? "" : p.resultValue(),
                    String.join(", ", p.enforcedGrantControls()),
                    String.join(", ", new TreeSet<>(p.conditionsSatisfied())),
                    String.join(", ", new TreeSet<>(p.conditionsNotSatisfied()))));
        }
        return new EvidenceTable("Conditional Access policies that blocked the sign-in or concern legacy clients",
                List.of("Policy", "Result", "Grant controls", "Conditions satisfied", "Conditions not satisfied"),
                rows);
    }

    /** A policy meant for legacy clients: named so, or its client-app condition matched this sign-in. */
    static boolean looksLegacy(AppliedPolicy p) {
        String n = p.displayName() == null ? "" : p.displayName().toLowerCase(Locale.ROOT);
        return n.contains("legacy") || n.contains("basic auth")
                || p.conditionsSatisfied().stream().anyMatch(c -> c.equalsIgnoreCase("clientType"));
    }

    static String name(AppliedPolicy p) {
        return firstNonBlank(p.displayName(), p.id(), "unnamed policy");
    }

    /** "the policy 'A'" or "the policies 'A', 'B'". */
    static String names(List<AppliedPolicy> policies) {
        return (policies.size() == 1 ? "the policy " : "the policies ") + quoted(policies);
    }

    /** "'A', 'B'". */
    static String quoted(List<AppliedPolicy> policies) {
        return String.join(", ", policies.stream().map(p -> "'" + name(p) + "'").toList());
    }

    /** " (condition not satisfied: users)" or "". */
    static String unmet(AppliedPolicy p) {
        if (p.conditionsNotSatisfied().isEmpty()) {
            return "";
        }
        return " (condition" + (p.conditionsNotSatisfied().size() == 1 ? "" : "s") + " not satisfied: "
                + String.join(", ", new TreeSet<>(p.conditionsNotSatisfied())) + ")";
    }

    private static void row(List<List<String>> rows, String field, String value) {
        if (value != null && !value.isBlank()) {
            rows.add(List.of(field, value));
        }
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }
}
