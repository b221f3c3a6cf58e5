package io.signdx.policy.internal;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.signdx.api.model.AuthenticationContext;
import io.signdx.api.model.ClientApp;
import io.signdx.api.model.DeviceDetail;
import io.signdx.api.model.SignIn;
import io.signdx.policy.SignInFacts;

/**
 * Turns a recorded sign-in into the facts the evaluator reads. What the record does not say stays
 * unknown (null); memberships are left to the snapshot.
 *
 * <ul>
 * <li><b>Application</b>: Conditional Access targets the resource a token is for, not the client, so the
 * app evaluated is the record's {@code resourceId} when it has one, else its {@code appId}.</li>
 * <li><b>Workload identities</b>: a service-principal or managed-identity sign-in (by its event type, or a
 * record with a service principal and no user) gets its service principal id; a user sign-in does not.</li>
 * <li><b>Guest type</b>: from {@code crossTenantAccessType}, else from the home and resource tenants; the
 * evaluator completes it from the directory's UPN ({@code #EXT#}) when the record cannot tell.</li>
 * <li><b>Platform</b> from {@code deviceDetail.operatingSystem} ("Windows 10" → windows, "Ios" → iOS,
 * "MacOs" → macOS …); text it does not recognise stays unknown.</li>
 * <li><b>Client app type</b> from {@code clientAppUsed}: Browser, Mobile Apps and Desktop clients, Exchange
 * ActiveSync; every other legacy protocol is {@code other}.</li>
 * <li><b>Risk</b>: sign-in risk from {@code riskLevelDuringSignIn}, user risk from {@code riskLevelAggregated}.</li>
 * <li><b>Device</b>: a record without any device detail leaves the device unknown; a device without an id
 * is unregistered (an empty map); a registered one gives deviceId, displayName, trustType (Azure AD joined
 * → AzureAD, Hybrid Azure AD joined → ServerAD, Azure AD registered → Workplace), isCompliant, isManaged,
 * and operatingSystem for Windows and Android, whose device-object spelling is certain.</li>
 * <li><b>Authentication flow</b> from {@code originalTransferMethod} (Graph beta, Log Analytics) when the record
 * has it: {@code deviceCodeFlow}, {@code authenticationTransfer} or {@code none}. A record without it (Graph
 * v1.0, the portal's CSV) falls back on the protocol: device code is {@code deviceCodeFlow}, any other recorded
 * protocol {@code none} (such a record cannot show an authentication transfer); no protocol leaves it unknown.</li>
 * <li><b>Authentication contexts and user actions</b> from {@code authenticationContextClassReferences}: the
 * contexts ({@code c1} …) it asked for (required or previously satisfied), and the user action
 * ({@code urn:user:registersecurityinfo}, {@code urn:user:registerdevice}) it was made for. A record without the
 * field leaves the contexts unknown; one with an empty list asked for none.</li>
 * <li><b>Country</b> from {@code location.countryOrRegion}.</li>
 * </ul>
 */
public final class RecordedFacts {
    private RecordedFacts() {
    }

    /** See {@link SignInFacts#of(SignIn)}. */
    public static SignInFacts of(SignIn signIn) {
        if (signIn == null) {
            throw new IllegalArgumentException("signIn must not be null");
        }
        boolean workload = isWorkload(signIn);
        String userType = userType(signIn.userTypeValue());
        return SignInFacts.builder()
                .userId(workload ? null : text(signIn.userId()))
                .userPrincipalName(workload ? null : text(signIn.userPrincipalName()))
                .userType(workload ? null : userType)
                .guestOrExternalUserType(workload ? null : GuestTypes.fromRecord(userType,
                        signIn.crossTenantAccessTypeValue(), signIn.homeTenantId(), signIn.resourceTenantId()))
                .homeTenantId(text(signIn.homeTenantId()))
                .servicePrincipalId(workload ? text(signIn.servicePrincipalId()) : null)
                .appId(text(signIn.resourceId()) != null ? text(signIn.resourceId()) : text(signIn.appId()))
                .ipAddress(text(signIn.ipAddress()))
                .country(text(signIn.location().countryOrRegion()))
                .platform(platform(signIn.deviceDetail().operatingSystem()))
                .clientAppType(clientAppType(signIn.clientAppUsed()))
                .signInRisk(text(signIn.risk().riskLevelDuringSignInValue()))
                .userRisk(text(signIn.risk().riskLevelAggregatedValue()))
                .authenticationFlow(flow(signIn.originalTransferMethod(), signIn.authenticationProtocol()))
                .authenticationContexts(contexts(signIn.authenticationContextClassReferences()))
                .userAction(userAction(signIn.authenticationContextClassReferences()))
                .deviceProperties(device(signIn.deviceDetail()))
                .recorded(signIn)
                .build();
    }

    private static boolean isWorkload(SignIn s) {
        for (String t : s.signInEventTypes()) {
            String l = t == null ? "" : t.toLowerCase(Locale.ROOT);
            if (l.equals("serviceprincipal") || l.equals("managedidentity")) {
                return true;
            }
        }
        return text(s.servicePrincipalId()) != null && text(s.userId()) == null && text(s.userPrincipalName()) == null;
    }

