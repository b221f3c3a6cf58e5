package io.signdx.bench.policy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import io.signdx.api.tenant.ConditionalAccessPolicy;
import io.signdx.api.tenant.DirectoryObject;
import io.signdx.api.tenant.DirectoryUser;
import io.signdx.api.tenant.GrantControls;
import io.signdx.api.tenant.NamedLocation;
import io.signdx.api.tenant.PolicyConditions;
import io.signdx.api.tenant.PolicyConditions.Filter;
import io.signdx.api.tenant.PolicyConditions.IncludeExclude;
import io.signdx.api.tenant.ServicePrincipal;
import io.signdx.api.tenant.SessionControls;
import io.signdx.api.tenant.TenantContext;
import io.signdx.api.tenant.TenantPart;

/**
 * A synthetic but realistic tenant: 2,000 users in 200 groups (some holding admin roles, some guests),
 * 15 named locations (IPv4 and IPv6 ranges, trusted and not, countries with and without unknown ones)
 * and 50 Conditional Access policies of the kinds tenants run: baseline MFA, legacy block, admin
 * strength, country blocks, device compliance, app protection on mobile, risk, device filters, guest
 * terms, workload identities, device code flow, per-app policies, report-only and disabled ones.
 * Deterministic for a seed.
 */
final class SyntheticTenant implements TenantContext {
    static final String EXCHANGE = "00000002-0000-0ff1-ce00-000000000000";
    static final String SHAREPOINT = "00000003-0000-0ff1-ce00-000000000000";
    static final String TEAMS = "cc15fd57-2c6c-4117-a88c-83b1d56b4bbe";
    static final String AZURE_PORTAL = "c44b4083-3bb0-49c1-b47d-974e53cbdf3c";
    static final String GRAPH = "00000003-0000-0000-c000-000000000000";
    static final String[] ROLES = {"62e90394-69f5-4237-9190-012177145e10", "194ae4cb-b126-40b2-bd5b-6091b380977d",
        "f28a1f50-f6e7-4571-818b-6a12f2af6b6c", "29232cdf-9323-42fd-ade2-1d097af3e4de", "b1be1c3e-b65d-4f19-8427-f6fa0d97feb9",
        "729827e3-9c14-49f7-bb1b-9608f156bbb8", "b0f54661-2d74-4c50-afa3-1ec803f12efe", "158c047a-c907-4556-b7ef-446551a6b5f7",
        "9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3", "fe930be7-5e62-47db-91af-98c3a49a38b1", "7be44c8a-adaf-4e2a-84d6-ab2649e08a13",
        "e8611ab8-c189-46e8-94e1-60213ab1f814", "c4e39bd9-1100-46d3-8c65-fb160da0071f", "17315797-102d-40b4-93e0-432062caca18",
        "3a2c62db-5318-420d-8d74-23affee5d9d5"};
    static final String[] COUNTRIES = {"NL", "DE", "FR", "GB", "US", "BE", "ES", "IT", "PL", "SE", "BR", "IN", "CN", "RU", "NG"};

    final List<String> groupIds = new ArrayList<>();
    final List<DirectoryUser> userList = new ArrayList<>();
    final List<String> appIds = new ArrayList<>();
    final List<String> servicePrincipalIds = new ArrayList<>();
    final String breakGlass;
    final String partnerTenant = uuid(new Random(7));
    private final Map<String, DirectoryUser> users = new HashMap<>();
    private final Map<String, DirectoryObject> groups = new HashMap<>();
    private final List<ServicePrincipal> sps = new ArrayList<>();
    private final List<NamedLocation> locations = new ArrayList<>();
    private final List<ConditionalAccessPolicy> policies = new ArrayList<>();

