package io.signdx.demo.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import io.signdx.api.model.AppliedPolicy;
import io.signdx.api.model.AuthenticationContext;
import io.signdx.api.model.AuthenticationDetail;
import io.signdx.api.model.DeviceDetail;
import io.signdx.api.model.Location;
import io.signdx.api.model.NetworkLocation;
import io.signdx.api.model.RequirementPolicy;
import io.signdx.api.model.Risk;
import io.signdx.api.model.SignIn;
import io.signdx.api.model.Status;
import io.signdx.demo.internal.DemoDirectory.App;
import io.signdx.demo.internal.DemoDirectory.User;

/**
 * A week of the Northwind tenant's sign-ins, reproducible from a seed: ordinary work (most of it) and,
 * woven in, every scenario SignDx diagnoses several times — lockouts, a password spray, a brute-force
 * run, a printer with a stale password, legacy protocols, B2B guests, risky sign-ins, MFA prompts and
 * registration, app misconfiguration on both sides, pass-through authentication and seamless SSO
 * failures.
 */
final class DemoSignIns {
    static final Instant WEEK_START = Instant.parse("2026-11-16T00:00:00Z");
    static final Duration WEEK = Duration.ofDays(7);
    private static final String SPRAY_IP = "192.0.2.250";
    /** What Entra records for a sign-in made to register security information (MFA proof-up). */
    private static final List<AuthenticationContext> REGISTER_SECURITY_INFO = List.of(
            new AuthenticationContext("urn:user:registersecurityinfo", "required"));
    /**
     * Errors of the week that come after the user was authenticated and Conditional Access was evaluated:
     * per-user MFA's prompt, an unassigned user, missing consent, the SAML app refusing the method used.
     */
    private static final Set<Integer> AFTER_AUTHENTICATION = Set.of(50076, 50105, 65001, 75011);
    private static final String BROWSER_UA = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
            + "(KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0";

    private final Random r;
    private final DemoDirectory dir;
    private final List<SignIn> out = new ArrayList<>();
    private long sequence;

    DemoSignIns(long seed, DemoDirectory dir) {
        this.r = new Random(seed);
        this.dir = dir;
    }

    /** Every sign-in of the week, oldest first. */
    List<SignIn> generate() {
        ordinaryWork();
        typos();
        staleCredential();
        spray();
        bruteForceAndLockouts();
        legacy();
        conditionalAccess();
        mfa();
        apps();
        ptaAndSso();
        risky();
        guests();
        incomplete();
        // last, so that the sign-ins above stay as they were before these were added
        deviceCode();
        decideConditionalAccess();
        out.sort(Comparator.comparing(SignIn::createdDateTime).thenComparing(SignIn::id));
        return out;
    }

    /**
     * Gives every sign-in that reached Conditional Access the results the tenant's policies give it, keeping
     * what its scenario said, so that the records and the tenant snapshot agree. A sign-in reached
     * Conditional Access when it succeeded, when its scenario recorded an outcome, or when it failed only
     * after the user was authenticated ({@link #AFTER_AUTHENTICATION}); one that failed earlier (a wrong
     * password, a lockout, a broken request) lists no policies, as Entra records it.
     */
    private void decideConditionalAccess() {
        var users = dir.byId();
        for (int i = 0; i < out.size(); i++) {
            SignIn s = out.get(i);
            DemoDirectory.User u = s.userId() == null ? null : users.get(s.userId());
            if (u == null) {
                continue;
            }
            boolean reached = s.errorCode() == 0 || !"notApplied".equals(s.conditionalAccessStatusValue())
                    || AFTER_AUTHENTICATION.contains(s.errorCode());
            if (!reached) {
                out.set(i, s.toBuilder().appliedConditionalAccessPolicies(List.of()).build());
                continue;
            }
            List<AppliedPolicy> results = DemoPolicies.evaluate(s, u, dir);
            out.set(i, s.toBuilder().appliedConditionalAccessPolicies(results)
                    .conditionalAccessStatusValue(DemoPolicies.status(results)).build());
        }
    }

    // ---- building blocks ---------------------------------------------------------------------------

    private Instant at(double dayFraction) {
        return WEEK_START.plusMillis((long) (dayFraction * WEEK.toMillis()));
    }

