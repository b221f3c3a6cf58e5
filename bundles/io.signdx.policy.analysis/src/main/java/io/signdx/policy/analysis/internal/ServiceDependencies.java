package io.signdx.policy.analysis.internal;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.signdx.api.tenant.PolicyConditions;
import io.signdx.api.tenant.ServicePrincipal;
import io.signdx.api.tenant.TenantContext;

/**
 * The cloud apps that call other cloud apps on the user's behalf, as Microsoft Learn documents them
 * ("What are service dependencies in Microsoft Entra Conditional Access?", the table of client apps and
 * downstream services, and the Teams diagram). Data, not logic: the lint reads the table.
 *
 * <p>An early-bound dependency makes the caller's sign-in meet the downstream service's policies; a
 * late-bound one meets them only when the caller later asks for a token to the downstream service.
 */
final class ServiceDependencies {

    /**
     * A cloud app.
     *
     * @param name the name to show
     * @param appIds its application ids (well-known first-party ids)
     * @param names service principal display names that are this app, for tenants where the id differs
     * @param office365 true when the {@code Office365} app group of Conditional Access includes it
     */
    record Service(String name, Set<String> appIds, Set<String> names, boolean office365) {
        Service {
            appIds = lower(appIds);
            names = lower(names);
        }

        private static Set<String> lower(Set<String> values) {
            return Set.copyOf(values.stream().map(v -> v.toLowerCase(Locale.ROOT)).toList());
        }

        /** True when the value (an app id from a policy) is this app, directly or by the snapshot's name for it. */
        boolean is(String appId, TenantContext tenant) {
            if (appId == null) {
                return false;
            }
            String id = appId.trim().toLowerCase(Locale.ROOT);
            if (appIds.contains(id)) {
                return true;
            }
            return tenant.servicePrincipal(appId).map(ServicePrincipal::displayName)
                    .map(n -> names.contains(n.toLowerCase(Locale.ROOT))).orElse(false);
        }

        /** True when the snapshot lists this app's service principal (by id or by name). */
        boolean inTenant(TenantContext tenant) {
            for (String id : appIds) {
                if (tenant.servicePrincipal(id).isPresent()) {
                    return true;
                }
            }
            for (ServicePrincipal sp : tenant.servicePrincipals()) {
                if (sp.displayName() != null && names.contains(sp.displayName().toLowerCase(Locale.ROOT))) {
                    return true;
                }
            }
            return false;
        }

        /** True when the policy's applications condition includes this app and does not exclude it. */
        boolean coveredBy(PolicyConditions.Applications apps, TenantContext tenant) {
            if (apps == null) {
                return false;
            }
            return matches(apps.includeApplications(), tenant, true) && !matches(apps.excludeApplications(), tenant, false);
        }

