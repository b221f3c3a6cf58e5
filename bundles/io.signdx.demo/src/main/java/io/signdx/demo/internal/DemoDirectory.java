package io.signdx.demo.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * The fictional Northwind tenant: people, groups, roles, applications and named locations. Every value
 * is made up (the domain is .example, addresses come from the documentation ranges of RFC 5737/3849).
 */
final class DemoDirectory {
    static final String TENANT_ID = "7d1f3c2a-5b8e-4c61-9a0f-2e4b6d8c1a35";
    static final String PARTNER_TENANT_ID = "c3a9e5b1-0d7f-4a28-b6e4-9f1d3c5a7e02";
    static final String DOMAIN = "northwind.example";
    static final String GLOBAL_ADMIN_ROLE = "62e90394-69f5-4237-9190-012177145e10";
    static final String EXCHANGE_ADMIN_ROLE = "29232cdf-9323-42fd-ade2-1d097af3e4de";

    record User(String id, String upn, String name, String type, List<String> groups, List<String> roles,
            String homeTenant, String city, String country) {
        boolean guest() {
            return type.equals("Guest");
        }
    }

    record Group(String id, String name) {
    }

    /** A directory role: its template id (what policies name), the tenant's object id of it, its name. */
    record Role(String templateId, String objectId, String name) {
    }

    record App(String id, String name, boolean saml) {
    }

    static final Group ALL_STAFF = new Group("0a6f1c3e-1111-4a8b-9c2d-000000000001", "All staff");
    static final Group FINANCE = new Group("0a6f1c3e-1111-4a8b-9c2d-000000000002", "Finance");
    static final Group SALES = new Group("0a6f1c3e-1111-4a8b-9c2d-000000000003", "Sales");
    static final Group IT_ADMINS = new Group("0a6f1c3e-1111-4a8b-9c2d-000000000004", "IT admins");
    static final Group PARTNERS = new Group("0a6f1c3e-1111-4a8b-9c2d-000000000005", "Partner guests");
    static final Group BREAK_GLASS = new Group("0a6f1c3e-1111-4a8b-9c2d-000000000006", "CA exclusion - emergency access");
    static final Group EXPENSE_USERS = new Group("0a6f1c3e-1111-4a8b-9c2d-000000000007", "Contoso Expenses users");
    static final List<Group> GROUPS = List.of(ALL_STAFF, FINANCE, SALES, IT_ADMINS, PARTNERS, BREAK_GLASS,
            EXPENSE_USERS);
    /** Group nesting: Finance is a member of the expenses app's group, IT admins of All staff. */
    static final Map<Group, List<Group>> PARENTS = Map.of(FINANCE, List.of(EXPENSE_USERS), IT_ADMINS, List.of(ALL_STAFF));

    static final Role GLOBAL_ADMIN = new Role(GLOBAL_ADMIN_ROLE, "3e9b0c5d-6a1f-4d27-9b8e-5c2a7f1d0e61",
            "Global Administrator");
    static final Role EXCHANGE_ADMIN = new Role(EXCHANGE_ADMIN_ROLE, "3e9b0c5d-6a1f-4d27-9b8e-5c2a7f1d0e62",
            "Exchange Administrator");
    static final List<Role> ROLES = List.of(GLOBAL_ADMIN, EXCHANGE_ADMIN);

    static final App EXCHANGE = new App("00000002-0000-0ff1-ce00-000000000000", "Office 365 Exchange Online", false);
    static final App SHAREPOINT = new App("00000003-0000-0ff1-ce00-000000000000", "Office 365 SharePoint Online",
            false);
    static final App TEAMS = new App("1fec8e78-bce4-4aaf-ab1b-5451cc387264", "Microsoft Teams", false);
    static final App OUTLOOK = new App("d3590ed6-52b3-4102-aeff-aad2292ab01c", "Microsoft Office", false);
    static final App PORTAL = new App("c44b4083-3bb0-49c1-b47d-974e53cbdf3c", "Azure Portal", false);
    static final App MY_APPS = new App("2793995e-0a7d-40d7-bd35-6968ba142197", "My Apps", false);
    static final App HR_SAML = new App("4b8e2d6f-3a1c-4e9b-8d7f-1c3e5a7b9d02", "Northwind HR (SAML)", true);
    static final App EXPENSES = new App("5f1a9c3e-7d2b-4c8e-9a61-3b0e2f4d8c17", "Contoso Expenses", false);
    static final App PAYROLL_SYNC = new App("8e4c2a6b-9d1f-4b3e-a7c5-2f6d8b0e4a19", "Payroll sync", false);
    /** The resource the payroll sync calls. */
    static final App GRAPH = new App("00000003-0000-0000-c000-000000000000", "Microsoft Graph", false);
    static final List<App> EVERYDAY_APPS = List.of(EXCHANGE, SHAREPOINT, TEAMS, OUTLOOK, MY_APPS, OUTLOOK, TEAMS);
    static final List<App> APPS = List.of(EXCHANGE, SHAREPOINT, TEAMS, OUTLOOK, PORTAL, MY_APPS, HR_SAML, EXPENSES,
            PAYROLL_SYNC);

