package io.signdx.policy.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.ipv6.IPv6Address;
import io.signdx.api.model.SignIn;
import io.signdx.api.tenant.DirectoryUser;
import io.signdx.api.tenant.ServicePrincipal;
import io.signdx.api.tenant.TenantContext;
import io.signdx.policy.Condition;
import io.signdx.policy.ConditionVerdict;
import io.signdx.policy.SignInFacts;
import io.signdx.policy.Verdict;

/**
 * One sign-in as the checks read it: the facts completed from the snapshot (the user's memberships,
 * user type, guest type), normalized once (lower-case ids, the IP address parsed) and described once.
 * Also collects what was missing. Not thread-safe: one per evaluation.
 */
final class Subject {
    /** {@code facts.country()} value meaning "Microsoft could not map the IP address to a country". */
    static final String UNKNOWN_COUNTRY = "unknown";

    final SignInFacts facts;
    final SignIn recorded;
    final boolean workload;
    final boolean managedIdentity;
    final String userId;
    final String upn;
    final String userType;
    final String guestType;
    final String homeTenant;
    final Set<String> groups;
    final boolean groupsFromSnapshot;
    final Set<String> roles;
    final boolean userInSnapshot;
    final String servicePrincipalId;
    final String servicePrincipalAppId;
    final String appId;
    final String userAction;
    final Set<String> authContexts;
    final String ip;
    final IPAddress address;
    /** The address as a number, for range tests; null when there is no valid address. */
    final IpSpan span;
    final boolean privateAddress;
    final String country;
    final boolean countryUnresolvable;
    final String platform;
    final String clientAppType;
    final String signInRisk;
    final String userRisk;
    final String servicePrincipalRisk;
    final String insiderRisk;
    final String authenticationFlow;
    final Map<String, String> device;
    final Set<String> missing = new LinkedHashSet<>();

    private final TenantContext tenant;
    private final KnownIds known;
    private String userLabel;
    private String appLabel;
    private final List<String> pending = new ArrayList<>();
    private final ConditionVerdict[] notConfigured = new ConditionVerdict[Condition.values().length];
    private String userBase;
    private String groupsLabel;
    private String deviceLabel;

    private Subject(SignInFacts raw, TenantContext tenant, KnownIds known) {
        this.tenant = tenant;
        this.known = known;
        this.recorded = raw.recorded();
        DirectoryUser du = lookUp(raw, tenant);
        userInSnapshot = du != null;
        String uid = first(raw.userId(), du == null ? null : du.id());
        String name = first(raw.userPrincipalName(), du == null ? null : du.userPrincipalName());
        String type = first(raw.userType(), du == null ? null : du.userType());
        Set<String> groupIds = raw.groupIds() != null ? raw.groupIds() : du == null ? null : du.groupIds();
        Set<String> roleIds = raw.roleTemplateIds() != null ? raw.roleTemplateIds() : du == null ? null
                : du.roleTemplateIds();
        String guest = raw.guestOrExternalUserType();
        if (blank(guest)) {
            guest = du != null ? GuestTypes.fromAccount(first(du.userType(), type), du.userPrincipalName(), true)
                    : GuestTypes.fromAccount(type, name, false);
        }
        groupsFromSnapshot = raw.groupIds() == null && groupIds != null;
        workload = !blank(raw.servicePrincipalId()) && blank(raw.userId()) && blank(raw.userPrincipalName());
        managedIdentity = recorded != null && !blank(recorded.managedIdentityType());
        this.facts = raw.toBuilder().userId(uid).userPrincipalName(name).userType(type).groupIds(groupIds)
                .roleTemplateIds(roleIds).guestOrExternalUserType(guest).build();

        userId = lower(uid);
        upn = name;
        userType = type;
        guestType = lower(guest);
        homeTenant = lower(raw.homeTenantId());
        groups = lowerAll(groupIds);
        roles = lowerAll(roleIds);
        servicePrincipalId = lower(raw.servicePrincipalId());
        ServicePrincipal sp = servicePrincipalId == null ? null : tenant.servicePrincipal(servicePrincipalId).orElse(null);
        servicePrincipalAppId = sp == null ? null : lower(sp.appId());
        appId = lower(raw.appId());
        userAction = lower(raw.userAction());
        authContexts = lowerAll(raw.authenticationContexts());
        ip = blank(raw.ipAddress()) ? null : raw.ipAddress().trim();
        address = parse(ip);
        span = address == null ? null : IpSpan.of(address);
        privateAddress = address != null && (address.isLocal() || address.isLoopback() || address.isAnyLocal()
                || address.isMulticast());
        String c = blank(raw.country()) ? null : raw.country().trim();
        countryUnresolvable = c != null && c.equalsIgnoreCase(UNKNOWN_COUNTRY);
        country = c == null || countryUnresolvable || c.length() != 2 ? null : c.toUpperCase(Locale.ROOT);
        platform = lower(raw.platform());
        clientAppType = clientApp(raw.clientAppType());
        signInRisk = lower(raw.signInRisk());
        userRisk = lower(raw.userRisk());
        servicePrincipalRisk = lower(raw.servicePrincipalRisk());
        insiderRisk = lower(raw.insiderRisk());
        authenticationFlow = lower(raw.authenticationFlow());
        device = raw.deviceProperties() == null ? null : lowerKeys(raw.deviceProperties());
    }

