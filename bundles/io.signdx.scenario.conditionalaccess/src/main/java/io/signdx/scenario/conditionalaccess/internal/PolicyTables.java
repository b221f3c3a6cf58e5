package io.signdx.scenario.conditionalaccess.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.signdx.api.detector.EvidenceTable;
import io.signdx.api.detector.Finding;
import io.signdx.api.model.AppliedPolicy;
import io.signdx.api.model.PolicyResult;
import io.signdx.api.model.SignIn;

/**
 * The per-policy evidence of the Conditional Access findings: for each policy that caused the outcome a
 * Conditions table, an Access controls table and (when it has any) a Session controls table — only what
 * applied, each next to the sign-in's own value — plus the other policies that applied and the policies
 * on which the record and the snapshot disagree.
 */
final class PolicyTables {
    /** At most this many policies get their own tables; the assessment names the rest. */
    static final int POLICIES_TABLED = 3;

    static final List<String> CONDITION_COLUMNS = List.of("Condition", "Configured in the policy", "This sign-in",
            "Why it matched");
    static final List<String> CONTROL_COLUMNS = List.of("Control", "This sign-in", "Met");
    static final List<String> SESSION_COLUMNS = List.of("Session control", "Setting");
    static final List<String> OTHER_COLUMNS = List.of("Policy", "Result", "Grant controls", "Session controls");
    static final List<String> DISAGREEMENT_COLUMNS = List.of("Policy", "On the record", "From the snapshot",
            "What it means");

    private PolicyTables() {
    }

    /**
     * Adds the tables of the involved policies.
     *
     * @param unmet the controls the error code says were not met, with the words for the Met column
     */
    static void add(Finding.Builder f, List<Involved> involved, SignIn s, Map<Control, String> unmet) {
        for (int i = 0; i < involved.size() && i < POLICIES_TABLED; i++) {
            Involved p = involved.get(i);
            EvidenceTable conditions = conditions(p, s);
            if (conditions != null) {
                f.evidence(conditions);
            }
            EvidenceTable access = access(p, s, unmet);
            if (access != null) {
                f.evidence(access);
            }
            EvidenceTable session = session(p);
            if (session != null) {
                f.evidence(session);
            }
        }
    }

    /** The conditions that brought the sign-in into the policy; null when nothing says which. */
    static EvidenceTable conditions(Involved p, SignIn s) {
        List<List<String>> rows = new ArrayList<>();
        if (p.evaluated() != null && !p.evaluated().satisfied().isEmpty()) {
            for (SnapshotView.ConditionRow r : p.evaluated().satisfied()) {
                rows.add(List.of(Text.text(r.condition()), Text.cell(r.configured()), Text.cell(r.signInValue()),
                        Text.cell(r.reason())));
            }
        } else if (p.recorded() != null) {
            for (String key : Recorded.satisfiedConditions(p.recorded())) {
                rows.add(List.of(Recorded.conditionLabel(key), "not on the sign-in record",
                        Recorded.signInValue(key, s), "satisfied, as the record says"));
            }
        }
        return rows.isEmpty() ? null : new EvidenceTable("Policy '" + Text.quote(p.label()) + "': conditions",
                CONDITION_COLUMNS, rows);
    }

    /** The grant controls, each with what the sign-in brought and whether it was met. */
    static EvidenceTable access(Involved p, SignIn s, Map<Control, String> unmet) {
        List<List<String>> rows = new ArrayList<>();
        SnapshotView.PolicyView v = p.evaluated();
        List<String> recorded = p.recorded() == null ? List.of() : p.recorded().enforcedGrantControls();
        if (!recorded.isEmpty()) {
            for (String value : recorded) {
                Control c = Control.of(value);
                if (c != null) {
                    rows.add(row(c, value, v, s, unmet));
                }
            }
        } else if (v != null) {
            for (Control c : v.controls()) {
                rows.add(row(c, c.words(), v, s, unmet));
            }
        }
        if (rows.isEmpty()) {
            return null;
        }
        String how = v == null ? rows.size() > 1 ? " (whether one or all are required is not on the record)" : ""
                : rows.size() > 1 ? v.requiresAll() ? " (all of them required)" : " (one of them required)" : "";
        return new EvidenceTable("Policy '" + Text.quote(p.label()) + "': access controls" + how, CONTROL_COLUMNS,
                rows);
    }

    private static List<String> row(Control c, String value, SnapshotView.PolicyView v, SignIn s,
            Map<Control, String> unmet) {
        String name = switch (c) {
            case OTHER -> "'" + Text.quote(value) + "' (custom control or terms of use)";
            case AUTHENTICATION_STRENGTH -> v != null && v.authenticationStrength() != null
                    ? c.words() + " '" + Text.quote(v.authenticationStrength()) + "'" : c.words();
            case TERMS_OF_USE -> v != null && !v.termsOfUse().isEmpty()
                    ? c.words() + " " + Text.names(v.termsOfUse()) : c.words();
            default -> c.words();
        };
        String met = unmet.get(c);
        return List.of(name, brought(c, s), met != null ? met : met(c, s));
    }