    /** Headquarters (trusted named location) and branch networks. */
    static final String HQ_RANGE = "203.0.113.0/26";
    static final String HQ_RANGE_V6 = "2001:db8:10::/48";
    static final String BRANCH_RANGE = "198.51.100.0/27";

    private static final String[] FIRST = {"Ada", "Ben", "Chloe", "Dev", "Elif", "Farid", "Grace", "Hugo", "Ines",
        "Jonas", "Kemal", "Lena", "Mateo", "Nora", "Omar", "Priya", "Quinn", "Rosa", "Sami", "Tariq", "Uma", "Viktor",
        "Wen", "Ximena", "Yusuf", "Zoe", "Arjun", "Bea", "Carlos", "Dana"};
    private static final String[] LAST = {"Lee", "Okafor", "Novak", "Silva", "Haddad", "Berg", "Tanaka", "Moreau",
        "Kowalski", "Patel", "Nguyen", "Fischer"};
    private static final String[][] CITIES = {{"Seattle", "US"}, {"Seattle", "US"}, {"Dublin", "IE"},
        {"Amsterdam", "NL"}, {"Singapore", "SG"}, {"Toronto", "CA"}};

    final List<User> members = new ArrayList<>();
    final List<User> guests = new ArrayList<>();
    final User admin;
    final User breakGlass;
    final User printer;

    DemoDirectory(Random r) {
        for (int i = 0; i < 72; i++) {
            String first = FIRST[i % FIRST.length];
            String last = LAST[(i * 7) % LAST.length];
            String upn = (first + "." + last + (i >= FIRST.length ? String.valueOf(i / FIRST.length) : "")).toLowerCase()
                    + "@" + DOMAIN;
            List<String> groups = new ArrayList<>(List.of(ALL_STAFF.id()));
            if (i % 6 == 0) {
                groups.add(FINANCE.id());
            }
            if (i % 4 == 1) {
                groups.add(SALES.id());
            }
            if (i % 3 == 0) {
                groups.add(EXPENSE_USERS.id());
            }
            String[] city = CITIES[r.nextInt(CITIES.length)];
            members.add(new User(id(r), upn, first + " " + last, "Member", groups, List.of(), TENANT_ID, city[0],
                    city[1]));
        }
        admin = new User(id(r), "it.admin@" + DOMAIN, "IT Admin", "Member",
                List.of(ALL_STAFF.id(), IT_ADMINS.id()), List.of(GLOBAL_ADMIN_ROLE, EXCHANGE_ADMIN_ROLE), TENANT_ID,
                "Seattle", "US");
        breakGlass = new User(id(r), "emergency.access@" + DOMAIN, "Emergency access", "Member",
                List.of(BREAK_GLASS.id()), List.of(GLOBAL_ADMIN_ROLE), TENANT_ID, "Seattle", "US");
        printer = new User(id(r), "scan-to-mail@" + DOMAIN, "Scan to mail (MFP)", "Member", List.of(ALL_STAFF.id()),
                List.of(), TENANT_ID, "Seattle", "US");
        for (int i = 0; i < 8; i++) {
            String name = FIRST[(i * 5 + 3) % FIRST.length] + " " + LAST[(i * 3 + 1) % LAST.length];
            guests.add(new User(id(r), name.toLowerCase().replace(' ', '.') + "_fabrikam.example#EXT#@" + DOMAIN,
                    name + " (Fabrikam)", "Guest", List.of(PARTNERS.id()), List.of(), PARTNER_TENANT_ID, "Berlin",
                    "DE"));
        }
    }

    /** The legacy per-user MFA state: a few people were enforced before Conditional Access, two only enabled. */
    String perUserMfa(User u) {
        int i = members.indexOf(u);
        return i >= 60 && i < 68 ? "enforced" : i == 68 || i == 69 ? "enabled" : "disabled";
    }

    /** The object id of an application's service principal in the tenant (made up, stable). */
    static String servicePrincipalId(App app) {
        return UUID.nameUUIDFromBytes(("northwind service principal " + app.id()).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    Map<String, User> byId() {
        Map<String, User> out = new HashMap<>();
        everyone().forEach(u -> out.put(u.id(), u));
        return out;
    }

    List<User> everyone() {
        List<User> all = new ArrayList<>(members);
        all.add(admin);
        all.add(breakGlass);
        all.add(printer);
        all.addAll(guests);
        return all;
    }

    static String id(Random r) {
        return new UUID(r.nextLong(), r.nextLong()).toString();
    }
}