    SyntheticTenant(long seed) {
        Random r = new Random(seed);
        for (int i = 0; i < 200; i++) {
            String id = uuid(r);
            groupIds.add(id);
            groups.put(id, new DirectoryObject(id, "Group " + i));
        }
        breakGlass = groupIds.get(0);
        appIds.addAll(List.of(EXCHANGE, SHAREPOINT, TEAMS, AZURE_PORTAL, GRAPH));
        for (int i = 0; i < 25; i++) {
            String appId = uuid(r);
            appIds.add(appId);
            String spId = uuid(r);
            servicePrincipalIds.add(spId);
            sps.add(new ServicePrincipal(spId, appId, "Line-of-business app " + i, true, i % 3 == 0, null, List.of()));
        }
        for (int i = 0; i < 2000; i++) {
            Set<String> member = new HashSet<>();
            int n = 1 + r.nextInt(12);
            for (int k = 0; k < n; k++) {
                member.add(groupIds.get(1 + r.nextInt(groupIds.size() - 1)));
            }
            if (i < 4) {
                member.add(breakGlass);
            }
            Set<String> roles = i % 40 == 0 ? Set.of(ROLES[r.nextInt(ROLES.length)]) : Set.of();
            boolean guest = i % 10 == 9;
            String upn = guest ? "guest" + i + "_partner.example#EXT#@contoso.onmicrosoft.com" : "user" + i + "@contoso.example";
            DirectoryUser u = new DirectoryUser(uuid(r), upn, "User " + i, guest ? "Guest" : "Member", member, roles);
            userList.add(u);
            users.put(u.id().toLowerCase(Locale.ROOT), u);
            users.put(upn.toLowerCase(Locale.ROOT), u);
        }
        locations(r);
        policies(r);
    }

    private void locations(Random r) {
        for (int i = 0; i < 10; i++) {
            List<String> ranges = new ArrayList<>();
            for (int k = 0; k < 4 + r.nextInt(12); k++) {
                ranges.add(k % 5 == 4 ? "2001:db8:" + Integer.toHexString(i * 16 + k) + "::/48"
                        : (20 + i) + "." + r.nextInt(256) + "." + r.nextInt(256) + ".0/" + (22 + r.nextInt(7)));
            }
            locations.add(new NamedLocation(uuid(r), "Office " + i, NamedLocation.Kind.IP_RANGES, i < 4, ranges, List.of(),
                    false, null));
        }
        locations.add(new NamedLocation(uuid(r), "Allowed countries", NamedLocation.Kind.COUNTRIES, false, List.of(),
                List.of("NL", "DE", "FR", "GB", "US", "BE", "ES", "IT", "PL", "SE"), false, "clientIpAddress"));
        locations.add(new NamedLocation(uuid(r), "Allowed or unknown", NamedLocation.Kind.COUNTRIES, false, List.of(),
                List.of("NL", "DE", "BE"), true, "clientIpAddress"));
        locations.add(new NamedLocation(uuid(r), "Sanctioned countries", NamedLocation.Kind.COUNTRIES, false, List.of(),
                List.of("RU", "KP", "IR"), false, "clientIpAddress"));
        locations.add(new NamedLocation(uuid(r), "EU", NamedLocation.Kind.COUNTRIES, false, List.of(),
                List.of("NL", "DE", "FR", "BE", "ES", "IT", "PL", "SE", "AT", "DK", "FI", "IE", "PT"), false, "clientIpAddress"));
        locations.add(new NamedLocation(uuid(r), "Travel", NamedLocation.Kind.COUNTRIES, false, List.of(),
                List.of("BR", "IN"), true, "clientIpAddress"));
    }