    private Instant workHour() {
        int day = r.nextInt(7);
        int hour = day >= 5 ? 10 + r.nextInt(6) : 7 + r.nextInt(11);
        return WEEK_START.plus(Duration.ofDays(day)).plus(Duration.ofHours(hour)).plusSeconds(r.nextInt(3600));
    }

    private String hqIp() {
        return "203.0.113." + (5 + r.nextInt(50));
    }

    private String homeIp() {
        return "198.51.100." + (1 + r.nextInt(30));
    }

    private DeviceDetail managedLaptop(User u) {
        return new DeviceDetail("d" + Integer.toHexString(u.upn().hashCode()) + "-0000-4000-8000-000000000001",
                u.name().split(" ")[0].toUpperCase() + "-LT", "Windows 11", "Edge 131.0.0", true, true,
                "Azure AD joined");
    }

    private DeviceDetail personalPhone() {
        return new DeviceDetail(null, null, r.nextBoolean() ? "iOS 18" : "Android 15", "Mobile Safari", null, null, null);
    }

    private SignIn.Builder base(User u, App app, Instant when, String ip, DeviceDetail device) {
        boolean trusted = ip.startsWith("203.0.113.");
        return SignIn.builder().id(id()).correlationId(id()).createdDateTime(when)
                .userId(u.id()).userPrincipalName(u.upn()).userDisplayName(u.name()).userTypeValue(u.type().toLowerCase())
                .appId(app.id()).appDisplayName(app.name()).resourceId(app.id()).resourceDisplayName(app.name())
                .ipAddress(ip).location(new Location(trusted ? "Seattle" : u.city(), null, trusted ? "US" : u.country(),
                        null, null))
                .clientAppUsed(device.operatingSystem() != null && device.operatingSystem().startsWith("Windows")
                        ? "Browser" : "Mobile Apps and Desktop clients")
                .isInteractive(true).authenticationProtocol(app.saml() ? "saml20" : "oAuth2").deviceDetail(device)
                .homeTenantId(u.homeTenant()).resourceTenantId(DemoDirectory.TENANT_ID)
                .crossTenantAccessTypeValue(u.guest() ? "b2bCollaboration" : "none").userAgent(BROWSER_UA)
                .signInEventTypes(List.of("interactiveUser")).tokenIssuerType("AzureAD")
                .originalTransferMethod("none").authenticationContextClassReferences(List.of())
                .networkLocationDetails(trusted ? List.of(new NetworkLocation("trustedNamedLocation",
                        List.of("Northwind HQ"))) : List.of())
                .conditionalAccessStatusValue("notApplied")
                .appliedConditionalAccessPolicies(DemoPolicies.applied(Map.of()))
                .authenticationRequirementValue("singleFactorAuthentication")
                .authenticationDetails(List.of(step(when, "Password", "Password Hash Sync", true, "Correct password",
                        "Primary authentication")))
                .risk(new Risk("none", "none", "none", "none", List.of()));
    }

    private static AuthenticationDetail step(Instant when, String method, String detail, boolean ok, String result,
            String requirement) {
        return new AuthenticationDetail(when, method, detail, ok, result, requirement);
    }

    private SignIn.Builder failure(SignIn.Builder b, int code, String reason) {
        return b.status(new Status(code, reason, null));
    }

    private void add(SignIn.Builder b) {
        out.add(b.build());
    }

    private String id() {
        sequence++;
        return String.format("%08x-%04x-4%03x-8%03x-%012x", r.nextInt(), sequence & 0xffff, r.nextInt(0x1000),
                r.nextInt(0x1000), sequence);
    }

    private User member() {
        return dir.members.get(r.nextInt(dir.members.size()));
    }

    // ---- the week ----------------------------------------------------------------------------------

