package io.signdx.console.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The security pieces on their own: password hashes, users, sessions, API tokens, throttling. */
class SecurityTest {
    @TempDir
    Path dir;

    private final Fakes.Audit audit = new Fakes.Audit();

    @Test
    void argon2idHashesVerifyAndAreSalted() {
        PasswordHasher h = new PasswordHasher();
        String a = h.hash("correct horse".toCharArray());
        assertTrue(a.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), a);
        assertNotEquals(a, h.hash("correct horse".toCharArray()), "a fresh salt every time");
        assertTrue(h.verify("correct horse".toCharArray(), a));
        assertFalse(h.verify("correct horsE".toCharArray(), a));
        assertFalse(h.verify("x".toCharArray(), "$argon2i$v=19$m=1,t=1,p=1$AA$AA"));
        assertFalse(h.verify("x".toCharArray(), "garbage"));
    }

    @Test
    void theFirstStartCreatesAnAdminFromTheEnvironmentStoredOnlyHashed() throws Exception {
        Path file = dir.resolve("data/users.json");
        UserStore store = new UserStore(file, Map.of(UserStore.ENV_PASSWORD, "s3cret-Pass"), audit);
        assertEquals(Optional.of(Role.ADMIN), store.authenticate("admin", "s3cret-Pass".toCharArray()));
        assertEquals(Optional.empty(), store.authenticate("admin", "wrong".toCharArray()));
        assertEquals(Optional.empty(), store.authenticate("root", "s3cret-Pass".toCharArray()));
        assertFalse(Files.readString(file).contains("s3cret-Pass"), "no plain password on disk");
        assertEquals(List.of("system user.create admin"), audit.actions());

        UserStore again = new UserStore(file, Map.of(UserStore.ENV_PASSWORD, "another"), audit);
        assertEquals(Optional.of(Role.ADMIN), again.authenticate("admin", "s3cret-Pass".toCharArray()),
                "an existing user file is kept; the variable only seeds the first start");
    }

    @Test
    void thePasswordMayComeFromAFile() throws Exception {
        Path secret = dir.resolve("admin.pw");
        Files.writeString(secret, "from-a-file\n");
        UserStore store = new UserStore(dir.resolve("users.json"),
                Map.of(UserStore.ENV_PASSWORD_FILE, secret.toString()), audit);
        assertTrue(store.authenticate("admin", "from-a-file".toCharArray()).isPresent());
    }

    @Test
    void usersAreCreatedChangedAndDeletedButTheLastAdminStays() throws Exception {
        Path file = dir.resolve("users.json");
        UserStore store = new UserStore(file, Map.of(UserStore.ENV_PASSWORD, "admin-Pass-1234"), audit);
        store.create("alice", Role.READER, "alice-Pass-1234".toCharArray());
        assertEquals(Optional.of(Role.READER), store.authenticate("alice", "alice-Pass-1234".toCharArray()));
        assertThrows(IllegalStateException.class, () -> store.create("alice", Role.ADMIN, "x-long-enough-1".toCharArray()));
        assertThrows(IllegalArgumentException.class, () -> store.create("bob", Role.READER, "short".toCharArray()),
                "a password of fewer than 12 characters");
        assertThrows(IllegalArgumentException.class, () -> store.create("../etc", Role.READER,
                "long-enough-pass".toCharArray()));
        store.update("alice", Role.OPERATOR, "alice-New-Pass-1".toCharArray());
        assertEquals(Optional.empty(), store.authenticate("alice", "alice-Pass-1234".toCharArray()),
                "the old password no longer works (not even from the cache of verified passwords)");
        assertEquals(Optional.of(Role.OPERATOR), store.authenticate("alice", "alice-New-Pass-1".toCharArray()));
        assertThrows(IllegalStateException.class, () -> store.delete("admin"));
        assertThrows(IllegalStateException.class, () -> store.update("admin", Role.READER, null));
        assertThrows(NoSuchElementException.class, () -> store.delete("nobody"));
        store.delete("alice");
        assertEquals(Optional.empty(), store.role("alice"));
        assertFalse(Files.readString(file).contains("alice"));
        assertEquals(List.of("admin"), new UserStore(file, Map.of(), audit).list().stream().map(UserStore.User::name)
                .toList(), "changes are persisted");
    }

    @Test
    void sessionsExpireWhenIdleAndAreBounded() {
        AtomicLong now = new AtomicLong(0);
        Sessions sessions = new Sessions(60 * 60_000L, 3, now::get);
        Sessions.Opened a = sessions.open("alice", Role.READER);
        assertEquals(43, a.id().length(), "256 random bits, Base64 URL-safe");
        assertNotEquals(a.id(), a.session().csrfToken());
        now.addAndGet(59 * 60_000L);
        assertTrue(sessions.use(a.id()).isPresent(), "used within the idle time: still there, and the idle time restarts");
        now.addAndGet(59 * 60_000L);
        assertTrue(sessions.use(a.id()).isPresent());
        now.addAndGet(60 * 60_000L + 1);
        assertTrue(sessions.use(a.id()).isEmpty(), "idle for longer than the idle time: gone");
        assertTrue(sessions.use(a.id()).isEmpty());

        Sessions.Opened b = sessions.open("bob", Role.ADMIN);
        now.addAndGet(1);
        Sessions.Opened c = sessions.open("carl", Role.ADMIN);
        now.addAndGet(1);
        sessions.use(b.id());
        Sessions.Opened d = sessions.open("dora", Role.ADMIN);
        now.addAndGet(1);
        Sessions.Opened e = sessions.open("emil", Role.ADMIN);
        assertEquals(3, sessions.size(), "bounded");
        assertTrue(sessions.use(c.id()).isEmpty(), "the least recently used went first");
        assertTrue(sessions.use(b.id()).isPresent());
        now.addAndGet(1);
        assertTrue(sessions.use(d.id()).isPresent());
        now.addAndGet(1);
        assertTrue(sessions.use(e.id()).isPresent());
        assertTrue(sessions.use("not-a-session").isEmpty());
        assertTrue(sessions.use(null).isEmpty());

        sessions.open("emil", Role.ADMIN); // evicts bob's, the least recently used
        assertTrue(sessions.use(b.id()).isEmpty());
        assertEquals(2, sessions.closeAll("emil"));
        assertTrue(sessions.use(e.id()).isEmpty());
    }

    @Test
    void apiTokensAreStoredHashedShownOnceExpireAndAreRevocable() throws Exception {
        Path file = dir.resolve("tokens.json");
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-20T10:00:00Z"));
        ApiTokens tokens = new ApiTokens(file, now::get);
        ApiTokens.Created c = tokens.create("deploy bot", Role.OPERATOR, 30, "admin");
        assertTrue(c.secret().startsWith("sdx_" + c.token().id() + "_"), c.secret());
        String stored = Files.readString(file);
        assertFalse(stored.contains(c.secret()), "the token is never written");
        // the random part may itself hold '_' (URL-safe alphabet): cut after the known prefix, not at the last '_'
        String secretPart = c.secret().substring(("sdx_" + c.token().id() + "_").length());
        assertTrue(secretPart.length() >= 20, secretPart);
        assertFalse(stored.contains(secretPart), "nor its secret part");
        assertTrue(stored.contains(Secrets.sha256(c.secret())), "only its SHA-256");
        assertEquals(Optional.of(Role.OPERATOR), tokens.verify(c.secret()).map(ApiTokens.Token::role));

        String tampered = c.secret().substring(0, c.secret().length() - 1)
                + (c.secret().endsWith("A") ? "B" : "A");
        assertTrue(tokens.verify(tampered).isEmpty(), "the right id with a wrong secret");
        assertTrue(tokens.verify("sdx_nope_x").isEmpty());
        assertTrue(tokens.verify("Bearer-garbage").isEmpty());
        assertTrue(tokens.verify(null).isEmpty());

        ApiTokens reloaded = new ApiTokens(file, now::get);
        assertTrue(reloaded.verify(c.secret()).isPresent(), "tokens survive a restart");
        now.set(now.get().plusSeconds(30L * 24 * 3600));
        assertTrue(reloaded.verify(c.secret()).isEmpty(), "expired after its lifetime");

        ApiTokens.Created forever = tokens.create("ci", Role.READER, 0, "admin");
        assertNull(forever.token().expires());
        assertTrue(tokens.verify(forever.secret()).isPresent());
        assertTrue(tokens.delete(forever.token().id()));
        assertTrue(tokens.verify(forever.secret()).isEmpty(), "deleted: refused at once");
        assertFalse(tokens.delete(forever.token().id()));
        assertThrows(IllegalArgumentException.class, () -> tokens.create("<script>", Role.READER, 1, "admin"));
        assertThrows(IllegalArgumentException.class, () -> tokens.create("x", Role.READER, -1, "admin"));
    }

    @Test
    void failedLoginsSlowDownPerUserAndPerAddress() {
        AtomicLong now = new AtomicLong(0);
        LoginThrottle t = new LoginThrottle(3, 60_000, now::get);
        for (int i = 0; i < 2; i++) {
            t.failed("alice", "10.0.0.1");
            assertEquals(0, t.waitMillis("alice", "10.0.0.1"), "the first failures cost nothing");
        }
        t.failed("alice", "10.0.0.1");
        assertEquals(1000, t.waitMillis("alice", "10.0.0.1"));
        assertEquals(1000, t.waitMillis("alice", "10.0.0.2"), "per user, from any address");
        assertEquals(1000, t.waitMillis("bob", "10.0.0.1"), "per address, for any user");
        assertEquals(0, t.waitMillis("bob", "10.0.0.2"));
        t.failed("alice", "10.0.0.1");
        assertEquals(2000, t.waitMillis("alice", "10.0.0.9"), "each further failure doubles the wait");
        for (int i = 0; i < 20; i++) {
            t.failed("alice", "10.0.0.1");
        }
        assertEquals(60_000, t.waitMillis("alice", "10.0.0.9"), "up to the maximum");
        now.addAndGet(60_000);
        assertEquals(0, t.waitMillis("alice", "10.0.0.9"));
        t.succeeded("alice");
        assertEquals(0, t.waitMillis("alice", "10.0.0.9"), "a success clears the user's count");
        now.addAndGet(-59_000);
        assertTrue(t.waitMillis("carl", "10.0.0.1") > 0, "but not the address's");
        now.addAndGet(LoginThrottle.FORGET_MILLIS + 60_000);
        assertEquals(0, t.waitMillis("carl", "10.0.0.1"), "forgotten an hour after the last failure");
    }

    @Test
    void basicAndBearerHeadersAreParsedStrictly() {
        String token = Base64.getEncoder().encodeToString("admin:pa:ss".getBytes(StandardCharsets.UTF_8));
        assertArrayEquals(new String[] {"admin", "pa:ss"}, AuthFilter.basic("Basic " + token).orElseThrow());
        assertTrue(AuthFilter.basic("Bearer abc").isEmpty());
        assertTrue(AuthFilter.basic("Basic %%%").isEmpty());
        assertTrue(AuthFilter.basic(null).isEmpty());
        assertTrue(AuthFilter.basic("Basic " + Base64.getEncoder().encodeToString("nocolon".getBytes())).isEmpty());
        assertEquals("sdx_a_b", AuthFilter.bearer("Bearer sdx_a_b"));
        assertNull(AuthFilter.bearer("Bearer "));
        assertNull(AuthFilter.bearer("Basic x"));
    }

    @Test
    void rolesIncludeTheLowerOnes() {
        assertTrue(Role.ADMIN.includes(Role.OPERATOR));
        assertTrue(Role.OPERATOR.includes(Role.READER));
        assertFalse(Role.READER.includes(Role.OPERATOR));
        assertEquals(Role.OPERATOR, Role.parse(" operator "));
        assertThrows(IllegalArgumentException.class, () -> Role.parse("root"));
        assertThrows(IllegalArgumentException.class, () -> Role.parse(null));
    }

    @Test
    void uploadedFileNamesCannotLeaveTheirFolder() {
        assertEquals("passwd", Uploads.sanitise("../../etc/passwd"));
        assertEquals("evil.jar", Uploads.sanitise("C:\\temp\\evil.jar"));
        assertEquals("bashrc", Uploads.sanitise(".bashrc"));
        assertEquals("upload", Uploads.sanitise(""));
        assertEquals("upload", Uploads.sanitise(null));
        assertEquals("a_b_.json", Uploads.sanitise("a<b>.json"));
    }
}
