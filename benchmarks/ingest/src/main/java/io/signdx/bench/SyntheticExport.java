package io.signdx.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * Writes a synthetic Microsoft Graph <b>beta</b> {@code auditLogs/signIns} list response of any size, streamed
 * with Jackson's {@link JsonGenerator} (constant memory, whatever the count):
 *
 * <pre>java -cp … io.signdx.bench.SyntheticExport OUT.json[.gz] COUNT [SEED [PART]]</pre>
 *
 * <p>The records look like real beta sign-ins (≈ 1.5–3 KB each, compact JSON): status, location with
 * geoCoordinates, deviceDetail, 0–5 applied Conditional Access policies with conditionsSatisfied /
 * conditionsNotSatisfied, 1–3 authentication steps, authenticationRequirementPolicies, risk fields, user
 * agent, signInEventTypes, processing details and the many empty/null properties Graph always returns. They
 * span a 7-day window (newest first, as Graph lists them) over ≈ 2,000 users, 50 applications and 500 IP
 * addresses, with a realistic mix of error codes (mostly 0). The output depends only on COUNT and SEED.
 * PART (default 0) draws other sign-ins of the same tenant (same users, apps, addresses and week), so
 * that several files can be imported into one store without duplicates. A benchmark input generator, not a
 * test fixture.
 */
public final class SyntheticExport {
    static final Instant END = Instant.parse("2025-11-15T00:00:00Z");
    static final long WINDOW_MS = 7L * 24 * 3600 * 1000;
    static final int USERS = 2000;
    static final int IPS = 500;
    static final String TENANT = "6e3c2a4f-1b2d-4c8e-9f0a-2b7d5e1c9a31";

    private static final String[] FIRST = {"Adele", "Alex", "Allan", "Anna", "Ben", "Bianca", "Carlos", "Chen", "Christie",
        "Dana", "Daniel", "Diego", "Elena", "Emily", "Enrico", "Fatima", "Grady", "Hana", "Henrietta", "Isaiah", "Ivan",
        "Jana", "Johanna", "Joni", "Jun", "Karim", "Lee", "Lidia", "Lynne", "Megan", "Miriam", "Nestor", "Nora", "Olga",
        "Patti", "Pradeep", "Raul", "Sakura", "Sofia", "Tomasz"};
    private static final String[] LAST = {"Vance", "Wilber", "Deyoung", "Berg", "Kowalski", "Nakamura", "Garcia", "Wei",
        "Cline", "Okafor", "Moreau", "Rossi", "Schmidt", "Jensen", "Haddad", "Sanders", "Lambert", "Novak", "Ivanova",
        "Patel", "Fernandes", "Larsen", "Adams", "Bauer", "Costa", "Dubois", "Eriksen", "Fischer", "Gomez", "Holt",
        "Ito", "Kim", "Lopez", "Meyer", "Nguyen", "Olsen", "Petrov", "Quinn", "Rahman", "Svensson", "Tanaka", "Weber",
        "Yilmaz", "Zhang", "Bianchi", "Cohen", "Dahl", "Egger", "Fontaine", "Gruber"};
    private static final String[] DEPARTMENTS = {"Sales", "Finance", "IT", "HR", "Engineering", "Marketing", "Legal",
        "Operations"};

