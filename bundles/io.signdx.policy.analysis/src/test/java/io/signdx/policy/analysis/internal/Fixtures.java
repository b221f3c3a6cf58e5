package io.signdx.policy.analysis.internal;

import java.util.List;

import io.signdx.api.tenant.ConditionalAccessPolicy;
import io.signdx.api.tenant.GrantControls;
import io.signdx.api.tenant.PolicyConditions;

/** Policies for the tests, built the way a snapshot file describes them. */
final class Fixtures {
    static final String BREAK_GLASS = "0b0b0b0b-0000-4000-8000-000000000001";
    static final String FINANCE = "0f0f0f0f-0000-4000-8000-000000000002";
    static final String EMPTY_GROUP = "0e0e0e0e-0000-4000-8000-000000000003";
    static final String SHAREPOINT = "00000003-0000-0ff1-ce00-000000000000";
    static final String EXCHANGE = "00000002-0000-0ff1-ce00-000000000000";
    static final String TEAMS = "cc15fd57-2c6c-4117-a88c-83b1d56b4bbe";

    private Fixtures() {
    }

    static PolicyConditions.Users users(List<String> include, List<String> excludeUsers, List<String> includeGroups,
            List<String> excludeGroups) {
        return new PolicyConditions.Users(include, excludeUsers, includeGroups, excludeGroups, List.of(), List.of(), null,
                null);
    }

    static PolicyConditions.Users allUsersExcept(String... groups) {
        return users(List.of("All"), List.of(), List.of(), List.of(groups));
    }

    static PolicyConditions.Applications apps(String... include) {
        return new PolicyConditions.Applications(List.of(include), List.of(), List.of(), List.of(), null);
    }

    static PolicyConditions conditions(PolicyConditions.Users users, PolicyConditions.Applications apps) {
        return new PolicyConditions(users, apps, null, null, null, null, null, null, null, null, null, null);
    }

    static GrantControls grant(String operator, String... controls) {
        return new GrantControls(operator, List.of(controls), null, List.of(), List.of());
    }

    static ConditionalAccessPolicy policy(String id, String name, String state, PolicyConditions c, GrantControls g) {
        return new ConditionalAccessPolicy(id, name, state, c, g, null, "test#" + id);
    }

    static ConditionalAccessPolicy enabled(String id, String name, PolicyConditions c, GrantControls g) {
        return policy(id, name, "enabled", c, g);
    }

    /** A copy with other conditions. */
    static PolicyConditions with(PolicyConditions c, PolicyConditions.IncludeExclude platforms,
            PolicyConditions.IncludeExclude locations, List<String> clientAppTypes, PolicyConditions.Filter devices) {
        return new PolicyConditions(c.users(), c.applications(), c.clientApplications(), platforms, locations,
                clientAppTypes, c.signInRiskLevels(), c.userRiskLevels(), c.servicePrincipalRiskLevels(),
                c.insiderRiskLevels(), c.authenticationFlowTransferMethods(), devices);
    }
}