        private boolean matches(List<String> values, TenantContext tenant, boolean include) {
            for (String v : values) {
                if (v == null) {
                    continue;
                }
                String t = v.trim();
                if ((include && t.equalsIgnoreCase("All")) || (office365 && t.equalsIgnoreCase("Office365"))
                        || is(t, tenant)) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * One documented dependency.
     *
     * @param caller the client app
     * @param downstream the service it calls
     * @param earlyBound true when the caller's own sign-in must satisfy the downstream service's policies
     */
    record Dependency(Service caller, Service downstream, boolean earlyBound) {
    }

    static final Service EXCHANGE = new Service("Office 365 Exchange Online",
            Set.of("00000002-0000-0ff1-ce00-000000000000"), Set.of("Office 365 Exchange Online", "Exchange Online"),
            true);
    static final Service SHAREPOINT = new Service("Office 365 SharePoint Online",
            Set.of("00000003-0000-0ff1-ce00-000000000000"),
            Set.of("Office 365 SharePoint Online", "SharePoint Online"), true);
    static final Service SKYPE_ONLINE = new Service("Skype for Business Online",
            Set.of("00000004-0000-0ff1-ce00-000000000000"), Set.of("Skype for Business Online", "Skype for Business"),
            true);
    static final Service TEAMS = new Service("Microsoft Teams Services",
            Set.of("cc15fd57-2c6c-4117-a88c-83b1d56b4bbe", "1fec8e78-bce4-4aaf-ab1b-5451cc387264"),
            Set.of("Microsoft Teams Services", "Microsoft Teams"), true);
    static final Service PLANNER = new Service("Microsoft Planner", Set.of("09abbdfd-ed23-44ee-a2d9-a627aa1c90f3"),
            Set.of("Microsoft Planner", "ProjectWorkManagement"), true);
    static final Service STREAM = new Service("Microsoft Stream", Set.of("cf53fce8-def6-4aeb-8d30-b158e7b1cf83"),
            Set.of("Microsoft Stream Portal", "Microsoft Stream Service", "Microsoft Stream"), true);
    static final Service WHITEBOARD = new Service("Microsoft Whiteboard",
            Set.of("95de633a-083e-42f5-b444-a4295d8e9314"), Set.of("Microsoft Whiteboard Services",
                    "Microsoft Whiteboard"), true);
    static final Service OFFICE_PORTAL = new Service("Office portal (Office.com)",
            Set.of("00000006-0000-0ff1-ce00-000000000000", "4765445b-32c6-49b0-83e6-1d93765276ca",
                    "4b233688-031c-404b-9a80-a4f3f2351f90"),
            Set.of("Microsoft Office 365 Portal", "OfficeHome", "Office.com"), true);
    static final Service CLASSROOM = new Service("Microsoft Classroom", Set.of(), Set.of("Microsoft Classroom"), true);
    static final Service OUTLOOK_GROUPS = new Service("Outlook groups", Set.of(), Set.of("Outlook Groups"), true);
    static final Service FORMS = new Service("Microsoft Forms", Set.of("c9a559d2-7aab-4f13-a6ed-e7e9c52aec87"),
            Set.of("Microsoft Forms"), true);
    static final Service TODO = new Service("Microsoft To-Do", Set.of(),
            Set.of("Microsoft To-Do", "Microsoft To-Do web app", "Microsoft Todo web app"), true);
    static final Service POWER_APPS = new Service("Power Apps", Set.of("475226c6-020e-4fb2-8a90-7a972cbfc1d4"),
            Set.of("PowerApps Service", "Power Apps"), true);
    static final Service POWER_AUTOMATE = new Service("Power Automate", Set.of("7df0a125-d3be-4c96-aa54-591f83ff541c"),
            Set.of("Microsoft Flow Service", "Microsoft Flow Portal", "Power Automate"), true);
    static final Service SERVICE_MANAGEMENT = new Service("Windows Azure Service Management API",
            Set.of("797f4846-ba00-4fd7-ba43-dac1f8f63013"), Set.of("Windows Azure Service Management API"), false);
    static final Service AZURE_AD = new Service("Windows Azure Active Directory",
            Set.of("00000002-0000-0000-c000-000000000000"), Set.of("Windows Azure Active Directory"), false);
    static final Service DATA_LAKE = new Service("Azure Data Lake", Set.of("e9f49c6b-5ce5-44c8-925d-015017e9f7ad"),
            Set.of("Azure Data Lake"), false);
    static final Service PROJECT = new Service("Project", Set.of(), Set.of("Project Online", "Project"), false);
    static final Service DYNAMICS = new Service("Dynamics CRM", Set.of("00000007-0000-0000-c000-000000000000"),
            Set.of("Dynamics CRM Online", "Dynamics CRM", "Dataverse", "Common Data Service"), false);
    static final Service VISUAL_STUDIO = new Service("Visual Studio", Set.of(), Set.of("Visual Studio"), false);

    static final List<Dependency> ALL = List.of(
            new Dependency(DATA_LAKE, SERVICE_MANAGEMENT, true),
            new Dependency(CLASSROOM, EXCHANGE, true),
            new Dependency(CLASSROOM, SHAREPOINT, true),
            new Dependency(TEAMS, EXCHANGE, true),
            new Dependency(TEAMS, PLANNER, false),
            new Dependency(TEAMS, STREAM, false),
            new Dependency(TEAMS, SHAREPOINT, true),
            new Dependency(TEAMS, SKYPE_ONLINE, true),
            new Dependency(TEAMS, WHITEBOARD, false),
            new Dependency(OFFICE_PORTAL, EXCHANGE, false),
            new Dependency(OFFICE_PORTAL, SHAREPOINT, false),
            new Dependency(OUTLOOK_GROUPS, EXCHANGE, true),
            new Dependency(OUTLOOK_GROUPS, SHAREPOINT, true),
            new Dependency(POWER_APPS, SERVICE_MANAGEMENT, true),
            new Dependency(POWER_APPS, AZURE_AD, true),
            new Dependency(POWER_APPS, SHAREPOINT, true),
            new Dependency(POWER_APPS, EXCHANGE, true),
            new Dependency(POWER_AUTOMATE, POWER_APPS, true),
            new Dependency(PROJECT, DYNAMICS, true),
            new Dependency(SKYPE_ONLINE, EXCHANGE, true),
            new Dependency(VISUAL_STUDIO, SERVICE_MANAGEMENT, true),
            new Dependency(FORMS, EXCHANGE, true),
            new Dependency(FORMS, SHAREPOINT, true),
            new Dependency(TODO, EXCHANGE, true));

    private ServiceDependencies() {
    }
}