    private static String userType(String v) {
        String l = Subject.lower(v);
        if (l == null) {
            return null;
        }
        return switch (l) {
            case "member" -> "Member";
            case "guest" -> "Guest";
            default -> null;
        };
    }

    /** Graph platform name for a recorded operating system; null when the text is not recognised. */
    static String platform(String os) {
        String l = Subject.lower(os);
        if (l == null) {
            return null;
        }
        if (l.startsWith("windows phone") || l.startsWith("windowsphone")) {
            return "windowsPhone";
        }
        if (l.startsWith("windows")) {
            return "windows";
        }
        if (l.startsWith("ios") || l.startsWith("ipados") || l.startsWith("iphone") || l.startsWith("ipad")) {
            return "iOS";
        }
        if (l.startsWith("macos") || l.startsWith("mac os") || l.startsWith("os x") || l.startsWith("osx")) {
            return "macOS";
        }
        if (l.startsWith("android")) {
            return "android";
        }
        if (l.startsWith("linux") || l.startsWith("ubuntu")) {
            return "linux";
        }
        return null;
    }

    /** Graph client app type for a recorded {@code clientAppUsed}; null when absent or not recognised. */
    static String clientAppType(String clientAppUsed) {
        ClientApp app = ClientApp.parse(clientAppUsed);
        return switch (app) {
            case BROWSER -> "browser";
            case MOBILE_AND_DESKTOP -> "mobileAppsAndDesktopClients";
            case EXCHANGE_ACTIVESYNC -> "exchangeActiveSync";
            case UNKNOWN -> null;
            default -> app.isLegacy() ? "other" : null;
        };
    }

    private static String flow(String transferMethod, String protocol) {
        String t = Subject.lower(transferMethod);
        if (t != null) {
            // the evaluator compares in lower case; these are Graph's spellings, for what it shows
            return switch (t) {
                case "devicecodeflow" -> "deviceCodeFlow";
                case "authenticationtransfer" -> "authenticationTransfer";
                case "none" -> "none";
                default -> transferMethod.trim();
            };
        }
        String l = Subject.lower(protocol);
        if (l == null) {
            return null;
        }
        return l.equals("devicecode") ? "deviceCodeFlow" : "none";
    }

    /** The contexts asked for; null when the record does not say. */
    private static Set<String> contexts(List<AuthenticationContext> refs) {
        if (refs == null) {
            return null;
        }
        Set<String> out = new LinkedHashSet<>();
        for (AuthenticationContext c : refs) {
            if (c.id() != null && !c.id().isBlank() && c.isRequested() && !c.isUserAction()) {
                out.add(c.id().trim());
            }
        }
        return out;
    }

    /** The user action the sign-in was made for: the one it requires, else one it had already satisfied. */
    private static String userAction(List<AuthenticationContext> refs) {
        if (refs == null) {
            return null;
        }
        String satisfied = null;
        for (AuthenticationContext c : refs) {
            if (c.isUserAction() && c.isRequested()) {
                if (c.detail() == null || c.detail().trim().equalsIgnoreCase("required")) {
                    return c.id().trim();
                }
                satisfied = satisfied == null ? c.id().trim() : satisfied;
            }
        }
        return satisfied;
    }

    /** The device properties filter rules read; null when the record says nothing about the device. */
    static Map<String, String> device(DeviceDetail d) {
        if (d == null || allBlank(d)) {
            return null;
        }
        if (!d.isRegistered()) {
            return Map.of();
        }
        Map<String, String> p = new HashMap<>();
        p.put("deviceId", d.deviceId().trim());
        put(p, "displayName", d.displayName());
        if (d.isCompliant() != null) {
            p.put("isCompliant", d.isCompliant() ? "True" : "False");
        }
        if (d.isManaged() != null) {
            p.put("isManaged", d.isManaged() ? "True" : "False");
        }
        String trust = trustType(d.trustType());
        if (trust != null) {
            p.put("trustType", trust);
        }
        String platform = platform(d.operatingSystem());
        if ("windows".equals(platform)) {
            p.put("operatingSystem", "Windows");
        } else if ("android".equals(platform)) {
            p.put("operatingSystem", "Android");
        }
        return p;
    }

    /** The filter's trustType for the join type a sign-in records; null when none or not recognised. */
    static String trustType(String recorded) {
        String l = Subject.lower(recorded);
        if (l == null) {
            return null;
        }
        if (l.contains("hybrid")) {
            return "ServerAD";
        }
        if (l.endsWith("registered")) {
            return "Workplace";
        }
        if (l.endsWith("joined")) {
            return "AzureAD";
        }
        return switch (l) {
            case "azuread", "serverad", "workplace" -> recorded.trim();
            default -> null;
        };
    }

    private static boolean allBlank(DeviceDetail d) {
        return List.of(str(d.deviceId()), str(d.displayName()), str(d.operatingSystem()), str(d.browser()),
                str(d.trustType())).stream().allMatch(String::isBlank) && d.isCompliant() == null && d.isManaged() == null;
    }

    private static String str(String s) {
        return s == null ? "" : s;
    }

    private static void put(Map<String, String> p, String key, String value) {
        String v = text(value);
        if (v != null) {
            p.put(key, v);
        }
    }

    private static String text(String v) {
        return v == null || v.isBlank() ? null : v.trim();
    }
}