    /** name, client app, protocol, weight; resource = one of the first 8 (first-party APIs) or itself. */
    private static final Object[][] APPS = {
        {"Microsoft Teams", "Mobile Apps and Desktop clients", 220}, {"Office 365 Exchange Online", "Browser", 160},
        {"Microsoft Office", "Mobile Apps and Desktop clients", 150}, {"Microsoft Authentication Broker",
            "Mobile Apps and Desktop clients", 120}, {"OneDrive SyncEngine", "Mobile Apps and Desktop clients", 110},
        {"Office365 Shell WCSS-Client", "Browser", 90}, {"Windows Sign In", "Mobile Apps and Desktop clients", 90},
        {"Outlook Mobile", "Mobile Apps and Desktop clients", 80}, {"Azure Portal", "Browser", 60},
        {"My Apps", "Browser", 50}, {"SharePoint Online Web Client Extensibility", "Browser", 45},
        {"Microsoft Edge", "Mobile Apps and Desktop clients", 40}, {"Power BI Desktop", "Mobile Apps and Desktop clients", 30},
        {"Microsoft Intune Company Portal", "Mobile Apps and Desktop clients", 30}, {"My Profile", "Browser", 25},
        {"My Signins", "Browser", 20}, {"Microsoft Azure CLI", "Mobile Apps and Desktop clients", 20},
        {"Azure Virtual Desktop Client", "Mobile Apps and Desktop clients", 20}, {"Visual Studio Code",
            "Mobile Apps and Desktop clients", 18}, {"Microsoft Whiteboard Client", "Mobile Apps and Desktop clients", 10},
        {"Dynamics CRM Online", "Browser", 15}, {"Salesforce", "Browser", 25}, {"ServiceNow", "Browser", 20},
        {"Workday", "Browser", 18}, {"Zoom", "Browser", 15}, {"Slack", "Browser", 14}, {"Adobe Acrobat Sign", "Browser", 8},
        {"GitHub Enterprise Cloud", "Browser", 12}, {"Atlassian Cloud", "Browser", 14}, {"Contoso Expenses", "Browser", 10},
        {"Contoso HR Portal", "Browser", 9}, {"Contoso Intranet", "Browser", 12}, {"Box", "Browser", 6},
        {"DocuSign", "Browser", 6}, {"Cisco Webex", "Browser", 5}, {"Tableau Cloud", "Browser", 4},
        {"Microsoft Forms", "Browser", 6}, {"Microsoft Planner", "Browser", 6}, {"Microsoft Stream", "Browser", 4},
        {"Microsoft To-Do client", "Mobile Apps and Desktop clients", 5}, {"Microsoft Remote Desktop",
            "Mobile Apps and Desktop clients", 5}, {"Microsoft Graph Command Line Tools", "Mobile Apps and Desktop clients", 4},
        {"Exchange ActiveSync legacy", "Exchange ActiveSync", 3}, {"Legacy mail client", "IMAP4", 2},
        {"Scanner mail relay", "Authenticated SMTP", 2}, {"Contoso Line-of-Business API", "Other clients", 2},
        {"Microsoft Defender for Endpoint", "Mobile Apps and Desktop clients", 6}, {"Microsoft Loop", "Browser", 3},
        {"Viva Engage", "Browser", 4}, {"Microsoft Bookings", "Browser", 2}};

    private static final Object[][] CITIES = {
        {"Redmond", "Washington", "US", 47.6740, -122.1215}, {"Seattle", "Washington", "US", 47.6062, -122.3321},
        {"New York", "New York", "US", 40.7128, -74.0060}, {"Chicago", "Illinois", "US", 41.8781, -87.6298},
        {"Austin", "Texas", "US", 30.2672, -97.7431}, {"London", "England", "GB", 51.5072, -0.1276},
        {"Manchester", "England", "GB", 53.4808, -2.2426}, {"Dublin", "Dublin", "IE", 53.3498, -6.2603},
        {"Amsterdam", "Noord-Holland", "NL", 52.3676, 4.9041}, {"Paris", "Ile-De-France", "FR", 48.8566, 2.3522},
        {"Berlin", "Berlin", "DE", 52.5200, 13.4050}, {"Munich", "Bayern", "DE", 48.1351, 11.5820},
        {"Zurich", "Zurich", "CH", 47.3769, 8.5417}, {"Milan", "Lombardia", "IT", 45.4642, 9.1900},
        {"Madrid", "Madrid", "ES", 40.4168, -3.7038}, {"Stockholm", "Stockholms Lan", "SE", 59.3293, 18.0686},
        {"Warsaw", "Mazowieckie", "PL", 52.2297, 21.0122}, {"Tokyo", "Tokyo", "JP", 35.6762, 139.6503},
        {"Singapore", "Singapore", "SG", 1.3521, 103.8198}, {"Sydney", "New South Wales", "AU", -33.8688, 151.2093},
        {"Bengaluru", "Karnataka", "IN", 12.9716, 77.5946}, {"Sao Paulo", "Sao Paulo", "BR", -23.5558, -46.6396},
        {"Toronto", "Ontario", "CA", 43.6532, -79.3832}, {"Lagos", "Lagos", "NG", 6.5244, 3.3792},
        {"Moscow", "Moscow", "RU", 55.7558, 37.6173}, {"Hanoi", "Ha Noi", "VN", 21.0278, 105.8342}};