    private void policies(Random r) {
        List<String> none = List.of();
        List<String> all = List.of("All");
        String allowed = locations.get(10).id();
        String sanctioned = locations.get(12).id();
        String office0 = locations.get(0).id();
        add("Baseline: MFA for all users", "enabled", users(all, none, none, List.of(breakGlass)), apps(all, none), null, null,
                null, null, grant("OR", "mfa"), null);
        add("Block legacy authentication", "enabled", users(all, none, none, List.of(breakGlass)), apps(all, none), null, null,
                List.of("exchangeActiveSync", "other"), null, grant("OR", "block"), null);
        add("Admins: phishing-resistant MFA", "enabled", new PolicyConditions.Users(none, none, none, List.of(breakGlass),
                List.of(ROLES), none, null, null), apps(all, none), null, null, null, null,
                new GrantControls("OR", none, new GrantControls.AuthenticationStrength("00000000-0000-0000-0000-000000000004",
                        "Phishing-resistant MFA", none), none, none), null);
        add("Block outside allowed countries", "enabled", users(all, none, none, List.of(breakGlass)), apps(all, none), null,
                new IncludeExclude(all, List.of(allowed, "AllTrusted")), null, null, grant("OR", "block"), null);
        add("Block sanctioned countries", "enabled", users(all, none, none, none), apps(all, none), null,
                new IncludeExclude(List.of(sanctioned), none), null, null, grant("OR", "block"), null);
        add("Office 365: compliant device on Windows and macOS", "enabled", users(all, List.of("GuestsOrExternalUsers"), none,
                List.of(breakGlass)), apps(List.of("Office365"), none), new IncludeExclude(List.of("windows", "macOS"), none),
                null, List.of("mobileAppsAndDesktopClients"), null, grant("OR", "compliantDevice", "domainJoinedDevice"), null);
        add("Office 365: app protection on mobile", "enabled", users(all, List.of("GuestsOrExternalUsers"), none, none),
                apps(List.of("Office365"), none), new IncludeExclude(List.of("android", "iOS"), none), null,
                List.of("mobileAppsAndDesktopClients"), null, grant("OR", "compliantApplication", "approvedApplication"), null);
        add("Block unknown platforms", "enabled", users(all, none, none, List.of(breakGlass)), apps(all, none),
                new IncludeExclude(List.of("all"), List.of("android", "iOS", "windows", "macOS", "linux")), null, null, null,
                grant("OR", "block"), null);
        risk("High sign-in risk: block", List.of("high"), null, grant("OR", "block"));
        risk("Medium sign-in risk: MFA", List.of("medium"), null, grant("OR", "mfa"));
        risk("High user risk: password change", null, List.of("high"), grant("AND", "mfa", "passwordChange"));
        add("Unmanaged devices: no persistent browser, 8 h", "enabled", users(all, none, none, List.of(breakGlass)),
                apps(all, none), null, null, List.of("browser"),
                new Filter("exclude", "device.isCompliant -eq True -or device.trustType -eq \"ServerAD\""), null,
                new SessionControls(new SessionControls.SignInFrequency(8, "hours", "timeBased", null), "never", null, null,
                        null, null, null));
        add("Privileged access workstations only for admins", "enabled", new PolicyConditions.Users(none, none, none, none,
                List.of(ROLES[0], ROLES[1], ROLES[4]), none, null, null), apps(List.of(AZURE_PORTAL, "MicrosoftAdminPortals"), none),
                null, null, null, new Filter("exclude", "device.extensionAttribute1 -eq \"PAW\" -and device.isCompliant -eq True"),
                grant("OR", "block"), null);
        add("Old Windows versions blocked", "enabled", users(all, none, none, List.of(breakGlass)), apps(all, none),
                new IncludeExclude(List.of("windows"), none), null, null,
                new Filter("include", "device.operatingSystemVersion -startsWith \"6.\" -or device.operatingSystemVersion -in "
                        + "[\"10.0.10240\",\"10.0.14393\"]"), grant("OR", "block"), null);
        add("Guests: terms of use and MFA", "enabled", new PolicyConditions.Users(none, none, none, none, none, none,
                new PolicyConditions.GuestsOrExternalUsers(List.of("b2bCollaborationGuest", "b2bCollaborationMember",
                        "internalGuest"), "all", none), null), apps(all, none), null, null, null, null,
                new GrantControls("AND", List.of("mfa"), null, List.of(uuid(r)), none), null);
        add("Partner tenant: compliant device", "enabled", new PolicyConditions.Users(none, none, none, none, none, none,
                new PolicyConditions.GuestsOrExternalUsers(List.of("b2bDirectConnectUser", "b2bCollaborationGuest"), "enumerated",
                        List.of(partnerTenant)), null), apps(List.of(TEAMS, SHAREPOINT), none), null, null, null, null,
                grant("OR", "compliantDevice"), null);
        add("Workload identities: block outside offices", "enabled", users(List.of("None"), none, none, none), apps(all, none),
                null, new IncludeExclude(all, List.of("AllTrusted")), null, null, grant("OR", "block"),
                null, new PolicyConditions.ClientApplications(List.of("ServicePrincipalsInMyTenant"),
                        List.of(servicePrincipalIds.get(0)), null), List.of("high", "medium"));
        add("Block device code flow", "enabled", users(all, none, none, List.of(breakGlass)), apps(all, none), null, null, null,
                null, grant("OR", "block"), null, null, null, List.of("deviceCodeFlow"));
        add("Register security info from trusted locations or with MFA", "enabled", users(all, List.of("GuestsOrExternalUsers"),
                none, none), new PolicyConditions.Applications(none, none, List.of("urn:user:registersecurityinfo"), none, null),
                null, new IncludeExclude(all, List.of("AllTrusted")), null, null, grant("OR", "mfa"), null);
        add("Sensitive sites: authentication context c1", "enabled", users(all, none, none, none),
                new PolicyConditions.Applications(none, none, none, List.of("c1"), null), null, null, null, null,
                grant("OR", "compliantDevice"), null);
        add("Admin portals: sign in every 4 h", "enabled", users(all, none, none, List.of(breakGlass)),
                apps(List.of("MicrosoftAdminPortals"), none), null, null, null, null, null,
                new SessionControls(new SessionControls.SignInFrequency(4, "hours", "timeBased", null), null, null, null, null,
                        "strictEnforcement", null));
        // per-app policies for the line-of-business apps, scoped to groups
        for (int i = 0; i < 20; i++) {
            List<String> inc = List.of(groupIds.get(1 + r.nextInt(199)), groupIds.get(1 + r.nextInt(199)));
            String app = appIds.get(5 + i);
            GrantControls g = switch (i % 4) {
                case 0 -> grant("OR", "mfa");
                case 1 -> grant("OR", "compliantDevice", "domainJoinedDevice");
                case 2 -> grant("AND", "mfa", "compliantDevice");
                default -> grant("OR", "block");
            };
            IncludeExclude loc = i % 4 == 3 ? new IncludeExclude(all, List.of(office0, locations.get(1 + i % 9).id())) : null;
            add("App " + i + ": " + g.builtInControls(), i % 7 == 6 ? "enabledForReportingButNotEnforced" : "enabled",
                    users(none, none, inc, List.of(breakGlass)), apps(List.of(app), none), null, loc,
                    i % 2 == 0 ? List.of("browser", "mobileAppsAndDesktopClients") : null, null, g,
                    i % 5 == 0 ? new SessionControls(null, null, "monitorOnly", true, null, null, null) : null);
        }
        add("Trial: block all outside the EU (report-only)", "enabledForReportingButNotEnforced", users(all, none, none,
                List.of(breakGlass)), apps(all, List.of(GRAPH)), null, new IncludeExclude(all, List.of(locations.get(13).id(),
                        "AllTrusted")), null, null, grant("OR", "block"), null);
        add("Trial: token protection for Exchange and SharePoint", "enabledForReportingButNotEnforced", users(all, none, none,
                none), apps(List.of(EXCHANGE, SHAREPOINT), none), new IncludeExclude(List.of("windows"), none), null,
                List.of("mobileAppsAndDesktopClients"), null, null,
                new SessionControls(null, null, null, null, null, null, true));
        add("Old: MFA for Finance (off)", "disabled", users(none, none, List.of(groupIds.get(5)), none), apps(all, none), null,
                null, null, null, grant("OR", "mfa"), null);
        add("Old: block Android (off)", "disabled", users(all, none, none, none), apps(all, none),
                new IncludeExclude(List.of("android"), none), null, null, null, grant("OR", "block"), null);
        add("Insider risk: elevated blocked", "enabled", users(all, none, none, List.of(breakGlass)), apps(all, none), null,
                null, null, null, grant("OR", "block"), null, null, null, null, List.of("elevated"));
        while (policies.size() < 50) {
            int i = policies.size();
            add("Filler " + i + ": MFA for group on SharePoint", "enabled", users(none, none, List.of(groupIds.get(i)), none),
                    apps(List.of(SHAREPOINT), none), null, null, null, null, grant("OR", "mfa"), null);
        }
    }