    /** The subject of one evaluation. */
    static Subject of(SignInFacts facts, TenantContext tenant, KnownIds known) {
        return new Subject(facts, tenant, known);
    }

    private static DirectoryUser lookUp(SignInFacts raw, TenantContext tenant) {
        DirectoryUser du = null;
        if (!blank(raw.userId())) {
            du = tenant.user(raw.userId()).orElse(null);
        }
        if (du == null && !blank(raw.userPrincipalName())) {
            du = tenant.user(raw.userPrincipalName()).orElse(null);
        }
        return du;
    }

    // ---- descriptions (the sign-in's value column) --------------------------------------------------

    /** The user or workload identity, e.g. {@code alice@contoso.example}. */
    String userLabel() {
        if (userLabel == null) {
            if (workload) {
                userLabel = "service principal " + servicePrincipalLabel();
            } else {
                userLabel = upn != null ? upn : userId != null ? userId : "unknown user";
            }
        }
        return userLabel;
    }

    String servicePrincipalLabel() {
        if (servicePrincipalId == null) {
            return "unknown";
        }
        return tenant.servicePrincipal(servicePrincipalId).map(sp -> sp.label() + " (" + sp.id() + ")")
                .orElse(facts.servicePrincipalId());
    }

    /** The application, e.g. {@code Office 365 Exchange Online (00000002-…)}. */
    String appLabel() {
        if (appLabel == null) {
            appLabel = appId == null ? "unknown application" : Names.app(facts.appId(), tenant, known);
        }
        return appLabel;
    }

    /**
     * The verdict of a condition a policy does not configure: the same for every such policy, so made
     * once per sign-in (most conditions of most policies are not configured).
     */
    ConditionVerdict notConfigured(Condition c, String configured, Function<Subject, String> value) {
        ConditionVerdict v = notConfigured[c.ordinal()];
        if (v == null || !v.configured().equals(configured)) {
            v = new ConditionVerdict(c, configured, value.apply(this), Verdict.NOT_CONFIGURED,
                    "not configured: the condition does not narrow the policy");
            notConfigured[c.ordinal()] = v;
        }
        return v;
    }

    /** The user with the user and guest type, e.g. {@code bob@… (Guest, b2bCollaborationGuest from tenant …)}. */
    String userBase() {
        if (userBase == null) {
            StringBuilder b = new StringBuilder(userLabel());
            if (!workload && (userType != null || guestType != null)) {
                b.append(" (").append(userType == null ? "user type unknown" : userType);
                if (guestType != null && !guestType.equals("none")) {
                    b.append(", ").append(facts.guestOrExternalUserType());
                    if (homeTenant != null) {
                        b.append(" from tenant ").append(facts.homeTenantId());
                    }
                }
                b.append(')');
            }
            userBase = b.toString();
        }
        return userBase;
    }

