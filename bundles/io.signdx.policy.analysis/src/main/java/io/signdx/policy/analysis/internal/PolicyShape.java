package io.signdx.policy.analysis.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import io.signdx.api.tenant.ConditionalAccessPolicy;
import io.signdx.api.tenant.GrantControls;
import io.signdx.api.tenant.PolicyConditions;

/**
 * What a policy's configuration says, read structurally (no sign-in, no snapshot lookups): whether it
 * targets every user and every app, which other conditions narrow it, whether its grant can lock people
 * out. Every value comes from a snapshot file, so nothing here trusts its spelling or its presence.
 */
final class PolicyShape {
    static final String ALL = "all";
    /** Grant controls that a user without a managed device or app cannot satisfy by themselves. */
    private static final Set<String> DEVICE_OR_APP = Set.of("compliantdevice", "domainjoineddevice",
            "approvedapplication", "compliantapplication");
    private static final Pattern GUID = Pattern
            .compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private PolicyShape() {
    }

    static boolean disabled(ConditionalAccessPolicy p) {
        return "disabled".equalsIgnoreCase(p.state());
    }

    /** Includes every user ({@code All}). */
    static boolean allUsers(ConditionalAccessPolicy p) {
        PolicyConditions.Users u = p.conditions().users();
        return u != null && containsIgnoreCase(u.includeUsers(), ALL);
    }

    /** Includes every app ({@code All}), whatever it excludes. */
    static boolean allApps(ConditionalAccessPolicy p) {
        PolicyConditions.Applications a = p.conditions().applications();
        return a != null && containsIgnoreCase(a.includeApplications(), ALL);
    }

    /** Includes every platform explicitly and excludes none. */
    static boolean allPlatformsExplicitly(ConditionalAccessPolicy p) {
        PolicyConditions.IncludeExclude pl = p.conditions().platforms();
        return pl != null && containsIgnoreCase(pl.include(), ALL) && pl.exclude().isEmpty();
    }

    /**
     * The configured conditions, other than users and apps, that keep the policy from applying to every
     * sign-in (e.g. "client apps: exchangeActiveSync, other"); empty when only users and apps narrow it.
     *
     * @param ignorePlatforms true to leave an explicit all-platforms selection out of the question
     */
    static List<String> narrowing(ConditionalAccessPolicy p, boolean ignorePlatforms) {
        PolicyConditions c = p.conditions();
        List<String> out = new ArrayList<>();
        PolicyConditions.IncludeExclude pl = c.platforms();
        if (pl != null && !(ignorePlatforms && allPlatformsExplicitly(p))
                && !(containsIgnoreCase(pl.include(), ALL) && pl.exclude().isEmpty())) {
            out.add("platforms: " + describe(pl));
        }
        PolicyConditions.IncludeExclude loc = c.locations();
        if (loc != null && !(containsIgnoreCase(loc.include(), ALL) && loc.exclude().isEmpty())) {
            out.add("locations: " + describe(loc));
        }
        if (c.clientAppTypes() != null && !c.clientAppTypes().isEmpty() && !containsIgnoreCase(c.clientAppTypes(), ALL)) {
            out.add("client apps: " + String.join(", ", c.clientAppTypes()));
        }
        addList(out, "sign-in risk", c.signInRiskLevels());
        addList(out, "user risk", c.userRiskLevels());
        addList(out, "service principal risk", c.servicePrincipalRiskLevels());
        addList(out, "insider risk", c.insiderRiskLevels());
        addList(out, "authentication flows", c.authenticationFlowTransferMethods());
        if (c.devices() != null && c.devices().rule() != null && !c.devices().rule().isBlank()) {
            out.add("device filter: " + c.devices().mode() + " " + c.devices().rule());
        }
        return out;
    }

    private static void addList(List<String> out, String label, List<String> values) {
        if (values != null && !values.isEmpty()) {
            out.add(label + ": " + String.join(", ", values));
        }
    }

    private static String describe(PolicyConditions.IncludeExclude ie) {
        String s = "include " + (ie.include().isEmpty() ? "nothing" : String.join(", ", ie.include()));
        return ie.exclude().isEmpty() ? s : s + ", exclude " + String.join(", ", ie.exclude());
    }

