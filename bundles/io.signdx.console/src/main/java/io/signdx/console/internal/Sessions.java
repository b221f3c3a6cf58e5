package io.signdx.console.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Browser sessions, kept in memory only: a restart logs everybody out. A session id is 256 random bits
 * sent as an HttpOnly cookie; the map holds only its SHA-256, so the ids themselves are nowhere but in
 * the browsers. A session ends after an idle time, at logout, when its user is deleted or changes role,
 * and, beyond the maximum count, the least recently used one ends first.
 */
@Component(service = Sessions.class, configurationPid = ConsoleConfig.PID)
@Designate(ocd = ConsoleConfig.class)
public final class Sessions {

    /** One session; {@code lastUsed} moves with every request. */
    static final class Session {
        private final String key;
        private final String user;
        private final Role role;
        private final String csrfToken;
        private volatile long lastUsed;

        Session(String key, String user, Role role, String csrfToken, long now) {
            this.key = key;
            this.user = user;
            this.role = role;
            this.csrfToken = csrfToken;
            this.lastUsed = now;
        }

        String user() {
            return user;
        }

        Role role() {
            return role;
        }

        String csrfToken() {
            return csrfToken;
        }
    }

    /** A new session with the cookie value that identifies it; the value is not kept. */
    record Opened(String id, Session session) {
    }

    private final Map<String, Session> byKey = new ConcurrentHashMap<>();
    private final Secrets secrets = new Secrets();
    private final long idleMillis;
    private final int max;
    private final LongSupplier clock;

    @Activate
    public Sessions(ConsoleConfig config) {
        this(config.sessionIdleMinutes() * 60_000L, config.maxSessions(), System::currentTimeMillis);
    }

    Sessions(long idleMillis, int max, LongSupplier clock) {
        this.idleMillis = Math.max(60_000L, idleMillis);
        this.max = Math.max(1, max);
        this.clock = clock;
    }

    /** Opens a session for a user who just proved who they are. */
    Opened open(String user, Role role) {
        String id = secrets.random(32);
        String key = Secrets.sha256(id);
        long now = clock.getAsLong();
        Session s = new Session(key, user, role, secrets.random(32), now);
        synchronized (this) {
            sweep(now);
            while (byKey.size() >= max) {
                byKey.values().stream().min(Comparator.comparingLong(x -> x.lastUsed))
                        .ifPresent(oldest -> byKey.remove(oldest.key));
            }
            byKey.put(key, s);
        }
        return new Opened(id, s);
    }

    /** The live session with this cookie value, marked as used now; empty when unknown or expired. */
    Optional<Session> use(String id) {
        if (id == null || id.isEmpty() || id.length() > 100) {
            return Optional.empty();
        }
        Session s = byKey.get(Secrets.sha256(id));
        if (s == null) {
            return Optional.empty();
        }
        long now = clock.getAsLong();
        if (now - s.lastUsed > idleMillis) {
            byKey.remove(s.key);
            return Optional.empty();
        }
        s.lastUsed = now;
        return Optional.of(s);
    }

    void close(Session s) {
        byKey.remove(s.key);
    }

    /** Ends every session of a user (deleted, or given another role or password). */
    int closeAll(String user) {
        List<Session> theirs = byKey.values().stream().filter(s -> s.user.equals(user)).toList();
        theirs.forEach(this::close);
        return theirs.size();
    }

    int size() {
        return byKey.size();
    }

    private void sweep(long now) {
        byKey.values().removeIf(s -> now - s.lastUsed > idleMillis);
    }
}
