package io.signdx.cli.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import io.signdx.api.tenant.DirectoryUser;
import io.signdx.api.tenant.ServicePrincipal;
import io.signdx.api.tenant.TenantContext;
import io.signdx.policy.SignInFacts;

/**
 * The hypothetical sign-in of {@code signdx whatif}, from its options. Every option left out stays
 * unknown, so that a condition needing it is reported undecided rather than guessed. Values are checked
 * and spelled as Graph spells them; a wrong value is a usage error naming the accepted ones.
 */
final class WhatIfFacts {
    static final List<String> VALUED = List.of("tenant", "user", "app", "member-of", "roles", "user-type", "guest-type",
            "home-tenant", "ip", "country", "platform", "client-app", "sign-in-risk", "user-risk", "sp-risk",
            "insider-risk", "auth-flow", "user-action", "auth-context", "device", "device-filter-props",
            "service-principal", "format");

    private static final Pattern GUID = Pattern
            .compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern IPV4 = Pattern
            .compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+");
    private static final List<String> PLATFORMS = List.of("android", "iOS", "windows", "macOS", "linux",
            "windowsPhone");
    private static final List<String> CLIENT_APPS = List.of("browser", "mobileAppsAndDesktopClients",
            "exchangeActiveSync", "other");
    private static final List<String> RISK = List.of("none", "low", "medium", "high");
    private static final List<String> INSIDER_RISK = List.of("none", "minor", "moderate", "elevated");
    private static final List<String> FLOWS = List.of("none", "deviceCodeFlow", "authenticationTransfer");
    private static final List<String> USER_TYPES = List.of("Member", "Guest");
    private static final List<String> GUEST_TYPES = List.of("none", "internalGuest", "b2bCollaborationGuest",
            "b2bCollaborationMember", "b2bDirectConnectUser", "otherExternalUser", "serviceProvider");
    /** The device properties a filter rule can use (Microsoft Learn, "Filter for devices"). */
    static final List<String> DEVICE_PROPERTIES = List.of("deviceId", "displayName", "deviceOwnership",
            "enrollmentProfileName", "extensionAttribute1", "extensionAttribute2", "extensionAttribute3",
            "extensionAttribute4", "extensionAttribute5", "extensionAttribute6", "extensionAttribute7",
            "extensionAttribute8", "extensionAttribute9", "extensionAttribute10", "extensionAttribute11",
            "extensionAttribute12", "extensionAttribute13", "extensionAttribute14", "extensionAttribute15",
            "isCompliant", "manufacturer", "mdmAppId", "model", "operatingSystem", "operatingSystemVersion",
            "physicalIds", "profileType", "systemLabels", "trustType");
    /** Splits "a=1,b=x,y" at the commas that start a new property, so values may hold commas. */
    private static final Pattern DEVICE_SPLIT = Pattern.compile(",(?=\\s*[A-Za-z][A-Za-z0-9]*\\s*=)");

    /**
     * The facts and what the command should tell the user about them.
     *
     * @param facts the hypothetical sign-in
     * @param notes remarks for stderr, e.g. that the user is not in the snapshot
     */
    record Result(SignInFacts facts, List<String> notes) {
    }

    private WhatIfFacts() {
    }