    /**
     * The grant in words when it can lock a user out who has no managed device or app: Block, or only
     * device / app controls to choose from (OR), or one of them required (AND); empty otherwise (e.g.
     * MFA, which every user can register for).
     */
    static java.util.Optional<String> lockoutGrant(ConditionalAccessPolicy p) {
        GrantControls g = p.grantControls();
        if (g == null) {
            return java.util.Optional.empty();
        }
        if (g.blocks()) {
            return java.util.Optional.of("Block access");
        }
        List<String> deviceOrApp = g.builtInControls().stream()
                .filter(c -> c != null && DEVICE_OR_APP.contains(c.toLowerCase(Locale.ROOT))).toList();
        if (deviceOrApp.isEmpty()) {
            return java.util.Optional.empty();
        }
        if (g.requiresAll()) {
            return java.util.Optional.of("Require " + words(deviceOrApp, " and "));
        }
        boolean otherWay = g.authenticationStrength() != null || !g.customAuthenticationFactors().isEmpty()
                || g.builtInControls().size() > deviceOrApp.size();
        return otherWay ? java.util.Optional.empty() : java.util.Optional.of("Require " + words(deviceOrApp, " or "));
    }

    /** The grant in words, for messages. */
    static String grantWords(ConditionalAccessPolicy p) {
        GrantControls g = p.grantControls();
        if (g == null) {
            return "no grant control";
        }
        if (g.blocks()) {
            return "Block access";
        }
        List<String> parts = new ArrayList<>(g.builtInControls());
        if (g.authenticationStrength() != null) {
            parts.add("authentication strength " + g.authenticationStrength().label());
        }
        if (!g.termsOfUse().isEmpty()) {
            parts.add("terms of use");
        }
        parts.addAll(g.customAuthenticationFactors());
        return parts.isEmpty() ? "no grant control" : "Require " + words(parts, g.requiresAll() ? " and " : " or ");
    }

    static String words(List<String> controls, String joiner) {
        return String.join(joiner, controls.stream().map(PolicyShape::controlName).toList());
    }

    /** Graph's control names as the admin center shows them. */
    static String controlName(String control) {
        if (control == null) {
            return "unknown control";
        }
        return switch (control.toLowerCase(Locale.ROOT)) {
            case "mfa" -> "multifactor authentication";
            case "compliantdevice" -> "a compliant device";
            case "domainjoineddevice" -> "a Microsoft Entra hybrid joined device";
            case "approvedapplication" -> "an approved client app";
            case "compliantapplication" -> "an app protection policy";
            case "passwordchange" -> "a password change";
            case "block" -> "block";
            default -> control;
        };
    }

    /** The grant has something to enforce: block or at least one control. */
    static boolean grants(ConditionalAccessPolicy p) {
        GrantControls g = p.grantControls();
        return g != null && (!g.builtInControls().isEmpty() || g.authenticationStrength() != null
                || !g.termsOfUse().isEmpty() || !g.customAuthenticationFactors().isEmpty());
    }

    /** A signature of the grant, to tell whether two policies enforce the same thing. */
    static String grantSignature(ConditionalAccessPolicy p) {
        GrantControls g = p.grantControls();
        if (g == null) {
            return "";
        }
        List<String> sorted = g.builtInControls().stream().map(c -> c == null ? "" : c.toLowerCase(Locale.ROOT))
                .sorted().toList();
        return (g.requiresAll() ? "AND" : "OR") + sorted + (g.authenticationStrength() == null ? ""
                : g.authenticationStrength().id()) + g.termsOfUse() + g.customAuthenticationFactors();
    }

    static boolean isGuid(String value) {
        return value != null && GUID.matcher(value.trim()).matches();
    }

    static boolean containsIgnoreCase(List<String> values, String wanted) {
        if (values == null) {
            return false;
        }
        for (String v : values) {
            if (v != null && v.trim().equalsIgnoreCase(wanted)) {
                return true;
            }
        }
        return false;
    }

    /** Quotes a value from a snapshot for a message, cut when long (it is attacker-controlled text). */
    static String quote(String value) {
        if (value == null) {
            return "(none)";
        }
        String v = value.replaceAll("\\p{Cntrl}", " ");
        return "'" + (v.length() > 80 ? v.substring(0, 77) + "..." : v) + "'";
    }
}
