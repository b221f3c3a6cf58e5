package io.signdx.policy.analysis.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import io.signdx.api.tenant.ConditionalAccessPolicy;
import io.signdx.api.tenant.DirectoryUser;
import io.signdx.api.tenant.PolicyConditions;
import io.signdx.policy.LintFinding;
import io.signdx.policy.LintFinding.Severity;

/**
 * The rules that read one policy with the snapshot's directory: the "select all" consequences of
 * Microsoft's Conditional Access troubleshooting guide (all users and all apps with a grant that can
 * lock everybody out, administrators included), policies that include nobody or exclude everybody they
 * include, missing exclusions, and references to objects the snapshot does not have.
 */
final class StructureRules {
    static final String LOCKOUT = "lockout-no-emergency-exclusion";
    static final String BLOCK_EVERYONE = "block-all-users-all-apps";
    static final String BLOCK_ALL_PLATFORMS = "block-all-users-all-apps-all-platforms";
    static final String EXCLUSION_CHECK = "emergency-exclusion-check";
    static final String INCLUDES_NOBODY = "includes-nobody";
    static final String EXCLUDES_NOBODY = "excludes-nobody";
    static final String EXCLUSIONS_COVER = "exclusions-cover-inclusions";
    static final String MISSING = "missing-reference";
    static final String PLACEHOLDER = "placeholder-value";
    static final String DISABLED = "disabled-policy-would-lock-out";

    private static final Set<String> USER_KEYWORDS = Set.of("all", "none", "guestsorexternalusers");
    private static final Set<String> APP_KEYWORDS = Set.of("all", "none", "office365", "microsoftadminportals");
    private static final Set<String> LOCATION_KEYWORDS = Set.of("all", "alltrusted");
    private static final String FIX_EXCLUDE = "Exclude your emergency-access (break-glass) accounts, or a group holding "
            + "only them, from the policy; keep at least two such cloud-only accounts and monitor their sign-ins.";

    private final Directory directory;
    private final List<ConditionalAccessPolicy> relyOnExclusions = new ArrayList<>();
    private final List<String> exclusionTexts = new ArrayList<>();

    /** One instance per lint run: it collects the policies that rely on their exclusions. */
    StructureRules(Directory directory) {
        this.directory = directory;
    }

    /** Every structural finding for an enabled or report-only policy. */
    List<LintFinding> check(ConditionalAccessPolicy p) {
        List<LintFinding> out = new ArrayList<>();
        selectAll(p, out, true);
        includesNobody(p).ifPresent(out::add);
        exclusionsCoverInclusions(p).ifPresent(out::add);
        references(p, out);
        return out;
    }

    /** A disabled policy is skipped, unless switching it on would lock everybody out: worth a line. */
    Optional<LintFinding> disabled(ConditionalAccessPolicy p) {
        List<LintFinding> would = new ArrayList<>();
        selectAll(p, would, false);
        return would.stream().filter(f -> f.severity() == Severity.CRITICAL).findFirst()
                .map(f -> finding(DISABLED, Severity.LOW, p,
                        "The disabled policy " + name(p) + " is not evaluated, but enabling it as it stands would "
                                + "be critical: " + f.problem(),
                        f.fix()));
    }

    // ------------------------------------------------------------------ "select all" consequences