    private void risk(String name, List<String> signIn, List<String> user, GrantControls g) {
        PolicyConditions c = new PolicyConditions(users(List.of("All"), List.of(), List.of(), List.of(breakGlass)),
                apps(List.of("All"), List.of()), null, null, null, null, signIn, user, null, null, null, null);
        policies.add(new ConditionalAccessPolicy(uuid(new Random(name.hashCode())), name, "enabled", c, g, null, "synthetic"));
    }

    private void add(String name, String state, PolicyConditions.Users u, PolicyConditions.Applications a, IncludeExclude platforms,
            IncludeExclude locs, List<String> clientApps, Filter devices, GrantControls g, SessionControls s) {
        add(name, state, u, a, platforms, locs, clientApps, devices, g, s, null, null, null);
    }

    private void add(String name, String state, PolicyConditions.Users u, PolicyConditions.Applications a, IncludeExclude platforms,
            IncludeExclude locs, List<String> clientApps, Filter devices, GrantControls g, SessionControls s,
            PolicyConditions.ClientApplications workloads, List<String> spRisk) {
        add(name, state, u, a, platforms, locs, clientApps, devices, g, s, workloads, spRisk, null);
    }

    private void add(String name, String state, PolicyConditions.Users u, PolicyConditions.Applications a, IncludeExclude platforms,
            IncludeExclude locs, List<String> clientApps, Filter devices, GrantControls g, SessionControls s,
            PolicyConditions.ClientApplications workloads, List<String> spRisk, List<String> flows) {
        add(name, state, u, a, platforms, locs, clientApps, devices, g, s, workloads, spRisk, flows, null);
    }