    /** Successful everyday sign-ins, at work and at home, with MFA outside the trusted network. */
    private void ordinaryWork() {
        for (int i = 0; i < 4300; i++) {
            User u = member();
            App app = DemoDirectory.EVERYDAY_APPS.get(r.nextInt(DemoDirectory.EVERYDAY_APPS.size()));
            boolean atHq = r.nextInt(10) < 7;
            Instant when = workHour();
            DeviceDetail device = r.nextInt(5) == 0 ? personalPhone() : managedLaptop(u);
            if (app == DemoDirectory.EXCHANGE && u.groups().contains(DemoDirectory.FINANCE.id())) {
                // Finance reads mail on compliant laptops only: that is what their device policy enforces
                device = managedLaptop(u);
            }
            SignIn.Builder b = base(u, app, when, atHq ? hqIp() : homeIp(), device).status(Status.SUCCESS);
            if (!atHq) {
                b.conditionalAccessStatusValue("success")
                        .appliedConditionalAccessPolicies(DemoPolicies.applied(DemoPolicies.of(
                                DemoPolicies.MFA_UNTRUSTED, "success")))
                        .authenticationRequirementValue("multiFactorAuthentication")
                        .authenticationRequirementPolicies(List.of(new RequirementPolicy("multiConditionalAccess",
                                "Require MFA outside trusted locations")))
                        .authenticationDetails(List.of(step(when, "Password", "Password Hash Sync", true,
                                "Correct password", "Primary authentication"), step(when.plusSeconds(12),
                                "Mobile app notification", null, true, "MFA successfully completed",
                                "Multifactor authentication")));
            }
            if (r.nextInt(3) == 0) {
                b.isInteractive(false).signInEventTypes(List.of("nonInteractiveUser"))
                        .incomingTokenType("primaryRefreshToken");
            }
            add(b);
        }
        // the admin works in the portal with a security key, as the admin policy's authentication strength asks
        for (int i = 0; i < 60; i++) {
            Instant when = workHour();
            add(base(dir.admin, DemoDirectory.PORTAL, when, hqIp(), managedLaptop(dir.admin))
                    .conditionalAccessStatusValue("success")
                    .appliedConditionalAccessPolicies(DemoPolicies.applied(DemoPolicies.of(DemoPolicies.MFA_ADMINS,
                            "success")))
                    .authenticationRequirementValue("multiFactorAuthentication")
                    .authenticationRequirementPolicies(List.of(new RequirementPolicy("multiConditionalAccess",
                            DemoPolicies.MFA_ADMINS.name())))
                    .authenticationDetails(List.of(step(when, "FIDO2 security key", null, true,
                            "MFA successfully completed", "Primary authentication"))));
        }
    }

    /** A wrong password or two, then success: people typing. */
    private void typos() {
        for (int i = 0; i < 40; i++) {
            User u = member();
            Instant when = workHour();
            String ip = hqIp();
            DeviceDetail device = managedLaptop(u);
            int misses = 1 + r.nextInt(2);
            for (int m = 0; m < misses; m++) {
                add(failure(base(u, DemoDirectory.EXCHANGE, when.plusSeconds(m * 20L), ip, device), 50126,
                        "Error validating credentials due to invalid username or password.")
                        .authenticationDetails(List.of(step(when, "Password", "Password Hash Sync", false,
                                "Invalid username or password or Invalid on-premise username or password.",
                                "Primary authentication"))));
            }
            add(base(u, DemoDirectory.EXCHANGE, when.plusSeconds(misses * 20L + 15), ip, device));
        }
    }

    /** A phone still holding the old password after a reset: the same failure every 30 minutes, for days. */
    private void staleCredential() {
        User u = dir.members.get(5);
        DeviceDetail phone = new DeviceDetail(null, null, "iOS 17", null, null, null, null);
        Instant start = at(1.5 / 7);
        for (int i = 0; i < 110; i++) {
            add(failure(base(u, DemoDirectory.EXCHANGE, start.plus(Duration.ofMinutes(30L * i)), homeIp(), phone),
                    50126, "Error validating credentials due to invalid username or password.")
                    .clientAppUsed("Exchange ActiveSync").isInteractive(false)
                    .signInEventTypes(List.of("nonInteractiveUser")).userAgent("Apple-iPhone15C2/2105.258"));
        }
    }

