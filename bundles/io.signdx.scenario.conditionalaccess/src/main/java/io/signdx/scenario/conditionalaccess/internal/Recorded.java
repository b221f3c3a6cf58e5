package io.signdx.scenario.conditionalaccess.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import io.signdx.api.model.AppliedPolicy;
import io.signdx.api.model.AuthenticationDetail;
import io.signdx.api.model.AuthenticationRequirement;
import io.signdx.api.model.CrossTenantAccessType;
import io.signdx.api.model.NetworkLocation;
import io.signdx.api.model.PolicyResult;
import io.signdx.api.model.RequirementPolicy;
import io.signdx.api.model.SignIn;
import io.signdx.api.model.UserType;

/** What the detectors read from a sign-in record the same way: its policies, its user, its conditions. */
final class Recorded {
    /** Condition names of {@code conditionsSatisfied} in the order the tables list them. */
    private static final List<String> CONDITION_ORDER = List.of("users", "serviceprincipals", "application",
            "deviceplatform", "location", "clienttype", "signinrisk", "userrisk", "serviceprincipalrisk", "insiderrisk",
            "authenticationflows", "devicestate", "time", "client", "ipaddressseenbyazuread",
            "ipaddressseenbyresourceprovider");

    /** Requirement providers that stand for Conditional Access (Graph's requirementProvider values, keyed). */
    private static final Set<String> CA_PROVIDERS = Set.of("multiconditionalaccess", "v1conditionalaccess",
            "conditionalaccess", "v1conditionalaccessdependency", "v1conditionalaccesspolicyidrequested",
            "authenticationstrengths", "gpslocationcondition");

    private Recorded() {
    }

    /** The policy's result; records almost always spell it as Graph does, so that is tried before parsing. */
    static PolicyResult result(AppliedPolicy p) {
        String v = p.resultValue();
        if (v == null) {
            return PolicyResult.UNKNOWN;
        }
        return switch (v) {
            case "success" -> PolicyResult.SUCCESS;
            case "failure" -> PolicyResult.FAILURE;
            case "notApplied" -> PolicyResult.NOT_APPLIED;
            case "reportOnlySuccess" -> PolicyResult.REPORT_ONLY_SUCCESS;
            case "reportOnlyFailure" -> PolicyResult.REPORT_ONLY_FAILURE;
            case "reportOnlyNotApplied" -> PolicyResult.REPORT_ONLY_NOT_APPLIED;
            case "reportOnlyInterrupted" -> PolicyResult.REPORT_ONLY_INTERRUPTED;
            default -> p.result();
        };
    }

    /** The recorded policies with this result. */
    static List<AppliedPolicy> withResult(SignIn s, PolicyResult result) {
        List<AppliedPolicy> out = new ArrayList<>(2);
        for (AppliedPolicy p : s.appliedConditionalAccessPolicies()) {
            if (p != null && result(p) == result) {
                out.add(p);
            }
        }
        return out;
    }

    /** The enforced policies (result success or failure) whose grant contains one of the controls. */
    static List<AppliedPolicy> enforcing(SignIn s, Set<Control> anyOf) {
        List<AppliedPolicy> out = new ArrayList<>(2);
        for (AppliedPolicy p : s.appliedConditionalAccessPolicies()) {
            if (p == null) {
                continue;
            }
            PolicyResult r = result(p);
            if ((r == PolicyResult.SUCCESS || r == PolicyResult.FAILURE) && anyOf(p, anyOf)) {
                out.add(p);
            }
        }
        return out;
    }

    static boolean anyOf(AppliedPolicy p, Set<Control> wanted) {
        for (String v : p.enforcedGrantControls()) {
            Control c = Control.of(v);
            if (c != null && wanted.contains(c)) {
                return true;
            }
        }
        return false;
    }

    static String label(AppliedPolicy p) {
        return !Text.blank(p.displayName()) ? p.displayName() : Text.blank(p.id()) ? "unnamed policy" : p.id();
    }

    static List<String> labels(Collection<AppliedPolicy> policies) {
        List<String> out = new ArrayList<>(policies.size());
        for (AppliedPolicy p : policies) {
            out.add(label(p));
        }
        return out;
    }

    /** True when a requirement provider of the record stands for Conditional Access. */
    static boolean conditionalAccessProvider(SignIn s) {
        for (RequirementPolicy p : s.authenticationRequirementPolicies()) {
            if (p != null && conditionalAccessProvider(p.requirementProvider())) {
                return true;
            }
        }
        return false;
    }

    /** True when a requirementProvider value stands for Conditional Access. */
    static boolean conditionalAccessProvider(String value) {
        return CA_PROVIDERS.contains(Text.key(value));
    }

    /** True when the record lists any requirement provider with a value. */
    static boolean anyProvider(SignIn s) {
        for (RequirementPolicy p : s.authenticationRequirementPolicies()) {
            if (p != null && !Text.blank(p.requirementProvider())) {
                return true;
            }
        }
        return false;
    }

    /** True when multifactor authentication was satisfied (requirement or a successful MFA step). */
    static boolean mfaDone(SignIn s) {
        for (AuthenticationDetail d : s.authenticationDetails()) {
            if (d != null && Boolean.TRUE.equals(d.succeeded()) && Text.key(d.requirement()).contains("multifactor")) {
                return true;
            }
        }
        return s.errorCode() == 0 && s.authenticationRequirement() == AuthenticationRequirement.MULTI_FACTOR;
    }

    // ---- the user -----------------------------------------------------------------------------------