    static Result from(Args args, TenantContext tenant) {
        List<String> notes = new ArrayList<>();
        SignInFacts.Builder b = SignInFacts.builder();
        String user = args.option("user", null);
        String sp = args.option("service-principal", null);
        if (user == null && sp == null) {
            throw new Command.UsageException("--user is required (or --service-principal for a workload identity)");
        }
        String app = args.option("app", null);
        String action = args.option("user-action", null);
        if (app == null && action == null) {
            throw new Command.UsageException("--app is required (or --user-action for a user action)");
        }
        String userType = choice(args, "user-type", USER_TYPES);
        String guestType = choice(args, "guest-type", GUEST_TYPES);
        if (user != null) {
            Optional<DirectoryUser> known = tenant.user(user);
            if (known.isPresent()) {
                DirectoryUser u = known.get();
                b.userId(u.id()).userPrincipalName(u.userPrincipalName());
                if (userType == null && u.userType() != null) {
                    userType = USER_TYPES.stream().filter(t -> t.equalsIgnoreCase(u.userType())).findFirst()
                            .orElse(null);
                }
            } else {
                if (GUID.matcher(user).matches()) {
                    b.userId(user);
                } else {
                    b.userPrincipalName(user);
                }
                if (args.option("member-of", null) == null || args.option("roles", null) == null) {
                    notes.add("the user " + SnapshotOption.line(user) + " is not in the snapshot: group and role "
                            + "conditions stay undecided unless --member-of and --roles give the membership "
                            + "('none' for none)");
                }
            }
        }
        b.userType(userType);
        // a member is an internal user unless --guest-type says it is an external member
        b.guestOrExternalUserType(guestType != null ? guestType : "Member".equals(userType) ? "none" : null);
        b.homeTenantId(args.option("home-tenant", null));
        b.groupIds(ids(args, "member-of"));
        b.roleTemplateIds(ids(args, "roles"));
        b.servicePrincipalId(sp);
        if (app != null) {
            b.appId(resolveApp(app, tenant));
        }
        if (action != null) {
            if (!action.toLowerCase(Locale.ROOT).startsWith("urn:user:")) {
                throw new Command.UsageException("--user-action must be a user action such as urn:user:registersecurityinfo "
                        + "or urn:user:registerdevice, not " + SnapshotOption.line(action));
            }
            b.userAction(action.toLowerCase(Locale.ROOT));
        }
        b.authenticationContexts(contexts(args.option("auth-context", null)));
        b.ipAddress(ip(args.option("ip", null)));
        b.country(country(args.option("country", null)));
        b.platform(choice(args, "platform", PLATFORMS));
        b.clientAppType(clientApp(args.option("client-app", null)));
        b.signInRisk(choice(args, "sign-in-risk", RISK));
        b.userRisk(choice(args, "user-risk", RISK));
        b.servicePrincipalRisk(choice(args, "sp-risk", RISK));
        b.insiderRisk(choice(args, "insider-risk", INSIDER_RISK));
        b.authenticationFlow(choice(args, "auth-flow", FLOWS));
        String device = args.option("device", args.option("device-filter-props", null));
        if (args.option("device", null) != null && args.option("device-filter-props", null) != null) {
            throw new Command.UsageException("give --device or --device-filter-props, not both");
        }
        b.deviceProperties(device(device));
        return new Result(b.build(), notes);
    }

    /** A comma-separated id list; "none" is the empty set; absent is unknown. */
    private static Set<String> ids(Args args, String option) {
        String v = args.option(option, null);
        if (v == null) {
            return null;
        }
        if (v.trim().equalsIgnoreCase("none")) {
            return Set.of();
        }
        Set<String> out = new LinkedHashSet<>();
        for (String id : v.split(",")) {
            String t = id.trim();
            if (t.isEmpty()) {
                throw new Command.UsageException("--" + option + " has an empty entry: give ids separated by commas, "
                        + "or none");
            }
            out.add(t);
        }
        return out;
    }

    private static String choice(Args args, String option, List<String> allowed) {
        String v = args.option(option, null);
        if (v == null) {
            return null;
        }
        return allowed.stream().filter(a -> a.equalsIgnoreCase(v.trim())).findFirst().orElseThrow(
                () -> new Command.UsageException("--" + option + " must be one of " + String.join(", ", allowed)
                        + ", not " + SnapshotOption.line(v)));
    }

    private static String clientApp(String v) {
        if (v == null) {
            return null;
        }
        String k = v.trim().toLowerCase(Locale.ROOT);
        return switch (k) {
            case "browser" -> "browser";
            case "mobileappsanddesktopclients", "mobile", "desktop", "modern" -> "mobileAppsAndDesktopClients";
            case "exchangeactivesync", "eas" -> "exchangeActiveSync";
            case "other", "legacy" -> "other";
            default -> throw new Command.UsageException("--client-app must be one of " + String.join(", ", CLIENT_APPS)
                    + " (or mobile, desktop, eas, legacy), not " + SnapshotOption.line(v));
        };
    }