    /** One address tries one password against many accounts within minutes. */
    private void spray() {
        Instant start = at(3.1 / 7);
        DeviceDetail unknown = new DeviceDetail(null, null, null, null, null, null, null);
        for (int i = 0; i < 48; i++) {
            User u = dir.members.get(i);
            add(failure(base(u, DemoDirectory.OUTLOOK, start.plusSeconds(i * 17L), SPRAY_IP, unknown), 50126,
                    "Error validating credentials due to invalid username or password.")
                    .clientAppUsed("Other clients").authenticationProtocol("ropc").userAgent("python-requests/2.31")
                    .location(new Location(null, null, "NL", null, null))
                    .risk(new Risk("medium", "medium", "atRisk", "none", List.of("passwordSpray"))));
        }
    }

    /** One account, many passwords from several addresses, ending in smart lockout; a malicious-IP block. */
    private void bruteForceAndLockouts() {
        User target = dir.members.get(11);
        Instant start = at(4.4 / 7);
        DeviceDetail unknown = new DeviceDetail(null, null, "Linux", null, null, null, null);
        for (int i = 0; i < 36; i++) {
            String ip = "192.0.2." + (100 + i % 12);
            boolean locked = i >= 26;
            add(failure(base(target, DemoDirectory.MY_APPS, start.plusSeconds(i * 40L), ip, unknown),
                    locked ? 50053 : 50126, locked ? "Account is locked because user tried to sign in too many times "
                            + "with an incorrect user ID or password." : "Error validating credentials due to invalid "
                            + "username or password."));
        }
        for (int i = 0; i < 4; i++) {
            User u = member();
            add(failure(base(u, DemoDirectory.EXCHANGE, workHour(), "192.0.2.66", personalPhone()), 50053,
                    "Sign-in was blocked because it came from an IP address with malicious activity"));
        }
        for (int i = 0; i < 6; i++) {
            User u = member();
            Instant when = workHour();
            for (int k = 0; k < 4; k++) {
                add(failure(base(u, DemoDirectory.TEAMS, when.plusSeconds(k * 30L), homeIp(), managedLaptop(u)),
                        k < 3 ? 50126 : 50053, k < 3 ? "Error validating credentials due to invalid username or "
                                + "password." : "Account is locked because user tried to sign in too many times with "
                                + "an incorrect user ID or password."));
            }
        }
    }

    /** IMAP and POP blocked by the legacy policy; a multifunction printer still sending mail with SMTP AUTH. */
    private void legacy() {
        String[] protocols = {"IMAP4", "POP3", "Exchange ActiveSync", "Authenticated SMTP", "Other clients"};
        for (int i = 0; i < 30; i++) {
            User u = member();
            add(failure(base(u, DemoDirectory.EXCHANGE, workHour(), homeIp(), personalPhone()), 53003,
                    "Access has been blocked by Conditional Access policies. The access policy does not allow token "
                            + "issuance.").clientAppUsed(protocols[i % 4 == 3 ? 0 : i % 4])
                    .conditionalAccessStatusValue("failure")
                    .appliedConditionalAccessPolicies(DemoPolicies.applied(DemoPolicies.of(DemoPolicies.BLOCK_LEGACY,
                            "failure"))));
        }
        for (int i = 0; i < 24; i++) {
            add(base(dir.printer, DemoDirectory.EXCHANGE, workHour(), "203.0.113.9",
                    new DeviceDetail(null, null, null, null, null, null, null)).clientAppUsed("Authenticated SMTP")
                    .userAgent("MFP-Firmware/4.2"));
        }
    }