    /** True when both tenants are recorded and differ. */
    static boolean tenantsDiffer(SignIn s) {
        return !Text.blank(s.homeTenantId()) && !Text.blank(s.resourceTenantId())
                && !s.homeTenantId().strip().equalsIgnoreCase(s.resourceTenantId().strip());
    }

    /** True when both tenants are recorded and are the same. */
    static boolean tenantsSame(SignIn s) {
        return !Text.blank(s.homeTenantId()) && !Text.blank(s.resourceTenantId())
                && s.homeTenantId().strip().equalsIgnoreCase(s.resourceTenantId().strip());
    }

    static boolean b2bAccess(SignIn s) {
        CrossTenantAccessType t = s.crossTenantAccessType();
        return t == CrossTenantAccessType.B2B_COLLABORATION || t == CrossTenantAccessType.B2B_DIRECT_CONNECT;
    }

    /**
     * True for a user from another organisation: B2B access recorded, or a guest, and not both tenants
     * recorded as the same (a local guest account is not cross-tenant).
     */
    static boolean external(SignIn s) {
        return !tenantsSame(s) && (b2bAccess(s) || s.userType() == UserType.GUEST);
    }

    // ---- conditions ---------------------------------------------------------------------------------

    /** The record's satisfied condition names, keyed, in table order; unknown names at the end. */
    static List<String> satisfiedConditions(AppliedPolicy p) {
        List<String> recorded = new ArrayList<>(p.conditionsSatisfied().size());
        for (String v : p.conditionsSatisfied()) {
            String k = Text.key(v);
            if (!k.isEmpty() && !k.equals("none") && !recorded.contains(k)) {
                recorded.add(k);
            }
        }
        // the record's set has no order: list known conditions as the admin center does, others after them
        recorded.sort((a, b) -> Integer.compare(order(a), order(b)));
        return recorded;
    }

    private static int order(String key) {
        int i = CONDITION_ORDER.indexOf(key);
        return i < 0 ? CONDITION_ORDER.size() : i;
    }

    /** A recorded condition name (keyed) as the admin center names it. */
    static String conditionLabel(String key) {
        return switch (key) {
            case "users" -> "Users";
            case "serviceprincipals" -> "Workload identities";
            case "application" -> "Target resources";
            case "deviceplatform" -> "Device platforms";
            case "location" -> "Locations";
            case "clienttype" -> "Client apps";
            case "signinrisk" -> "Sign-in risk";
            case "userrisk" -> "User risk";
            case "serviceprincipalrisk" -> "Service principal risk";
            case "insiderrisk" -> "Insider risk";
            case "authenticationflows" -> "Authentication flows";
            case "devicestate" -> "Filter for devices";
            case "time" -> "Time";
            case "client" -> "Client";
            case "ipaddressseenbyazuread" -> "IP address seen by Microsoft Entra ID";
            case "ipaddressseenbyresourceprovider" -> "IP address seen by the resource";
            default -> Text.quote(key);
        };
    }

    /** The sign-in's own value for a recorded condition name (keyed). */
    static String signInValue(String key, SignIn s) {
        return switch (key) {
            case "users" -> user(s);
            case "serviceprincipals" -> Text.blank(s.servicePrincipalName()) ? Text.text(s.servicePrincipalId())
                    : Text.quote(s.servicePrincipalName());
            case "application" -> application(s);
            case "deviceplatform" -> Text.blank(s.deviceDetail().operatingSystem()) ? "operating system not recorded"
                    : Text.quote(s.deviceDetail().operatingSystem());
            case "location", "ipaddressseenbyazuread", "ipaddressseenbyresourceprovider" -> location(s);
            case "clienttype" -> Text.blank(s.clientAppUsed()) ? "not recorded" : Text.quote(s.clientAppUsed());
            case "signinrisk" -> "sign-in risk " + orUnknown(s.risk().riskLevelDuringSignInValue());
            case "userrisk" -> "user risk " + orUnknown(s.risk().riskLevelAggregatedValue());
            case "authenticationflows" -> "protocol " + orUnknown(s.authenticationProtocol());
            case "devicestate" -> Text.device(s);
            default -> "not on the record";
        };
    }

    private static String orUnknown(String v) {
        return Text.blank(v) ? "not recorded" : Text.quote(v);
    }

    /** "ann@contoso.example (guest, home tenant 1234…)". */
    static String user(SignIn s) {
        StringBuilder b = new StringBuilder(Text.quote(s.userLabel()));
        String type = Text.blank(s.userTypeValue()) ? null : Text.quote(s.userTypeValue());
        if (type != null || tenantsDiffer(s)) {
            b.append(" (");
            if (type != null) {
                b.append(type);
            }
            if (tenantsDiffer(s)) {
                b.append(type == null ? "" : ", ").append("home tenant ").append(Text.quote(s.homeTenantId()));
            }
            b.append(')');
        }
        return b.toString();
    }

    static String application(SignIn s) {
        String app = Text.quote(s.appLabel());
        if (!Text.blank(s.resourceDisplayName()) && !s.resourceDisplayName().equals(s.appDisplayName())) {
            return app + " (resource " + Text.quote(s.resourceDisplayName()) + ")";
        }
        return app;
    }

    static String location(SignIn s) {
        StringBuilder b = new StringBuilder(Text.address(s));
        for (NetworkLocation n : s.networkLocationDetails()) {
            if (n != null && !n.networkNames().isEmpty()) {
                b.append("; named location ").append(Text.names(n.networkNames()));
                if (Text.key(n.networkType()).contains("trusted")) {
                    b.append(" (trusted)");
                }
            }
        }
        return b.toString();
    }
}