    /** The device as the filter sees it. */
    String deviceLabel(Function<Subject, String> describe) {
        if (deviceLabel == null) {
            deviceLabel = describe.apply(this);
        }
        return deviceLabel;
    }

    /** The network: IP and country. */
    String networkLabel() {
        String c = country != null ? "country " + country
                : countryUnresolvable ? "country unknown (the IP maps to none)" : "country not known";
        return (ip == null ? "IP address unknown" : "IP " + ip) + ", " + c;
    }

    String groupsKnownLabel() {
        if (groupsLabel == null) {
            groupsLabel = groups == null ? "group membership unknown"
                    : "member of " + groups.size() + (groups.size() == 1 ? " group" : " groups")
                            + (groupsFromSnapshot ? " (from the snapshot)" : "");
        }
        return groupsLabel;
    }

    /** Notes something unknown that left a condition of the policy being evaluated open. */
    void missing(String what) {
        if (what != null) {
            pending.add(what);
        }
    }

    /**
     * Ends one policy: what it lacked is kept only when that left the policy itself undecided (a policy
     * that does not apply anyway, or is off, lacks nothing that matters).
     */
    void endPolicy(boolean undecided) {
        if (undecided) {
            missing.addAll(pending);
        }
        pending.clear();
    }

    // ---- normalization ----------------------------------------------------------------------------

    private static IPAddress parse(String ip) {
        if (ip == null) {
            return null;
        }
        try {
            IPAddress a = new IPAddressString(ip).getAddress();
            if (a == null) {
                return null;
            }
            if (a instanceof IPv6Address v6 && v6.isIPv4Mapped()) {
                a = v6.getEmbeddedIPv4Address();
            }
            return a.withoutPrefixLength();
        } catch (RuntimeException e) {
            return null; // attacker-controlled text the library refuses: treated as "not a valid address"
        }
    }

    private static String clientApp(String value) {
        if (blank(value)) {
            return null;
        }
        String v = value.trim().toLowerCase(Locale.ROOT).replace(" ", "");
        return switch (v) {
            case "eassupported", "easunsupported", "exchangeactivesync" -> "exchangeactivesync";
            default -> v;
        };
    }

    static String lower(String v) {
        return blank(v) ? null : v.trim().toLowerCase(Locale.ROOT);
    }

    private static Set<String> lowerAll(Set<String> values) {
        if (values == null) {
            return null;
        }
        Set<String> out = new HashSet<>(values.size() * 2);
        for (String v : values) {
            if (!blank(v)) {
                out.add(v.trim().toLowerCase(Locale.ROOT));
            }
        }
        return Collections.unmodifiableSet(out);
    }

    private static Map<String, String> lowerKeys(Map<String, String> props) {
        Map<String, String> out = new HashMap<>();
        props.forEach((k, v) -> {
            if (k != null) {
                out.put(k.trim().toLowerCase(Locale.ROOT), v);
            }
        });
        return out;
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String first(String a, String b) {
        return blank(a) ? (blank(b) ? null : b) : a;
    }

    /** Splits a collection property's text: a list literal {@code ["a","b"]}, else comma or line separated. */
    static List<String> items(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String t = text.trim();
        List<String> out = new ArrayList<>();
        if (t.startsWith("[\"") && t.endsWith("]")) {
            for (String part : t.substring(1, t.length() - 1).split(",")) {
                String p = part.trim();
                if (p.length() >= 2 && p.startsWith("\"") && p.endsWith("\"")) {
                    out.add(p.substring(1, p.length() - 1));
                } else if (!p.isEmpty()) {
                    out.add(p);
                }
            }
            return out;
        }
        for (String part : t.split("[,\\n]")) {
            if (!part.isBlank()) {
                out.add(part.trim());
            }
        }
        return out;
    }
}
