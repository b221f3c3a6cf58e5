package io.signdx.policy.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.signdx.api.tenant.ConditionalAccessPolicy;
import io.signdx.api.tenant.GrantControls;
import io.signdx.api.tenant.PolicyConditions;
import io.signdx.api.tenant.SessionControls;

/** Builds Conditional Access policies for tests: only what a test sets is configured. */
final class PolicyBuilder {
    private final String id;
    private final String name;
    private String state = "enabled";
    private List<String> includeUsers;
    private List<String> excludeUsers;
    private List<String> includeGroups;
    private List<String> excludeGroups;
    private List<String> includeRoles;
    private List<String> excludeRoles;
    private PolicyConditions.GuestsOrExternalUsers includeGuests;
    private PolicyConditions.GuestsOrExternalUsers excludeGuests;
    private List<String> includeApps;
    private List<String> excludeApps;
    private List<String> userActions;
    private List<String> authContexts;
    private PolicyConditions.Filter appFilter;
    private List<String> includeSps;
    private List<String> excludeSps;
    private PolicyConditions.Filter spFilter;
    private PolicyConditions.IncludeExclude platforms;
    private PolicyConditions.IncludeExclude locations;
    private List<String> clientAppTypes;
    private List<String> signInRisk;
    private List<String> userRisk;
    private List<String> spRisk;
    private List<String> insiderRisk;
    private List<String> flows;
    private PolicyConditions.Filter devices;
    private String operator = "OR";
    private List<String> controls = new ArrayList<>();
    private GrantControls.AuthenticationStrength strength;
    private List<String> terms = new ArrayList<>();
    private boolean grant;
    private SessionControls session;

    private PolicyBuilder(String id, String name) {
        this.id = id;
        this.name = name;
    }

    static PolicyBuilder policy(String id, String name) {
        return new PolicyBuilder(id, name);
    }

    PolicyBuilder state(String v) {
        state = v;
        return this;
    }

    PolicyBuilder reportOnly() {
        return state("enabledForReportingButNotEnforced");
    }

    PolicyBuilder disabled() {
        return state("disabled");
    }

    PolicyBuilder includeUsers(String... v) {
        includeUsers = List.of(v);
        return this;
    }

    PolicyBuilder excludeUsers(String... v) {
        excludeUsers = List.of(v);
        return this;
    }

    PolicyBuilder includeGroups(String... v) {
        includeGroups = List.of(v);
        return this;
    }

    PolicyBuilder excludeGroups(String... v) {
        excludeGroups = List.of(v);
        return this;
    }

    PolicyBuilder includeRoles(String... v) {
        includeRoles = List.of(v);
        return this;
    }

    PolicyBuilder excludeRoles(String... v) {
        excludeRoles = List.of(v);
        return this;
    }

    PolicyBuilder includeGuests(String kind, List<String> tenants, String... types) {
        includeGuests = new PolicyConditions.GuestsOrExternalUsers(List.of(types), kind, tenants);
        return this;
    }

    PolicyBuilder excludeGuests(String kind, List<String> tenants, String... types) {
        excludeGuests = new PolicyConditions.GuestsOrExternalUsers(List.of(types), kind, tenants);
        return this;
    }

    PolicyBuilder includeApps(String... v) {
        includeApps = List.of(v);
        return this;
    }

    PolicyBuilder excludeApps(String... v) {
        excludeApps = List.of(v);
        return this;
    }

    PolicyBuilder userActions(String... v) {
        userActions = List.of(v);
        return this;
    }

    PolicyBuilder authContexts(String... v) {
        authContexts = List.of(v);
        return this;
    }

    PolicyBuilder appFilter(String mode, String rule) {
        appFilter = new PolicyConditions.Filter(mode, rule);
        return this;
    }

    PolicyBuilder includeServicePrincipals(String... v) {
        includeSps = List.of(v);
        return this;
    }

    PolicyBuilder excludeServicePrincipals(String... v) {
        excludeSps = List.of(v);
        return this;
    }

    PolicyBuilder servicePrincipalFilter(String mode, String rule) {
        spFilter = new PolicyConditions.Filter(mode, rule);
        return this;
    }

    PolicyBuilder platforms(List<String> include, List<String> exclude) {
        platforms = new PolicyConditions.IncludeExclude(include, exclude);
        return this;
    }

    PolicyBuilder locations(List<String> include, List<String> exclude) {
        locations = new PolicyConditions.IncludeExclude(include, exclude);
        return this;
    }

    PolicyBuilder clientAppTypes(String... v) {
        clientAppTypes = List.of(v);
        return this;
    }

    PolicyBuilder signInRisk(String... v) {
        signInRisk = List.of(v);
        return this;
    }

    PolicyBuilder userRisk(String... v) {
        userRisk = List.of(v);
        return this;
    }

    PolicyBuilder servicePrincipalRisk(String... v) {
        spRisk = List.of(v);
        return this;
    }

    PolicyBuilder insiderRisk(String... v) {
        insiderRisk = List.of(v);
        return this;
    }

    PolicyBuilder authenticationFlows(String... v) {
        flows = List.of(v);
        return this;
    }

    PolicyBuilder deviceFilter(String mode, String rule) {
        devices = new PolicyConditions.Filter(mode, rule);
        return this;
    }

    PolicyBuilder block() {
        return grant("OR", "block");
    }

    PolicyBuilder grant(String op, String... builtIn) {
        grant = true;
        operator = op;
        controls = new ArrayList<>(Arrays.asList(builtIn));
        return this;
    }

    PolicyBuilder authenticationStrength(String strengthId, String displayName) {
        grant = true;
        strength = new GrantControls.AuthenticationStrength(strengthId, displayName, List.of());
        return this;
    }

    PolicyBuilder termsOfUse(String... ids) {
        grant = true;
        terms = List.of(ids);
        return this;
    }

    PolicyBuilder session(SessionControls v) {
        session = v;
        return this;
    }

    ConditionalAccessPolicy build() {
        PolicyConditions.Users users = includeUsers == null && excludeUsers == null && includeGroups == null
                && excludeGroups == null && includeRoles == null && excludeRoles == null && includeGuests == null
                && excludeGuests == null ? null
                        : new PolicyConditions.Users(includeUsers, excludeUsers, includeGroups, excludeGroups, includeRoles,
                                excludeRoles, includeGuests, excludeGuests);
        PolicyConditions.Applications apps = includeApps == null && excludeApps == null && userActions == null
                && authContexts == null && appFilter == null ? null
                        : new PolicyConditions.Applications(includeApps, excludeApps, userActions, authContexts, appFilter);
        PolicyConditions.ClientApplications sps = includeSps == null && excludeSps == null && spFilter == null ? null
                : new PolicyConditions.ClientApplications(includeSps, excludeSps, spFilter);
        PolicyConditions c = new PolicyConditions(users, apps, sps, platforms, locations, clientAppTypes, signInRisk,
                userRisk, spRisk, insiderRisk, flows, devices);
        GrantControls g = grant ? new GrantControls(operator, controls, strength, terms, List.of()) : null;
        return new ConditionalAccessPolicy(id, name, state, c, g, session, "test#" + id);
    }
}