    /** What the record says the sign-in brought for a control. */
    static String brought(Control c, SignIn s) {
        return switch (c) {
            case BLOCK -> "nothing the sign-in brings can satisfy a block";
            case MFA, AUTHENTICATION_STRENGTH -> mfa(s);
            case COMPLIANT_DEVICE, DOMAIN_JOINED_DEVICE -> Text.device(s);
            case APPROVED_APP, APP_PROTECTION -> "client app " + (Text.blank(s.clientAppUsed()) ? "not recorded"
                    : "'" + Text.quote(s.clientAppUsed()) + "'") + ", " + (Text.blank(s.deviceDetail().operatingSystem())
                    ? "operating system not recorded" : Text.quote(s.deviceDetail().operatingSystem()));
            default -> "not on the sign-in record";
        };
    }

    private static String mfa(SignIn s) {
        if (Recorded.mfaDone(s)) {
            return "multifactor authentication completed";
        }
        String r = s.authenticationRequirementValue();
        return Text.blank(r) ? "authentication requirement not recorded" : "requirement " + Text.quote(r);
    }

    /** Whether the record shows the control met, when the error code does not already say. */
    static String met(Control c, SignIn s) {
        var d = s.deviceDetail();
        return switch (c) {
            case BLOCK -> "blocks";
            case MFA -> Recorded.mfaDone(s) ? "yes" : "not on the record";
            case COMPLIANT_DEVICE -> d.isCompliant() != null ? d.isCompliant() ? "yes" : "no"
                    : d.isRegistered() ? "not on the record" : "no (the device is not registered)";
            case DOMAIN_JOINED_DEVICE -> Text.key(d.trustType()).contains("hybrid") ? "yes"
                    : !d.isRegistered() ? "no (the device is not registered)"
                    : Text.blank(d.trustType()) ? "not on the record" : "no";
            default -> "not on the record";
        };
    }

    /** The policy's session controls, from the snapshot (with settings) or the record; null when none. */
    static EvidenceTable session(Involved p) {
        List<List<String>> rows = new ArrayList<>();
        if (p.evaluated() != null && !p.evaluated().session().isEmpty()) {
            for (String text : p.evaluated().session()) {
                int colon = text == null ? -1 : text.indexOf(':');
                rows.add(colon < 0 ? List.of(Text.cell(text), "") : List.of(Text.quote(text.substring(0, colon)),
                        Text.cell(text.substring(colon + 1).strip())));
            }
        } else if (p.recorded() != null) {
            for (String value : p.recorded().enforcedSessionControls()) {
                if (!Text.blank(value)) {
                    rows.add(List.of(Control.session(value), "in the policy; not on the sign-in record"));
                }
            }
        }
        return rows.isEmpty() ? null : new EvidenceTable("Policy '" + Text.quote(p.label()) + "': session controls",
                SESSION_COLUMNS, rows);
    }

    /** The other enforced policies that applied (success or failure), when there are any. */
    static EvidenceTable others(SignIn s, List<Involved> involved) {
        List<List<String>> rows = new ArrayList<>();
        for (AppliedPolicy p : s.appliedConditionalAccessPolicies()) {
            if (p == null || Recorded.result(p) != PolicyResult.SUCCESS && Recorded.result(p) != PolicyResult.FAILURE
                    || isInvolved(p, involved)) {
                continue;
            }
            rows.add(List.of(Text.quote(Recorded.label(p)), Text.quote(p.resultValue()),
                    String.join(", ", Control.describe(p.enforcedGrantControls())),
                    String.join(", ", p.enforcedSessionControls().stream().map(Control::session).toList())));
        }
        return rows.isEmpty() ? null : new EvidenceTable("Other policies that applied", OTHER_COLUMNS, rows);
    }

    private static boolean isInvolved(AppliedPolicy p, List<Involved> involved) {
        for (Involved i : involved) {
            if (i.recorded() == p) {
                return true;
            }
        }
        return false;
    }

    /** The report-only policies that would have blocked or interrupted the sign-in. */
    static List<AppliedPolicy> reportOnlyActing(SignIn s) {
        List<AppliedPolicy> out = new ArrayList<>(1);
        for (AppliedPolicy p : s.appliedConditionalAccessPolicies()) {
            PolicyResult r = p == null ? null : Recorded.result(p);
            if (r == PolicyResult.REPORT_ONLY_FAILURE || r == PolicyResult.REPORT_ONLY_INTERRUPTED) {
                out.add(p);
            }
        }
        return out;
    }