    private static final String[][] DEVICES = {
        // os, browser, user agent, trust type
        {"Windows10", "Edge 130.0.0", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/130.0.0.0 Safari/537.36 Edg/130.0.0.0", "Azure AD joined"},
        {"Windows10", "Chrome 130.0.0", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/130.0.0.0 Safari/537.36", "Hybrid Azure AD joined"},
        {"Windows10", "Rich Client 5.2.0.0", "Mozilla/5.0 (Windows NT 10.0; Win64; x64; WebView/3.0) AppleWebKit/537.36 "
            + "(KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19045", "Azure AD joined"},
        {"MacOs", "Safari 17.6", "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) "
            + "Version/17.6 Safari/605.1.15", "Azure AD registered"},
        {"MacOs", "Chrome 130.0.0", "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/130.0.0.0 Safari/537.36", ""},
        {"Ios", "Mobile Safari 17.6", "Mozilla/5.0 (iPhone; CPU iPhone OS 17_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, "
            + "like Gecko) Version/17.6 Mobile/15E148 Safari/604.1", "Azure AD registered"},
        {"Ios", "Rich Client 4.74.0", "Outlook-iOS/723.4027091.prod.iphone (4.2439.0)", "Azure AD registered"},
        {"Android", "Chrome Mobile 130.0.6723", "Mozilla/5.0 (Linux; Android 14; SM-S921B) AppleWebKit/537.36 (KHTML, like "
            + "Gecko) Chrome/130.0.6723.86 Mobile Safari/537.36", "Azure AD registered"},
        {"Linux", "Firefox 131.0", "Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:131.0) Gecko/20100101 Firefox/131.0", ""},
        {"Windows10", "Firefox 131.0", "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:131.0) Gecko/20100101 Firefox/131.0",
            ""}};

    /** Error codes: code, weight (per 10,000), failure reason. Mostly 0. */
    private static final Object[][] ERRORS = {
        {0, 7800, "Other."},
        {50126, 450, "Error validating credentials due to invalid username or password."},
        {50074, 300, "Strong Authentication is required."},
        {50076, 250, "Due to a configuration change made by your administrator, or because you moved to a new location, "
            + "you must use multi-factor authentication to access the resource."},
        {50140, 250, "This error occurred due to 'Keep me signed in' interrupt when the user was signing in."},
        {53003, 150, "Access has been blocked by Conditional Access policies. The access policy does not allow token "
            + "issuance."},
        {500121, 120, "Authentication failed during strong authentication request."},
        {70044, 100, "The session has expired or is invalid due to sign-in frequency checks by conditional access."},
        {50053, 80, "Account is locked because user tried to sign in too many times with an incorrect user ID or "
            + "password."},
        {65001, 60, "The user or administrator has not consented to use the application."},
        {50105, 60, "Your administrator has configured the application to block users unless they are specifically "
            + "granted ('assigned') access to the application."},
        {50097, 60, "Device authentication is required."},
        {530003, 50, "Your device is required to be managed to access this resource."},
        {50158, 50, "External security challenge was not satisfied."},
        {50133, 40, "Session is invalid due to expiration or recent password change."},
        {50055, 30, "The password is expired."},
        {50057, 30, "The user account is disabled."},
        {81010, 50, "Seamless SSO failed because the user's Kerberos ticket has expired or is invalid."},
        {16000, 40, "This is an internal error and is expected as part of an account selection flow."}};

    /** CA policies: name, grant controls, session controls. */
    private static final String[][] POLICIES = {
        {"CA001: Require MFA for all users", "Mfa", ""},
        {"CA002: Block legacy authentication", "Block", ""},
        {"CA003: Require compliant or hybrid joined device for admins", "RequireCompliantDevice,RequireDomainJoinedDevice", ""},
        {"CA004: Require MFA for Azure management", "Mfa", ""},
        {"CA005: Block access from high-risk countries", "Block", ""},
        {"CA006: Sign-in frequency 12 hours for unmanaged devices", "", "SignInFrequency"},
        {"CA007: Require approved client app on mobile", "RequireApprovedApp", ""},
        {"CA008: Require password change for high user risk", "Mfa,PasswordChange", ""},
        {"CA009: Require MFA for guests", "Mfa", ""},
        {"CA010: App enforced restrictions for SharePoint", "", "ApplicationEnforcedRestrictions"},
        {"CA011: Require phishing-resistant MFA for privileged roles", "AuthenticationStrength", ""},
        {"CA012: Report-only: block unknown platforms", "Block", ""}};
    private static final String[] CONDITIONS = {"application", "users", "devicePlatform", "location", "clientType",
        "signInRisk", "userRisk", "deviceState"};

    private final SplittableRandom world;
    private final SplittableRandom rnd;
    private final String[] userIds = new String[USERS];
    private final String[] upns = new String[USERS];
    private final String[] names = new String[USERS];
    private final boolean[] guest = new boolean[USERS];
    private final int[][] userIps = new int[USERS][];
    private final int[] userDevice = new int[USERS];
    private final String[] userDeviceIds = new String[USERS];
    private final String[] userDeviceNames = new String[USERS];
    private final String[] appIds = new String[APPS.length];
    private final int[] appWeightsCumulative = new int[APPS.length];
    private final String[] ips = new String[IPS];
    private final int[] ipCity = new int[IPS];
    private final int[] ipAsn = new int[IPS];
    private final String[] policyIds = new String[POLICIES.length];
    private final String[] resourceIds = new String[8];
    private final int errorWeightTotal;

    SyntheticExport(long seed, long part) {
        world = new SplittableRandom(seed);
        SplittableRandom records = world.split();
        // split(): a generator of its own (seeds that differ by multiples of SplittableRandom's increment, as
        // seed ^ part * increment did, give the same stream shifted, so parts 3 and 4 repeated parts 1 and 2)
        rnd = part == 0 ? records : new SplittableRandom(seed ^ part * 0x9E3779B97F4A7C15L).split();
        Set<String> taken = new HashSet<>();
        for (int i = 0; i < USERS; i++) {
            String first = FIRST[world.nextInt(FIRST.length)];
            String last = LAST[world.nextInt(LAST.length)];
            guest[i] = world.nextInt(100) < 5;
            userIds[i] = uuid(world);
            names[i] = first + " " + last + (guest[i] ? " (Guest)" : "");
            String local = (first + "." + last).toLowerCase(Locale.ROOT);
            if (!taken.add(local)) {
                local = local + i;
            }
            upns[i] = guest[i] ? local + "_fabrikam.com#EXT#@contoso.onmicrosoft.com" : local + "@contoso.com";
            int n = 1 + world.nextInt(3);
            userIps[i] = new int[n];
            for (int k = 0; k < n; k++) {
                // the first 60 addresses are the company's egress points, the rest home / mobile / elsewhere
                userIps[i][k] = k == 0 && world.nextInt(100) < 70 ? world.nextInt(60) : world.nextInt(IPS);
            }
            userDevice[i] = world.nextInt(DEVICES.length);
            userDeviceIds[i] = DEVICES[userDevice[i]][3].isEmpty() ? "" : uuid(world);
            userDeviceNames[i] = DEVICES[userDevice[i]][3].isEmpty() ? ""
                    : "CONTOSO-" + DEPARTMENTS[world.nextInt(DEPARTMENTS.length)].toUpperCase(Locale.ROOT) + "-"
                            + (1000 + world.nextInt(9000));
        }
        int cum = 0;
        for (int i = 0; i < APPS.length; i++) {
            appIds[i] = uuid(world);
            cum += (Integer) APPS[i][2];
            appWeightsCumulative[i] = cum;
        }
        for (int i = 0; i < resourceIds.length; i++) {
            resourceIds[i] = uuid(world);
        }
        for (int i = 0; i < IPS; i++) {
            if (i < 60) {
                ips[i] = "131.107." + (i / 8 + 1) + "." + (10 + i % 8 * 20);
                ipCity[i] = world.nextInt(17); // offices in the US and Europe
            } else if (world.nextInt(100) < 10) {
                ips[i] = String.format(Locale.ROOT, "2a02:%x:%x:%x::%x", world.nextInt(0xffff), world.nextInt(0xffff),
                        world.nextInt(0xffff), 1 + world.nextInt(0xfff));
                ipCity[i] = world.nextInt(CITIES.length);
            } else {
                ips[i] = (11 + world.nextInt(180)) + "." + world.nextInt(256) + "." + world.nextInt(256) + "."
                        + (1 + world.nextInt(254));
                ipCity[i] = world.nextInt(CITIES.length);
            }
            ipAsn[i] = i < 60 ? 3598 : 1000 + world.nextInt(60000);
        }
        for (int i = 0; i < POLICIES.length; i++) {
            policyIds[i] = uuid(world);
        }
        int total = 0;
        for (Object[] e : ERRORS) {
            total += (Integer) e[1];
        }
        errorWeightTotal = total;
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2 || args.length > 4) {
            System.err.println("usage: SyntheticExport OUT.json[.gz] COUNT [SEED [PART]]");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        long count = Long.parseLong(args[1].replace("_", "").replace(",", ""));
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 42L;
        long part = args.length > 3 ? Long.parseLong(args[3]) : 0L;
        long t0 = System.nanoTime();
        new SyntheticExport(seed, part).write(out, count);
        double s = (System.nanoTime() - t0) / 1e9;
        long size = Files.size(out);
        System.out.printf(Locale.ROOT, "%s: %,d sign-ins, %,.1f MB, in %.1f s%n", out, count, size / 1e6, s);
    }

    void write(Path out, long count) throws IOException {
        boolean gz = out.getFileName().toString().endsWith(".gz");
        try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16);
                OutputStream os = gz ? new GZIPOutputStream(file, 1 << 16) {
                    {
                        def.setLevel(Deflater.BEST_SPEED);
                    }
                } : file;
                JsonGenerator g = new JsonFactory().createGenerator(os, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeStringField("@odata.context", "https://graph.microsoft.com/beta/$metadata#auditLogs/signIns");
            g.writeArrayFieldStart("value");
            double step = (double) WINDOW_MS / Math.max(1, count);
            for (long i = 0; i < count; i++) {
                long ms = END.toEpochMilli() - (long) (i * step) - rnd.nextInt((int) Math.max(1, Math.min(step, 1000)));
                record(g, Instant.ofEpochMilli(ms).truncatedTo(ChronoUnit.SECONDS));
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    private int pickUser() {
        // some users sign in far more often than others
        double r = rnd.nextDouble();
        return (int) (USERS * r * r * 0.6 + USERS * 0.4 * rnd.nextDouble());
    }

    private int pickApp() {
        int r = rnd.nextInt(appWeightsCumulative[APPS.length - 1]);
        for (int i = 0; i < APPS.length; i++) {
            if (r < appWeightsCumulative[i]) {
                return i;
            }
        }
        return 0;
    }

    private Object[] pickError() {
        int r = rnd.nextInt(errorWeightTotal);
        for (Object[] e : ERRORS) {
            r -= (Integer) e[1];
            if (r < 0) {
                return e;
            }
        }
        return ERRORS[0];
    }

    private void record(JsonGenerator g, Instant created) throws IOException {
        int u = pickUser();
        int a = pickApp();
        String clientApp = (String) APPS[a][1];
        boolean legacy = !clientApp.equals("Browser") && !clientApp.equals("Mobile Apps and Desktop clients");
        Object[] err = legacy && rnd.nextInt(100) < 40 ? ERRORS[5] : pickError();
        int code = (Integer) err[0];
        int ip = rnd.nextInt(100) < 92 ? userIps[u][rnd.nextInt(userIps[u].length)] : rnd.nextInt(IPS);
        int dev = rnd.nextInt(100) < 85 ? userDevice[u] : rnd.nextInt(DEVICES.length);
        boolean ownDevice = dev == userDevice[u] && !userDeviceIds[u].isEmpty();
        boolean interactive = code != 0 || rnd.nextInt(100) < 35;
        boolean mfa = code == 0 && interactive && rnd.nextInt(100) < 60 || code == 500121 || code == 50158;
        int risk = rnd.nextInt(1000);
        String riskLevel = risk < 960 ? "none" : risk < 985 ? "low" : risk < 995 ? "medium" : "high";
        String requestId = uuid(rnd);
        Object[] city = CITIES[ipCity[ip]];
        String resourceId;
        String resourceName;
        if (a < 8) {
            resourceId = resourceIds[a];
            resourceName = a == 1 ? "Office 365 Exchange Online" : a == 0 ? "Microsoft Teams Services"
                    : a == 4 ? "Office 365 SharePoint Online" : "Microsoft Graph";
        } else {
            resourceId = appIds[a];
            resourceName = (String) APPS[a][0];
        }

        g.writeStartObject();
        g.writeStringField("id", requestId);
        g.writeStringField("createdDateTime", created.toString());
        g.writeStringField("userDisplayName", names[u]);
        g.writeStringField("userPrincipalName", upns[u]);
        g.writeStringField("userId", userIds[u]);
        g.writeStringField("appId", appIds[a]);
        g.writeStringField("appDisplayName", (String) APPS[a][0]);
        g.writeStringField("ipAddress", ips[ip]);
        g.writeStringField("clientAppUsed", clientApp);
        g.writeStringField("userAgent", DEVICES[dev][2]);
        g.writeStringField("correlationId", uuid(rnd));
        String caStatus = code == 53003 || code == 530003 ? "failure" : rnd.nextInt(100) < 70 ? "success" : "notApplied";
        g.writeStringField("conditionalAccessStatus", caStatus);
        g.writeStringField("originalRequestId", requestId);
        g.writeBooleanField("isInteractive", interactive);
        g.writeStringField("tokenIssuerName", "");
        g.writeStringField("tokenIssuerType", "AzureAD");
        g.writeStringField("authenticationProtocol", legacy ? "none" : rnd.nextInt(100) < 92 ? "oAuth2" : "saml20");
        g.writeStringField("incomingTokenType", interactive ? "none" : rnd.nextBoolean() ? "primaryRefreshToken" : "none");
        g.writeNumberField("processingTimeInMilliseconds", 40 + rnd.nextInt(900));
        g.writeStringField("riskDetail", "none");
        g.writeStringField("riskLevelAggregated", riskLevel);
        g.writeStringField("riskLevelDuringSignIn", riskLevel);
        g.writeStringField("riskState", riskLevel.equals("none") ? "none" : "atRisk");
        g.writeArrayFieldStart("riskEventTypes_v2");
        if (!riskLevel.equals("none")) {
            g.writeString(risk % 2 == 0 ? "unfamiliarFeatures" : "anonymizedIPAddress");
        }
        g.writeEndArray();
        g.writeStringField("resourceDisplayName", resourceName);
        g.writeStringField("resourceId", resourceId);
        g.writeStringField("resourceTenantId", TENANT);
        g.writeStringField("homeTenantId", guest[u] ? "0b3c1a2d-7e8f-4a5b-9c6d-1e2f3a4b5c6d" : TENANT);
        g.writeStringField("homeTenantName", "");
        g.writeArrayFieldStart("authenticationMethodsUsed");
        if (mfa) {
            g.writeString("Password");
            g.writeString("Mobile app notification");
        }
        g.writeEndArray();
        g.writeStringField("authenticationRequirement", mfa || code == 50074 || code == 50076
                ? "multiFactorAuthentication" : "singleFactorAuthentication");
        g.writeStringField("signInIdentifier", upns[u]);
        g.writeArrayFieldStart("signInEventTypes");
        g.writeString(interactive ? "interactiveUser" : "nonInteractiveUser");
        g.writeEndArray();
        g.writeStringField("servicePrincipalId", "");
        g.writeStringField("userType", guest[u] ? "guest" : "member");
        g.writeBooleanField("flaggedForReview", rnd.nextInt(5000) == 0);
        g.writeBooleanField("isTenantRestricted", false);
        g.writeNumberField("autonomousSystemNumber", ipAsn[ip]);
        g.writeStringField("crossTenantAccessType", guest[u] ? "b2bCollaboration" : "none");
        g.writeStringField("uniqueTokenIdentifier", token(rnd));

        g.writeObjectFieldStart("status");
        g.writeNumberField("errorCode", code);
        g.writeStringField("failureReason", (String) err[2]);
        if (code != 0) {
            g.writeStringField("additionalDetails", code == 50126 ? "The user didn't enter the right credentials."
                    : "Follow the error code's troubleshooting steps.");
        }
        g.writeEndObject();

        g.writeObjectFieldStart("deviceDetail");
        g.writeStringField("deviceId", ownDevice ? userDeviceIds[u] : "");
        g.writeStringField("displayName", ownDevice ? userDeviceNames[u] : "");
        g.writeStringField("operatingSystem", DEVICES[dev][0]);
        g.writeStringField("browser", DEVICES[dev][1]);
        g.writeBooleanField("isCompliant", ownDevice && !DEVICES[dev][3].equals("Azure AD registered"));
        g.writeBooleanField("isManaged", ownDevice);
        g.writeStringField("trustType", ownDevice ? DEVICES[dev][3] : "");
        g.writeEndObject();

        g.writeObjectFieldStart("location");
        g.writeStringField("city", (String) city[0]);
        g.writeStringField("state", (String) city[1]);
        g.writeStringField("countryOrRegion", (String) city[2]);
        g.writeObjectFieldStart("geoCoordinates");
        g.writeNumberField("latitude", (Double) city[3]);
        g.writeNumberField("longitude", (Double) city[4]);
        g.writeEndObject();
        g.writeEndObject();

        policies(g, code, legacy);

        g.writeArrayFieldStart("authenticationProcessingDetails");
        if (interactive) {
            kv(g, "Is CAE Token", rnd.nextBoolean() ? "True" : "False");
        }
        if (rnd.nextInt(100) < 10) {
            kv(g, "Legacy TLS (TLS 1.0, 1.1, 3DES)", "False");
        }
        g.writeEndArray();

        g.writeArrayFieldStart("networkLocationDetails");
        if (ip < 60) {
            g.writeStartObject();
            g.writeStringField("networkType", "namedNetwork");
            g.writeArrayFieldStart("networkNames");
            g.writeString("Corporate egress");
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();

        steps(g, created, code, mfa);

        g.writeArrayFieldStart("authenticationRequirementPolicies");
        if (mfa || code == 50074 || code == 50076 || code == 53003) {
            g.writeStartObject();
            g.writeStringField("requirementProvider", rnd.nextInt(100) < 85 ? "multiConditionalAccess" : "user");
            g.writeStringField("detail", "Conditional Access");
            g.writeEndObject();
        }
        if (!riskLevel.equals("none") && rnd.nextBoolean()) {
            g.writeStartObject();
            g.writeStringField("requirementProvider", "riskBasedPolicy");
            g.writeStringField("detail", "Risk-based policy");
            g.writeEndObject();
        }
        g.writeEndArray();

        g.writeArrayFieldStart("sessionLifetimePolicies");
        if (rnd.nextInt(100) < 10) {
            g.writeStartObject();
            g.writeStringField("expirationRequirement", "signInFrequencyPeriodicReauthentication");
            g.writeStringField("detail", "Sign-in frequency periodic reauthentication");
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private void policies(JsonGenerator g, int code, boolean legacy) throws IOException {
        g.writeArrayFieldStart("appliedConditionalAccessPolicies");
        int w = rnd.nextInt(100); // 0–5 policies, 1.2 on average
        int n = w < 35 ? 0 : w < 65 ? 1 : w < 82 ? 2 : w < 92 ? 3 : w < 97 ? 4 : 5;
        if (code == 53003 && n == 0) {
            n = 1;
        }
        int first = rnd.nextInt(POLICIES.length);
        for (int k = 0; k < n; k++) {
            int p = (first + k * 5) % POLICIES.length;
            if (code == 53003 && k == 0) {
                p = legacy ? 1 : 4;
            }
            String result;
            if (k == 0 && code == 53003) {
                result = "failure";
            } else if (p == 11) {
                result = rnd.nextBoolean() ? "reportOnlyNotApplied" : "reportOnlySuccess";
            } else {
                int r = rnd.nextInt(100);
                result = r < 45 ? "notApplied" : r < 90 ? "success" : "notEnabled";
            }
            boolean applied = !result.contains("otApplied") && !result.equals("notEnabled");
            g.writeStartObject();
            g.writeStringField("id", policyIds[p]);
            g.writeStringField("displayName", POLICIES[p][0]);
            g.writeArrayFieldStart("enforcedGrantControls");
            if (applied) {
                for (String c : POLICIES[p][1].split(",")) {
                    if (!c.isEmpty()) {
                        g.writeString(c);
                    }
                }
            }
            g.writeEndArray();
            g.writeArrayFieldStart("enforcedSessionControls");
            if (applied && !POLICIES[p][2].isEmpty()) {
                g.writeString(POLICIES[p][2]);
            }
            g.writeEndArray();
            g.writeStringField("result", result);
            if (applied || result.equals("failure")) {
                g.writeStringField("conditionsSatisfied", "application,users"
                        + (p == 1 || p == 5 ? "," + CONDITIONS[p == 1 ? 4 : 3] : ""));
                g.writeStringField("conditionsNotSatisfied", "none");
            } else if (result.equals("notEnabled")) {
                g.writeStringField("conditionsSatisfied", "none");
                g.writeStringField("conditionsNotSatisfied", "none");
            } else {
                g.writeStringField("conditionsSatisfied", "application");
                g.writeStringField("conditionsNotSatisfied", CONDITIONS[1 + rnd.nextInt(CONDITIONS.length - 1)]);
            }
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private void steps(JsonGenerator g, Instant created, int code, boolean mfa) throws IOException {
        g.writeArrayFieldStart("authenticationDetails");
        boolean badPassword = code == 50126 || code == 50053 || code == 50055;
        boolean sso = !badPassword && rnd.nextInt(100) < 40;
        step(g, created, sso ? "Previously satisfied" : "Password",
                sso ? "" : rnd.nextInt(100) < 80 ? "Password Hash Sync" : "Password in the cloud",
                !badPassword, sso ? "First factor requirement satisfied by claim in the token"
                        : badPassword ? "Invalid username or password or Invalid on-premise username or password."
                                : "Correct password", "Primary authentication");
        if (mfa || code == 50074 || code == 50076) {
            boolean failed = code == 500121;
            boolean claim = !failed && rnd.nextInt(100) < 50;
            step(g, created.plusSeconds(3 + rnd.nextInt(20)), claim ? "Previously satisfied" : "Mobile app notification",
                    "", code == 0, claim ? "MFA requirement satisfied by claim in the token"
                            : failed ? "MFA denied; user declined the authentication"
                                    : code == 0 ? "MFA successfully completed" : "MFA required in Azure AD",
                    "Multifactor authentication");
            if (code == 0 && rnd.nextInt(100) < 8) {
                step(g, created.plusSeconds(25), "Windows Hello for Business", "", true,
                        "Satisfied by Windows Hello for Business", "Multifactor authentication");
            }
        }
        g.writeEndArray();
    }

    private static void step(JsonGenerator g, Instant when, String method, String detail, boolean ok, String result,
            String requirement) throws IOException {
        g.writeStartObject();
        g.writeStringField("authenticationStepDateTime", when.toString());
        g.writeStringField("authenticationMethod", method);
        g.writeStringField("authenticationMethodDetail", detail);
        g.writeBooleanField("succeeded", ok);
        g.writeStringField("authenticationStepResultDetail", result);
        g.writeStringField("authenticationStepRequirement", requirement);
        g.writeEndObject();
    }

    private static void kv(JsonGenerator g, String key, String value) throws IOException {
        g.writeStartObject();
        g.writeStringField("key", key);
        g.writeStringField("value", value);
        g.writeEndObject();
    }

    static String uuid(SplittableRandom r) {
        return new UUID(r.nextLong() & 0xffffffffffff0fffL | 0x4000L, r.nextLong() & 0x3fffffffffffffffL
                | 0x8000000000000000L).toString();
    }

    private static final char[] B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".toCharArray();

    static String token(SplittableRandom r) {
        char[] c = new char[22];
        for (int i = 0; i < c.length; i++) {
            c[i] = B64[r.nextInt(64)];
        }
        return new String(c);
    }
}
