package io.signdx.scenario.credentials.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.signdx.api.model.DeviceDetail;
import io.signdx.api.model.Location;
import io.signdx.api.model.SignIn;
import io.signdx.api.model.Status;
import io.signdx.testkit.SignIns;

/**
 * Sign-in bursts shaped like the demo tenant's (typos, a phone with a stale password, a spray, a brute
 * force ending in lockouts, a malicious-IP block) and their near misses, built here so the tests do not
 * depend on the demo bundle.
 */
final class Bursts {
    static final Instant T0 = SignIns.START;
    static final String WRONG = "Error validating credentials due to invalid username or password.";
    static final String LOCKED = "Account is locked because user tried to sign in too many times with an incorrect "
            + "user ID or password.";
    static final String MALICIOUS = "Sign-in was blocked because it came from an IP address with malicious activity";
    static final DeviceDetail LAPTOP = new DeviceDetail("d-0001", "ANN-LT", "Windows 11", "Edge 131.0.0", true, true,
            "Azure AD joined");
    static final DeviceDetail IPHONE = new DeviceDetail(null, null, "iOS 17", null, null, null, null);
    static final DeviceDetail LINUX = new DeviceDetail(null, null, "Linux", null, null, null, null);

    private final SignIns fx = new SignIns();
    final List<SignIn> all = new ArrayList<>();

    SignIn fail(String upn, int code, String reason, Instant at, String ip, DeviceDetail device) {
        SignIn s = fx.startingAt(at).failure(upn, code).status(new Status(code, reason, null)).ipAddress(ip)
                .deviceDetail(device).build();
        all.add(s);
        return s;
    }

    SignIn ok(String upn, Instant at, String ip, DeviceDetail device) {
        SignIn s = fx.startingAt(at).success(upn).ipAddress(ip).deviceDetail(device).build();
        all.add(s);
        return s;
    }

    SignIn add(SignIn s) {
        all.add(s);
        return s;
    }

    /** Like the demo's typos(): one or two wrong passwords 20 s apart, then success 15 s later, same laptop. */
    List<SignIn> typo(String upn, Instant at, String ip, int misses) {
        List<SignIn> failures = new ArrayList<>();
        for (int m = 0; m < misses; m++) {
            failures.add(fail(upn, 50126, WRONG, at.plusSeconds(m * 20L), ip, LAPTOP));
        }
        ok(upn, at.plusSeconds(misses * 20L + 15), ip, LAPTOP);
        return failures;
    }

    /**
     * Like the demo's staleCredential(): a phone's mail app (Exchange ActiveSync) failing every 30 minutes
     * from changing home addresses, while the user works normally from the laptop.
     */
    List<SignIn> stale(String upn, Instant at, int attempts) {
        List<SignIn> failures = new ArrayList<>();
        for (int i = 0; i < attempts; i++) {
            Instant when = at.plus(Duration.ofMinutes(30L * i));
            failures.add(add(fx.startingAt(when).failure(upn, 50126).status(new Status(50126, WRONG, null))
                    .ipAddress("198.51.100." + (1 + (i * 7) % 30)).deviceDetail(IPHONE)
                    .clientAppUsed("Exchange ActiveSync").isInteractive(false).userAgent("Apple-iPhone15C2/2105.258")
                    .build()));
            if (i % 6 == 3) {
                ok(upn, when.plus(Duration.ofMinutes(7)), "203.0.113.30", LAPTOP);
            }
        }
        return failures;
    }

    /** Like the demo's spray(): one address, one attempt per account every 17 s; the accounts work elsewhere. */
    List<SignIn> spray(String ip, Instant at, int accounts) {
        List<SignIn> failures = new ArrayList<>();
        for (int i = 0; i < accounts; i++) {
            String upn = "user" + i + "@contoso.example";
            failures.add(add(fx.startingAt(at.plusSeconds(i * 17L)).failure(upn, 50126)
                    .status(new Status(50126, WRONG, null)).ipAddress(ip).deviceDetail(DeviceDetail.UNKNOWN)
                    .clientAppUsed("Other clients").authenticationProtocol("ropc").userAgent("python-requests/2.31")
                    .location(new Location(null, null, "NL", null, null)).appDisplayName("Outlook Mobile")
                    .appId("27922004-5251-4030-b22d-91ecd9a37ea4").build()));
            ok(upn, at.minus(Duration.ofHours(3)).plusSeconds(i * 60L), "203.0.113.40", LAPTOP);
        }
        return failures;
    }

    /**
     * Like the demo's bruteForceAndLockouts(): 36 attempts 40 s apart from 12 addresses, the last 10 refused
     * by smart lockout.
     */
    List<SignIn> bruteForce(String upn, Instant at) {
        List<SignIn> attempts = new ArrayList<>();
        for (int i = 0; i < 36; i++) {
            boolean locked = i >= 26;
            attempts.add(add(fx.startingAt(at.plusSeconds(i * 40L)).failure(upn, locked ? 50053 : 50126)
                    .status(new Status(locked ? 50053 : 50126, locked ? LOCKED : WRONG, null))
                    .ipAddress("192.0.2." + (100 + i % 12)).deviceDetail(LINUX).appDisplayName("My Apps")
                    .appId("2793995e-0a7d-40d7-bd35-6968ba142197").clientAppUsed("Mobile Apps and Desktop clients")
                    .build()));
        }
        return attempts;
    }

    /** Like the demo's lockouts of people: three wrong passwords 30 s apart, then the lockout. */
    List<SignIn> forgotten(String upn, Instant at, String ip) {
        List<SignIn> attempts = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            attempts.add(fail(upn, k < 3 ? 50126 : 50053, k < 3 ? WRONG : LOCKED, at.plusSeconds(k * 30L), ip, LAPTOP));
        }
        return attempts;
    }
}