    /** @param enforceable false for a disabled policy's trial run: it relies on nothing yet */
    private void selectAll(ConditionalAccessPolicy p, List<LintFinding> out, boolean enforceable) {
        if (!PolicyShape.allUsers(p) || !PolicyShape.allApps(p)) {
            if (PolicyShape.allUsers(p) && PolicyShape.grants(p) && exclusions(p).isEmpty()) {
                out.add(excludesNobody(p));
            }
            return;
        }
        Optional<String> lockout = PolicyShape.lockoutGrant(p);
        List<String> found = exclusions(p);
        List<String> effective = effectiveExclusions(p);
        String scope = "applies to all users, in all apps" + appExclusions(p);
        boolean enforced = !p.reportOnly();
        String mode = enforced ? "" : " It is report-only now; once enabled it enforces this.";
        if (p.blocks() && PolicyShape.allPlatformsExplicitly(p) && PolicyShape.narrowing(p, true).isEmpty()) {
            out.add(finding(BLOCK_ALL_PLATFORMS, enforced ? Severity.CRITICAL : Severity.HIGH, p,
                    "The policy " + name(p) + " " + scope + " and on all device platforms, and blocks access: it "
                            + "blocks the entire organization" + (found.isEmpty() ? ", administrators included."
                                    : " except " + String.join(", ", found) + ".") + mode,
                    "Narrow the policy to what must be blocked (specific apps, client apps, locations or risk "
                            + "levels), or disable it. " + (effective.isEmpty() ? FIX_EXCLUDE : "")));
            return;
        }
        if (lockout.isEmpty()) {
            if (PolicyShape.grants(p) && found.isEmpty()) {
                out.add(excludesNobody(p));
            }
            return;
        }
        List<String> narrowing = PolicyShape.narrowing(p, false);
        if (effective.isEmpty()) {
            Severity severity = narrowing.isEmpty() ? Severity.CRITICAL : Severity.HIGH;
            if (!enforced) {
                severity = narrowing.isEmpty() ? Severity.HIGH : Severity.MEDIUM;
            }
            String exclusionText = found.isEmpty() ? "It excludes no user or group, so no emergency-access account is "
                    + "spared."
                    : "Its exclusions (" + String.join(", ", found) + ") are missing, empty or placeholders in the "
                            + "snapshot, so they spare no emergency-access account.";
            out.add(finding(LOCKOUT, severity, p,
                    "The policy " + name(p) + " " + scope + ", with the grant '" + lockout.get() + "'"
                            + (narrowing.isEmpty() ? "" : " when " + String.join("; ", narrowing)) + ". "
                            + exclusionText + " " + consequence(p) + mode,
                    FIX_EXCLUDE + " Test the change in report-only mode first."));
            return;
        }
        if (p.blocks() && narrowing.isEmpty()) {
            out.add(finding(BLOCK_EVERYONE, enforced ? Severity.HIGH : Severity.MEDIUM, p,
                    "The policy " + name(p) + " " + scope + ", and blocks access with no other condition: only "
                            + String.join(", ", effective) + " can still sign in." + mode,
                    "Narrow the policy to what must be blocked (specific apps, client apps, locations or risk "
                            + "levels) or disable it."));
            return;
        }
        if (enforceable) {
            relyOnExclusions.add(p);
            exclusionTexts.add(name(p) + " ('" + lockout.get() + "') excludes " + String.join(", ", effective));
        }
    }

    /**
     * One line for all policies that could lock everybody out and are kept from it by their exclusions
     * only: which exclusions those are, to be checked as the emergency-access accounts.
     */
    Optional<LintFinding> exclusionCheck() {
        if (relyOnExclusions.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new LintFinding(EXCLUSION_CHECK, Severity.LOW,
                relyOnExclusions.stream().map(p -> String.valueOf(p.id())).toList(),
                relyOnExclusions.stream().map(p -> String.valueOf(p.label())).toList(),
                "These policies apply to all users in all apps with a grant that can lock people out, and their "
                        + "exclusions are what spares the emergency-access accounts: " + String.join("; ", exclusionTexts)
                        + ".",
                "Make sure these exclusions are your emergency-access accounts (cloud-only, strong credentials, "
                        + "sign-ins monitored) and hold nobody else.", List.of()));
    }

    private static String consequence(ConditionalAccessPolicy p) {
        if (p.blocks()) {
            return "This blocks everyone it reaches, including the administrators who would have to undo it.";
        }
        return "A user without such a device or app, an administrator included, cannot sign in anywhere, not even "
                + "to the Intune or Azure portals to enroll a device or change the policy.";
    }

    private LintFinding excludesNobody(ConditionalAccessPolicy p) {
        return finding(EXCLUDES_NOBODY, Severity.LOW, p,
                "The policy " + name(p) + " applies to all users with '" + PolicyShape.grantWords(p)
                        + "' and excludes no user or group, not even an emergency-access account.",
                "Exclude your emergency-access (break-glass) accounts from every Conditional Access policy, so that "
                        + "a mistake or an outage of a control (MFA, device management) cannot lock everyone out.");
    }

    private static String appExclusions(ConditionalAccessPolicy p) {
        List<String> excluded = p.conditions().applications().excludeApplications();
        return excluded.isEmpty() ? "" : " but " + String.join(", ", excluded);
    }

    /** The user and group exclusions, described. */
    private List<String> exclusions(ConditionalAccessPolicy p) {
        PolicyConditions.Users u = p.conditions().users();
        List<String> out = new ArrayList<>();
        if (u == null) {
            return out;
        }
        for (String id : u.excludeUsers()) {
            if (id != null && !id.equalsIgnoreCase("GuestsOrExternalUsers")) {
                out.add(directory.describeUser(id));
            }
        }
        for (String id : u.excludeGroups()) {
            if (id != null) {
                out.add(directory.describeGroup(id));
            }
        }
        return out;
    }

