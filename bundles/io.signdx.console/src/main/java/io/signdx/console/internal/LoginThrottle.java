package io.signdx.console.internal;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * Slows password guessing down, per user name and per client address: after a few failures every
 * further attempt must wait, the wait doubling with each failure up to a maximum. A success clears the
 * user's count (not the address's: one known password must not reset the guessing of others). Counts
 * are forgotten an hour after the last failure, and the table is bounded so that a flood of invented
 * names cannot fill the memory.
 */
@Component(service = LoginThrottle.class, configurationPid = ConsoleConfig.PID)
public final class LoginThrottle {
    static final long FORGET_MILLIS = 3_600_000L;
    static final int MAX_ENTRIES = 10_000;

    private record Entry(int failures, long lastFailure, long blockedUntil) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final int allowed;
    private final long maxDelayMillis;
    private final LongSupplier clock;

    @Activate
    public LoginThrottle(ConsoleConfig config) {
        this(config.loginFailuresAllowed(), config.loginMaxDelaySeconds() * 1000L, System::currentTimeMillis);
    }

    LoginThrottle(int allowed, long maxDelayMillis, LongSupplier clock) {
        this.allowed = Math.max(1, allowed);
        this.maxDelayMillis = Math.max(1000L, maxDelayMillis);
        this.clock = clock;
    }

    /** Milliseconds the caller must still wait before trying this user from this address; 0 when free. */
    long waitMillis(String user, String address) {
        long now = clock.getAsLong();
        return Math.max(remaining(userKey(user), now), remaining(addressKey(address), now));
    }

    void failed(String user, String address) {
        long now = clock.getAsLong();
        if (entries.size() >= MAX_ENTRIES) {
            entries.values().removeIf(e -> now - e.lastFailure > FORGET_MILLIS);
            if (entries.size() >= MAX_ENTRIES) {
                // still full of recent failures: keep the addresses, which bound an attacker best
                entries.keySet().removeIf(k -> k.startsWith("u:"));
            }
        }
        if (user != null) {
            entries.compute(userKey(user), (k, e) -> next(e, now));
        }
        entries.compute(addressKey(address), (k, e) -> next(e, now));
    }

    void succeeded(String user) {
        entries.remove(userKey(user));
    }

    private Entry next(Entry e, long now) {
        int failures = e == null || now - e.lastFailure > FORGET_MILLIS ? 1 : e.failures + 1;
        long delay = 0;
        if (failures >= allowed) {
            int doublings = Math.min(30, failures - allowed);
            delay = Math.min(maxDelayMillis, 1000L << doublings);
        }
        return new Entry(failures, now, now + delay);
    }

    private long remaining(String key, long now) {
        Entry e = entries.get(key);
        if (e == null) {
            return 0;
        }
        if (now - e.lastFailure > FORGET_MILLIS) {
            entries.remove(key, e);
            return 0;
        }
        return Math.max(0, e.blockedUntil - now);
    }

    private static String userKey(String user) {
        return "u:" + (user == null ? "" : user.toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "a:" + address;
    }
}