    private void add(String name, String state, PolicyConditions.Users u, PolicyConditions.Applications a, IncludeExclude platforms,
            IncludeExclude locs, List<String> clientApps, Filter devices, GrantControls g, SessionControls s,
            PolicyConditions.ClientApplications workloads, List<String> spRisk, List<String> flows, List<String> insider) {
        PolicyConditions c = new PolicyConditions(u, a, workloads, platforms, locs, clientApps, null, null, spRisk, insider, flows,
                devices);
        policies.add(new ConditionalAccessPolicy(uuid(new Random(name.hashCode())), name, state, c, g, s, "synthetic"));
    }

    private static PolicyConditions.Users users(List<String> inc, List<String> exc, List<String> incGroups, List<String> excGroups) {
        return new PolicyConditions.Users(inc, exc, incGroups, excGroups, List.of(), List.of(), null, null);
    }

    private static PolicyConditions.Applications apps(List<String> inc, List<String> exc) {
        return new PolicyConditions.Applications(inc, exc, List.of(), List.of(), null);
    }

    private static GrantControls grant(String op, String... controls) {
        return new GrantControls(op, List.of(controls), null, List.of(), List.of());
    }

    static String uuid(Random r) {
        return new UUID(r.nextLong(), r.nextLong()).toString();
    }

    List<NamedLocation> locationList() {
        return locations;
    }

    // ---- TenantContext ----

    @Override
    public Set<TenantPart> parts() {
        return Set.of(TenantPart.CONDITIONAL_ACCESS_POLICIES, TenantPart.NAMED_LOCATIONS, TenantPart.USERS, TenantPart.GROUPS,
                TenantPart.SERVICE_PRINCIPALS);
    }

    @Override
    public Optional<DirectoryUser> user(String idOrUserPrincipalName) {
        return idOrUserPrincipalName == null ? Optional.empty()
                : Optional.ofNullable(users.get(idOrUserPrincipalName.toLowerCase(Locale.ROOT)));
    }

    @Override
    public Optional<Boolean> securityDefaultsEnabled() {
        return Optional.of(false);
    }

    @Override
    public Optional<String> perUserMfaState(String userId) {
        return Optional.empty();
    }

    @Override
    public List<ConditionalAccessPolicy> policies() {
        return policies;
    }

    @Override
    public List<NamedLocation> namedLocations() {
        return locations;
    }

    @Override
    public Collection<DirectoryUser> users() {
        return userList;
    }

    @Override
    public Optional<DirectoryObject> group(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(groups.get(id.toLowerCase(Locale.ROOT)));
    }

    @Override
    public Optional<ServicePrincipal> servicePrincipal(String appIdOrId) {
        for (ServicePrincipal sp : sps) {
            if (sp.id().equalsIgnoreCase(appIdOrId) || sp.appId().equalsIgnoreCase(appIdOrId)) {
                return Optional.of(sp);
            }
        }
        return Optional.empty();
    }

    @Override
    public Collection<ServicePrincipal> servicePrincipals() {
        return sps;
    }
}