    /** Device-based policies failing, sign-in frequency, and MFA prompts required by Conditional Access. */
    private void conditionalAccess() {
        List<User> finance = dir.members.stream().filter(u -> u.groups().contains(DemoDirectory.FINANCE.id())).toList();
        for (int i = 0; i < 16; i++) {
            User u = finance.get(i % finance.size());
            add(failure(base(u, DemoDirectory.EXCHANGE, workHour(), homeIp(), personalPhone()), 53000,
                    "Device is not in required device state: compliant. Conditional Access policy requires a "
                            + "compliant device, and the device is not compliant.")
                    .conditionalAccessStatusValue("failure")
                    .appliedConditionalAccessPolicies(DemoPolicies.applied(DemoPolicies.of(
                            DemoPolicies.COMPLIANT_FINANCE, "failure", DemoPolicies.MFA_UNTRUSTED, "success"))));
        }
        for (int i = 0; i < 8; i++) {
            User u = member();
            add(failure(base(u, DemoDirectory.HR_SAML, workHour(), hqIp(), managedLaptop(u)), 70044,
                    "The session has expired or is invalid due to sign-in frequency checks by conditional access.")
                    .conditionalAccessStatusValue("failure")
                    .appliedConditionalAccessPolicies(DemoPolicies.applied(DemoPolicies.of(DemoPolicies.HR_FREQUENCY,
                            "failure"))));
        }
        for (int i = 0; i < 70; i++) {
            User u = member();
            Instant when = workHour();
            int code = r.nextBoolean() ? 50074 : 50076;
            add(failure(base(u, DemoDirectory.TEAMS, when, homeIp(), managedLaptop(u)), code,
                    code == 50074 ? "Strong Authentication is required." : "Due to a configuration change made by "
                            + "your administrator, or because you moved to a new location, you must use multi-factor "
                            + "authentication to access the resource.")
                    .conditionalAccessStatusValue("success")
                    .appliedConditionalAccessPolicies(DemoPolicies.applied(DemoPolicies.of(DemoPolicies.MFA_UNTRUSTED,
                            "success")))
                    .authenticationRequirementValue("multiFactorAuthentication")
                    .authenticationRequirementPolicies(List.of(new RequirementPolicy("multiConditionalAccess",
                            "Require MFA outside trusted locations"))));
        }
    }

    /** Per-user MFA, registration required, registration from a risky place, prompts not completed. */
    private void mfa() {
        for (int i = 0; i < 16; i++) {
            User u = dir.members.get(60 + i % 8);
            add(failure(base(u, DemoDirectory.OUTLOOK, workHour(), hqIp(), managedLaptop(u)), 50076,
                    "Due to a configuration change made by your administrator, or because you moved to a new location, "
                            + "you must use multi-factor authentication to access the resource.")
                    .authenticationRequirementValue("multiFactorAuthentication")
                    .authenticationRequirementPolicies(List.of(new RequirementPolicy("user", "Per-user MFA"))));
        }
        for (int i = 0; i < 12; i++) {
            User u = dir.members.get(40 + i);
            add(failure(base(u, DemoDirectory.MY_APPS, workHour(), homeIp(), personalPhone()), 50079,
                    "Due to a configuration change made by your administrator, or because you moved to a new location, "
                            + "you must enroll in multi-factor authentication to access the resource.")
                    .authenticationRequirementPolicies(List.of(new RequirementPolicy(
                            "mfaRegistrationRequiredByMultiConditionalAccess", null)))
                    .authenticationContextClassReferences(REGISTER_SECURITY_INFO));
        }
        for (int i = 0; i < 6; i++) {
            User u = dir.members.get(20 + i);
            add(failure(base(u, DemoDirectory.MY_APPS, workHour(), "192.0.2.33", personalPhone()), 53004,
                    "Proof up is blocked due to suspicious activity").location(new Location(null, null, "RU", null,
                            null)).authenticationContextClassReferences(REGISTER_SECURITY_INFO));
        }
        String[] why = {"MFA denied; user declined the authentication", "MFA denied; user did not respond to mobile "
                + "app notification", "MFA denied; user did not select the correct number"};
        for (int i = 0; i < 18; i++) {
            User u = member();
            Instant when = workHour();
            add(failure(base(u, DemoDirectory.TEAMS, when, homeIp(), managedLaptop(u)), 500121,
                    "Authentication failed during strong authentication request.")
                    .authenticationDetails(List.of(step(when, "Password", "Password Hash Sync", true,
                            "Correct password", "Primary authentication"), step(when.plusSeconds(40),
                            "Mobile app notification", null, false, why[i % 3], "Multifactor authentication")))
                    .conditionalAccessStatusValue("success")
                    .appliedConditionalAccessPolicies(DemoPolicies.applied(DemoPolicies.of(DemoPolicies.MFA_UNTRUSTED,
                            "success"))));
        }
        // before Conditional Access replaced them on the first morning, security defaults still applied
        for (int i = 0; i < 6; i++) {
            User u = member();
            add(failure(base(u, DemoDirectory.PORTAL, at(0.02 + i * 0.001), homeIp(), managedLaptop(u)), 530035,
                    "Access has been blocked by security defaults. This is due to the request using legacy auth or "
                            + "being deemed unsafe by security defaults policies.")
                    .authenticationRequirementPolicies(List.of(new RequirementPolicy("securityDefaults", null))));
        }
    }