    private static Set<String> contexts(String v) {
        if (v == null) {
            return null;
        }
        if (v.trim().equalsIgnoreCase("none")) {
            return Set.of();
        }
        Set<String> out = new LinkedHashSet<>();
        for (String c : v.split(",")) {
            String t = c.trim();
            if (!t.matches("[A-Za-z0-9]{1,64}")) {
                throw new Command.UsageException("--auth-context takes authentication context ids such as c1,c2 (or "
                        + "none), not " + SnapshotOption.line(v));
            }
            out.add(t.toLowerCase(Locale.ROOT));
        }
        return out;
    }

    static String ip(String v) {
        if (v == null) {
            return null;
        }
        String t = v.trim();
        if (IPV4.matcher(t).matches()) {
            return t;
        }
        // only a literal with colons can be IPv6; InetAddress then parses it without any name lookup
        if (t.contains(":") && IPV6.matcher(t).matches()) {
            try {
                java.net.InetAddress.getByName(t);
                return t;
            } catch (java.net.UnknownHostException e) {
                // falls through to the usage error
            }
        }
        throw new Command.UsageException("--ip must be an IPv4 or IPv6 address, not " + SnapshotOption.line(v));
    }

    private static String country(String v) {
        if (v == null) {
            return null;
        }
        if (!v.trim().matches("[A-Za-z]{2}")) {
            throw new Command.UsageException("--country must be a two-letter country code such as DE or US, not "
                    + SnapshotOption.line(v));
        }
        return v.trim().toUpperCase(Locale.ROOT);
    }

    /** "unregistered" is a device without properties; otherwise PROP=VALUE pairs with known property names. */
    static Map<String, String> device(String v) {
        if (v == null) {
            return null;
        }
        if (v.trim().equalsIgnoreCase("unregistered")) {
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : DEVICE_SPLIT.split(v)) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new Command.UsageException("--device takes PROP=VALUE pairs separated by commas (e.g. "
                        + "trustType=ServerAD,isCompliant=True) or unregistered, not " + SnapshotOption.line(v));
            }
            String name = pair.substring(0, eq).trim();
            String canonical = DEVICE_PROPERTIES.stream().filter(p -> p.equalsIgnoreCase(name)).findFirst()
                    .orElseThrow(() -> new Command.UsageException("--device: unknown device property "
                            + SnapshotOption.line(name) + "; known: " + String.join(", ", DEVICE_PROPERTIES)));
            out.put(canonical, pair.substring(eq + 1).trim());
        }
        return out;
    }

    /**
     * An app id from what the user typed: an id as it is, else a service principal of the snapshot by its
     * display name, else a well-known Microsoft app by name.
     */
    static String resolveApp(String value, TenantContext tenant) {
        String v = value.trim();
        if (GUID.matcher(v).matches()) {
            return v;
        }
        List<ServicePrincipal> named = tenant.servicePrincipals().stream()
                .filter(sp -> sp.displayName() != null && sp.displayName().trim().equalsIgnoreCase(v)).toList();
        if (named.size() == 1 && named.get(0).appId() != null) {
            return named.get(0).appId();
        }
        if (named.size() > 1) {
            throw new Command.UsageException("--app " + SnapshotOption.line(v) + " names " + named.size()
                    + " service principals; give the app id: " + String.join(", ", named.stream()
                            .map(sp -> String.valueOf(sp.appId())).toList()));
        }
        Optional<String> known = WellKnownApps.id(v);
        if (known.isPresent()) {
            return known.get();
        }
        List<String> names = tenant.servicePrincipals().stream().map(ServicePrincipal::displayName)
                .filter(n -> n != null && !n.isBlank()).sorted().limit(12).toList();
        throw new Command.UsageException("--app " + SnapshotOption.line(v) + " is neither an app id nor the name of a "
                + "service principal in the snapshot or of a well-known Microsoft app"
                + (names.isEmpty() ? "" : "; the snapshot has e.g. " + SnapshotOption.line(String.join(", ", names))));
    }
}