    /** The exclusions that spare someone: a user or a group the snapshot does not show to be missing or empty. */
    private List<String> effectiveExclusions(ConditionalAccessPolicy p) {
        PolicyConditions.Users u = p.conditions().users();
        List<String> out = new ArrayList<>();
        if (u == null) {
            return out;
        }
        for (String id : u.excludeUsers()) {
            if (id != null && !id.equalsIgnoreCase("GuestsOrExternalUsers")
                    && (!placeholder(id) || directory.userKnown(id)) && !directory.userMissing(id)) {
                out.add(directory.describeUser(id));
            }
        }
        for (String id : u.excludeGroups()) {
            if (id != null && (!placeholder(id) || directory.groupKnown(id)) && !directory.groupIneffective(id)) {
                out.add(directory.describeGroup(id));
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ nobody included / everybody excluded

    private Optional<LintFinding> includesNobody(ConditionalAccessPolicy p) {
        PolicyConditions.Users u = p.conditions().users();
        if (u == null) {
            if (p.conditions().clientApplications() == null) {
                return Optional.of(finding(INCLUDES_NOBODY, Severity.MEDIUM, p,
                        "The policy " + name(p) + " has no users condition (and no workload identities), so it "
                                + "targets nobody.",
                        "Assign users, groups or roles to the policy, or delete it."));
            }
            return Optional.empty();
        }
        if (PolicyShape.containsIgnoreCase(u.includeUsers(), "None")) {
            return Optional.of(finding(INCLUDES_NOBODY, Severity.LOW, p,
                    "The policy " + name(p) + " includes the users 'None': it applies to nobody.",
                    "If the policy is meant to protect someone, assign users, groups or roles; otherwise disable or "
                            + "delete it so that it does not suggest protection that is not there."));
        }
        boolean guests = PolicyShape.containsIgnoreCase(u.includeUsers(), "GuestsOrExternalUsers")
                || (u.includeGuestsOrExternalUsers() != null
                        && !u.includeGuestsOrExternalUsers().guestOrExternalUserTypes().isEmpty());
        if (PolicyShape.allUsers(p) || guests) {
            return Optional.empty();
        }
        List<String> includes = new ArrayList<>();
        List<String> ineffective = new ArrayList<>();
        for (String id : u.includeUsers()) {
            if (id == null) {
                continue;
            }
            includes.add(id);
            if ((placeholder(id) && !directory.userKnown(id)) || directory.userMissing(id)) {
                ineffective.add(directory.describeUser(id));
            }
        }
        for (String id : u.includeGroups()) {
            if (id == null) {
                continue;
            }
            includes.add(id);
            if ((placeholder(id) && !directory.groupKnown(id)) || directory.groupIneffective(id)) {
                ineffective.add(directory.describeGroup(id));
            }
        }
        for (String id : u.includeRoles()) {
            if (id == null) {
                continue;
            }
            includes.add(id);
            if (placeholder(id) || directory.roleHolderCount(id) == 0) {
                ineffective.add(directory.describeRole(id));
            }
        }
        if (includes.isEmpty()) {
            return Optional.of(finding(INCLUDES_NOBODY, Severity.MEDIUM, p,
                    "The policy " + name(p) + " includes no user, group, role or guest type: it applies to nobody.",
                    "Assign users, groups or roles to the policy, or delete it."));
        }
        if (ineffective.size() == includes.size()) {
            return Optional.of(finding(INCLUDES_NOBODY, Severity.MEDIUM, p,
                    "The policy " + name(p) + " includes only " + String.join(", ", ineffective)
                            + ": according to the snapshot it applies to nobody.",
                    "Check the included groups and users: add the intended members, or point the policy at the "
                            + "right group. If the snapshot is old or partial, export it again and lint once more."));
        }
        return Optional.empty();
    }

    private Optional<LintFinding> exclusionsCoverInclusions(ConditionalAccessPolicy p) {
        PolicyConditions c = p.conditions();
        List<String> covered = new ArrayList<>();
        PolicyConditions.Users u = c.users();
        if (u != null && usersAllExcluded(u)) {
            covered.add("users (every included user, group and role is excluded again)");
        }
        PolicyConditions.Applications a = c.applications();
        if (a != null && subset(a.includeApplications(), a.excludeApplications())) {
            covered.add("apps (included: " + String.join(", ", a.includeApplications()) + "; excluded again)");
        }
        if (c.platforms() != null && subset(c.platforms().include(), c.platforms().exclude())) {
            covered.add("platforms (" + String.join(", ", c.platforms().include()) + " included and excluded)");
        }
        if (c.locations() != null && subset(c.locations().include(), c.locations().exclude())) {
            covered.add("locations (" + String.join(", ", c.locations().include()) + " included and excluded)");
        }
        if (covered.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(finding(EXCLUSIONS_COVER, Severity.MEDIUM, p,
                "The exclusions of " + name(p) + " cover everything it includes: " + String.join("; ", covered)
                        + ". The policy can never apply.",
                "Remove the exclusion that repeats the inclusion, or target the policy at what it is meant to "
                        + "protect."));
    }

    private boolean usersAllExcluded(PolicyConditions.Users u) {
        boolean guests = PolicyShape.containsIgnoreCase(u.includeUsers(), "GuestsOrExternalUsers")
                || (u.includeGuestsOrExternalUsers() != null
                        && !u.includeGuestsOrExternalUsers().guestOrExternalUserTypes().isEmpty());
        if (guests || PolicyShape.containsIgnoreCase(u.includeUsers(), "None")) {
            return false;
        }
        // "All" reaches users a snapshot may not list (a partial export): never claim those are all excluded
        if (PolicyShape.containsIgnoreCase(u.includeUsers(), PolicyShape.ALL)) {
            return false;
        }
        if (covers(u.includeUsers(), u.excludeUsers()) && covers(u.includeGroups(), u.excludeGroups())
                && covers(u.includeRoles(), u.excludeRoles())
                && !(u.includeUsers().isEmpty() && u.includeGroups().isEmpty() && u.includeRoles().isEmpty())) {
            return true;
        }
        // with the snapshot's users: is everyone the policy reaches through its groups and roles excluded?
        if (!directory.hasUsers()) {
            return false;
        }
        int included = 0;
        for (DirectoryUser du : directory.users()) {
            if (matches(du, u.includeUsers(), u.includeGroups(), u.includeRoles())) {
                included++;
                if (!matches(du, u.excludeUsers(), u.excludeGroups(), u.excludeRoles())) {
                    return false;
                }
            }
        }
        return included > 0;
    }

    private static boolean matches(DirectoryUser du, List<String> users, List<String> groups, List<String> roles) {
        return containsAny(users, Set.of(lower(du.id()), lower(du.userPrincipalName())))
                || containsAny(groups, lowerAll(du.groupIds())) || containsAny(roles, lowerAll(du.roleTemplateIds()));
    }

    private static boolean containsAny(List<String> values, Set<String> keys) {
        for (String v : values) {
            if (v != null && keys.contains(lower(v))) {
                return true;
            }
        }
        return false;
    }

    /** An include list that is empty or whose every value the exclude list repeats. */
    private static boolean covers(List<String> include, List<String> exclude) {
        return include.isEmpty() || subset(include, exclude);
    }

    /** A non-empty include list whose every value the exclude list repeats. */
    private static boolean subset(List<String> include, List<String> exclude) {
        if (include.isEmpty() || exclude.isEmpty()) {
            return false;
        }
        Set<String> ex = lowerAll(exclude);
        return include.stream().allMatch(v -> v != null && ex.contains(lower(v)));
    }

    // ------------------------------------------------------------------ references and placeholders

    private void references(ConditionalAccessPolicy p, List<LintFinding> out) {
        PolicyConditions c = p.conditions();
        List<String> placeholders = new ArrayList<>();
        List<String> missingIncluded = new ArrayList<>();
        List<String> missingExcluded = new ArrayList<>();
        PolicyConditions.Users u = c.users();
        if (u != null) {
            for (String id : u.includeUsers()) {
                userRef(id, "included user", placeholders, missingIncluded);
            }
            for (String id : u.excludeUsers()) {
                userRef(id, "excluded user", placeholders, missingExcluded);
            }
            for (String id : u.includeGroups()) {
                groupRef(id, "included group", placeholders, missingIncluded);
            }
            for (String id : u.excludeGroups()) {
                groupRef(id, "excluded group", placeholders, missingExcluded);
            }
            for (String id : u.includeRoles()) {
                idRef(id, "included role", placeholders);
            }
            for (String id : u.excludeRoles()) {
                idRef(id, "excluded role", placeholders);
            }
        }
        PolicyConditions.Applications a = c.applications();
        if (a != null) {
            for (String id : a.includeApplications()) {
                appRef(id, "included app", placeholders, missingIncluded);
            }
            for (String id : a.excludeApplications()) {
                appRef(id, "excluded app", placeholders, missingExcluded);
            }
        }
        if (c.locations() != null) {
            for (String id : c.locations().include()) {
                locationRef(id, "included location", placeholders, missingIncluded);
            }
            for (String id : c.locations().exclude()) {
                locationRef(id, "excluded location", placeholders, missingExcluded);
            }
        }
        if (!placeholders.isEmpty()) {
            out.add(finding(PLACEHOLDER, Severity.MEDIUM, p,
                    "The policy " + name(p) + " holds values where object ids belong: " + String.join(", ", placeholders)
                            + ". It looks like a template whose placeholders were never replaced; such a value "
                            + "matches nothing, so an inclusion targets nobody and an exclusion spares nobody.",
                    "Replace each placeholder with the id of the intended user, group, role, app or named location "
                            + "(the admin center does this when the policy is created from a template), then export "
                            + "the snapshot again."));
        }
        if (!missingExcluded.isEmpty()) {
            out.add(finding(MISSING, Severity.MEDIUM, p,
                    "The policy " + name(p) + " excludes objects the snapshot does not have: "
                            + String.join(", ", missingExcluded) + ". If they are gone from the tenant, the exclusion "
                            + "spares nobody (an emergency-access exclusion that no longer works locks those accounts "
                            + "in with everyone else).",
                    "Check that each excluded object still exists; replace deleted ones, or export the snapshot with "
                            + "every part (users, groups, service principals, named locations) and lint again."));
        }
        if (!missingIncluded.isEmpty()) {
            out.add(finding(MISSING, Severity.LOW, p,
                    "The policy " + name(p) + " refers to objects the snapshot does not have: "
                            + String.join(", ", missingIncluded) + ". Sign-ins cannot be matched against them here, and "
                            + "if they were deleted the policy protects less than it seems.",
                    "Check that each object still exists in the tenant, or export the snapshot with every part and "
                            + "lint again."));
        }
    }

    private void userRef(String id, String role, List<String> placeholders, List<String> missing) {
        if (id == null || USER_KEYWORDS.contains(lower(id))) {
            return;
        }
        if (placeholder(id) && !directory.userKnown(id)) {
            placeholders.add(role + " " + PolicyShape.quote(id));
        } else if (directory.userMissing(id)) {
            missing.add(role + " " + PolicyShape.quote(id));
        }
    }

    private void groupRef(String id, String role, List<String> placeholders, List<String> missing) {
        if (id == null) {
            return;
        }
        if (placeholder(id) && !directory.groupKnown(id)) {
            placeholders.add(role + " " + PolicyShape.quote(id));
        } else if (directory.hasGroups() && !directory.groupKnown(id)) {
            missing.add(role + " " + PolicyShape.quote(id));
        }
    }

    private static void idRef(String id, String role, List<String> placeholders) {
        if (id != null && placeholder(id)) {
            placeholders.add(role + " " + PolicyShape.quote(id));
        }
    }

    private void appRef(String id, String role, List<String> placeholders, List<String> missing) {
        if (id == null || APP_KEYWORDS.contains(lower(id))) {
            return;
        }
        if (placeholder(id) && directory.servicePrincipalMissing(id)) {
            placeholders.add(role + " " + PolicyShape.quote(id));
        } else if (directory.servicePrincipalsKnown() && directory.servicePrincipalMissing(id)) {
            missing.add(role + " " + PolicyShape.quote(id));
        }
    }

    private void locationRef(String id, String role, List<String> placeholders, List<String> missing) {
        if (id == null || LOCATION_KEYWORDS.contains(lower(id))) {
            return;
        }
        if (placeholder(id) && directory.namedLocationMissing(id)) {
            placeholders.add(role + " " + PolicyShape.quote(id));
        } else if (directory.namedLocationsKnown() && directory.namedLocationMissing(id)) {
            missing.add(role + " " + PolicyShape.quote(id));
        }
    }

    /**
     * Graph ids are GUIDs; anything else in an id list is a template placeholder or a mistake, unless the
     * snapshot itself has an object by that id (callers check).
     */
    private static boolean placeholder(String id) {
        return !PolicyShape.isGuid(id);
    }

    // ------------------------------------------------------------------ helpers

    private static LintFinding finding(String rule, Severity severity, ConditionalAccessPolicy p, String problem,
            String fix) {
        return new LintFinding(rule, severity, List.of(String.valueOf(p.id())), List.of(String.valueOf(p.label())),
                problem, fix, List.of());
    }

    private static String name(ConditionalAccessPolicy p) {
        return PolicyShape.quote(p.label());
    }

    private static String lower(String s) {
        return s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
    }

    private static Set<String> lowerAll(java.util.Collection<String> values) {
        Set<String> out = new HashSet<>();
        for (String v : values) {
            if (v != null) {
                out.add(lower(v));
            }
        }
        return out;
    }
}