    /** Enterprise applications: the vendor's side and the tenant's side, and a service principal's secret. */
    private void apps() {
        Object[][] cases = {
            {DemoDirectory.HR_SAML, 75011, "Authentication method by which the user authenticated with the service "
                + "doesn't match requested authentication method."},
            {DemoDirectory.HR_SAML, 750054, "SAMLRequest or SAMLResponse must be present as query string parameters in "
                + "HTTP request for SAML Redirect binding."},
            {DemoDirectory.HR_SAML, 50011, "The redirect URI specified in the request does not match the redirect URIs "
                + "configured for the application."},
            {DemoDirectory.EXPENSES, 50105, "The signed in user is not assigned to a role for the application."},
            {DemoDirectory.EXPENSES, 65001, "The user or administrator has not consented to use the application."},
            {new App("9f7e5d3c-1b2a-4c6d-8e0f-7a5b3c1d9e24", "Legacy CRM", false), 700016,
                "Application with identifier was not found in the directory."}};
        for (Object[] c : cases) {
            for (int i = 0; i < 6; i++) {
                User u = member();
                add(failure(base(u, (App) c[0], workHour(), hqIp(), managedLaptop(u)), (Integer) c[1], (String) c[2]));
            }
        }
        for (int i = 0; i < 14; i++) {
            Instant when = at(5.0 / 7).plus(Duration.ofMinutes(15L * i));
            int code = i < 10 ? 7000222 : 7000215;
            add(SignIn.builder().id(id()).correlationId(id()).createdDateTime(when)
                    .servicePrincipalId(DemoDirectory.servicePrincipalId(DemoDirectory.PAYROLL_SYNC))
                    .servicePrincipalName(DemoDirectory.PAYROLL_SYNC.name()).appId(DemoDirectory.PAYROLL_SYNC.id())
                    .appDisplayName(DemoDirectory.PAYROLL_SYNC.name()).resourceDisplayName("Microsoft Graph")
                    .resourceId("00000003-0000-0000-c000-000000000000").ipAddress("203.0.113.200")
                    .clientCredentialType("clientSecret").signInEventTypes(List.of("servicePrincipal"))
                    .isInteractive(false).resourceTenantId(DemoDirectory.TENANT_ID)
                    .status(new Status(code, code == 7000222 ? "The provided client secret keys are expired."
                            : "Invalid client secret is provided.", null)));
        }
    }

    /** Pass-through authentication agent trouble and seamless single sign-on failures. */
    private void ptaAndSso() {
        int[][] pta = {{80001, 0}, {80002, 0}, {80007, 0}, {80005, 0}};
        String[] ptaReasons = {"Authentication Agent unable to connect to Active Directory.",
            "Authentication Agent's password validation request timed out.",
            "Authentication Agent unable to validate user's password.",
            "Authentication Agent: An unknown error occurred while processing the response from the Authentication "
                + "Agent."};
        for (int i = 0; i < 16; i++) {
            User u = member();
            Instant when = workHour();
            add(failure(base(u, DemoDirectory.SHAREPOINT, when, hqIp(), managedLaptop(u)), pta[i % 4][0],
                    ptaReasons[i % 4]).authenticationDetails(List.of(step(when, "Password",
                            "Pass-through Authentication", false, ptaReasons[i % 4], "Primary authentication"))));
        }
        int[] sso = {81010, 81009, 81001, 81004};
        String[] ssoReasons = {"DesktopSSO failed because the user's Kerberos ticket has expired or is invalid.",
            "Unable to validate user's Kerberos ticket.", "User's Kerberos ticket is too large.",
            "Kerberos authentication attempt failed."};
        for (int i = 0; i < 12; i++) {
            User u = member();
            add(failure(base(u, DemoDirectory.SHAREPOINT, workHour(), hqIp(), managedLaptop(u)), sso[i % 4],
                    ssoReasons[i % 4]).authenticationProtocol("kerberos")
                    .authenticationDetails(List.of(step(workHour(), "Seamless SSO", null, false, ssoReasons[i % 4],
                            "Primary authentication"))));
        }
    }