    /** The report-only policies that would have acted, as a table; null when there are none. */
    static EvidenceTable reportOnly(List<AppliedPolicy> policies) {
        if (policies.isEmpty()) {
            return null;
        }
        List<List<String>> rows = new ArrayList<>(policies.size());
        for (AppliedPolicy p : policies) {
            rows.add(List.of(Text.quote(Recorded.label(p)), Text.quote(p.resultValue()),
                    String.join(", ", Control.describe(p.enforcedGrantControls()))));
        }
        return new EvidenceTable("Report-only policies that would have acted (not enforced)",
                List.of("Policy", "Result", "Grant controls"), rows);
    }

    /** The policies whose recorded result the snapshot contradicts; null when they agree. */
    static EvidenceTable disagreements(SnapshotView view) {
        if (view == null || view.disagreements().isEmpty()) {
            return null;
        }
        List<List<String>> rows = new ArrayList<>();
        for (SnapshotView.DisagreementView d : view.disagreements()) {
            rows.add(List.of(Text.quote(d.policy()), Text.quote(d.recorded()), Text.cell(d.evaluated()),
                    Text.cell(d.explanation())));
        }
        return new EvidenceTable("Record and tenant snapshot disagree", DISAGREEMENT_COLUMNS, rows);
    }

    /**
     * Why the policy applied, in one sentence: the snapshot's reasons, else the conditions the record
     * lists as satisfied; empty when neither says.
     */
    static String why(Involved p, SignIn s) {
        if (p.evaluated() != null && !p.evaluated().satisfied().isEmpty()) {
            StringBuilder b = new StringBuilder(" It applied to this sign-in because ");
            List<SnapshotView.ConditionRow> rows = p.evaluated().satisfied();
            for (int i = 0; i < rows.size(); i++) {
                SnapshotView.ConditionRow r = rows.get(i);
                b.append(i == 0 ? "" : i == rows.size() - 1 ? " and " : ", ")
                        .append(Text.lower(r.condition())).append(": ").append(Text.quote(r.reason()));
            }
            return b.append('.').toString();
        }
        if (p.recorded() != null) {
            List<String> keys = Recorded.satisfiedConditions(p.recorded());
            if (!keys.isEmpty()) {
                List<String> labels = new ArrayList<>(keys.size());
                for (String k : keys) {
                    labels.add(Text.lower(Recorded.conditionLabel(k)));
                }
                return " The record lists its " + join(labels) + " "
                        + (labels.size() == 1 ? "condition" : "conditions") + " as satisfied; which assignment "
                        + "brought the sign-in in (a group, a role, a location) is only known from the policy itself.";
            }
        }
        return "";
    }

    /** "a", "a and b", "a, b and c". */
    static String join(List<String> items) {
        if (items.size() <= 1) {
            return items.isEmpty() ? "" : items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    /**
     * The condition that narrows a policy beyond users and resources, as a classification: {@code location},
     * {@code platform}, {@code client-app}, {@code risk}, {@code device-filter}, {@code authentication-flow},
     * {@code workload-identity}; {@code users-and-apps} when only users and resources are satisfied; null
     * when nothing says.
     */
    static String narrowing(Involved p) {
        List<String> keys = new ArrayList<>();
        if (p.evaluated() != null && !p.evaluated().satisfied().isEmpty()) {
            for (SnapshotView.ConditionRow r : p.evaluated().satisfied()) {
                keys.add(Text.key(r.condition()));
            }
        } else if (p.recorded() != null) {
            keys.addAll(Recorded.satisfiedConditions(p.recorded()));
        }
        if (keys.isEmpty()) {
            return null;
        }
        String[][] order = {{"risk", "signinrisk", "userrisk", "serviceprincipalrisk", "insiderrisk"},
            {"location", "location", "locations", "ipaddressseenbyazuread", "ipaddressseenbyresourceprovider"},
            {"platform", "deviceplatform", "deviceplatforms"}, {"client-app", "clienttype", "clientapps"},
            {"device-filter", "devicestate", "filterfordevices"}, {"authentication-flow", "authenticationflows"},
            {"workload-identity", "serviceprincipals", "workloadidentities"}};
        for (String[] kind : order) {
            for (int i = 1; i < kind.length; i++) {
                if (keys.contains(kind[i])) {
                    return kind[0];
                }
            }
        }
        return "users-and-apps";
    }

    /** True when any involved policy's controls contain one of these. */
    static boolean anyControl(List<Involved> involved, Set<Control> wanted) {
        for (Involved i : involved) {
            for (Control c : i.controls()) {
                if (wanted.contains(c)) {
                    return true;
                }
            }
        }
        return false;
    }
}