    /** High-risk sign-ins blocked by the risk policy. */
    private void risky() {
        String[][] detections = {{"anonymizedIPAddress"}, {"unfamiliarFeatures", "impossibleTravel"},
            {"maliciousIPAddress"}};
        for (int i = 0; i < 10; i++) {
            User u = member();
            add(failure(base(u, DemoDirectory.EXCHANGE, workHour(), "192.0.2." + (200 + i), personalPhone()), 53003,
                    "Access has been blocked by Conditional Access policies. The access policy does not allow token "
                            + "issuance.").conditionalAccessStatusValue("failure")
                    .appliedConditionalAccessPolicies(DemoPolicies.applied(DemoPolicies.of(DemoPolicies.BLOCK_HIGH_RISK,
                            "failure", DemoPolicies.COUNTRIES, "reportOnlyFailure")))
                    .location(new Location(null, null, i % 2 == 0 ? "NG" : "VN", null, null))
                    .flaggedForReview(i < 3) // users who saw the prompt and reported it
                    .risk(new Risk("high", "high", "atRisk", "none", List.of(detections[i % 3]))));
        }
    }

    /** Partner guests: MFA from the guest policy, and SharePoint blocked for want of a compliant device. */
    private void guests() {
        for (User g : dir.guests) {
            for (int i = 0; i < 10; i++) {
                add(base(g, DemoDirectory.TEAMS, workHour(), "198.51.100.200", personalPhone())
                        .conditionalAccessStatusValue("success")
                        .appliedConditionalAccessPolicies(DemoPolicies.applied(DemoPolicies.of(DemoPolicies.MFA_GUESTS,
                                "success")))
                        .authenticationRequirementValue("multiFactorAuthentication"));
            }
            add(failure(base(g, DemoDirectory.SHAREPOINT, workHour(), "198.51.100.200", personalPhone()), 53000,
                    "Device is not in required device state: compliant.").conditionalAccessStatusValue("failure")
                    .appliedConditionalAccessPolicies(DemoPolicies.applied(DemoPolicies.of(DemoPolicies.GUEST_DEVICE,
                            "failure", DemoPolicies.MFA_GUESTS, "success"))));
        }
        for (int i = 0; i < 3; i++) {
            User g = dir.guests.get(i);
            add(failure(base(g, DemoDirectory.TEAMS, workHour(), "198.51.100.201", personalPhone()), 500213,
                    "The user's home tenant's cross-tenant access policy does not allow this access."));
        }
    }

    /** Sign-ins that were not finished: a lost session, a transient service error. */
    private void incomplete() {
        for (int i = 0; i < 24; i++) {
            User u = member();
            add(failure(base(u, DemoDirectory.MY_APPS, workHour(), hqIp(), managedLaptop(u)), i < 20 ? 50058 : 90025,
                    i < 20 ? "A silent sign-in request was sent but no user is signed in."
                            : "An internal Microsoft Entra service hit its retry allowance."));
        }
    }

    /** Meeting-room displays sign in with a code entered on a laptop: the device code flow the tenant blocks. */
    private void deviceCode() {
        for (int i = 0; i < 6; i++) {
            User u = member();
            add(failure(base(u, DemoDirectory.TEAMS, workHour(), hqIp(), new DeviceDetail(null, null, "Android",
                    "Rich Client 1.0.96", null, null, null)), 53003, "Access has been blocked by Conditional Access "
                            + "policies. The access policy does not allow token issuance.")
                    .clientAppUsed("Mobile Apps and Desktop clients").authenticationProtocol("deviceCode")
                    .originalTransferMethod("deviceCodeFlow").isInteractive(true)
                    .conditionalAccessStatusValue("failure")
                    .appliedConditionalAccessPolicies(DemoPolicies.applied(DemoPolicies.of(
                            DemoPolicies.BLOCK_DEVICE_CODE, "failure"))));
        }
    }
}
