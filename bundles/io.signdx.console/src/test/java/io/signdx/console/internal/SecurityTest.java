package io.signdx.console.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.signdx.api.engine.AuditEntry;
import io.signdx.api.engine.AuditLog;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecurityTest {
    @TempDir
    Path dir;

    private final List<String> audited = new ArrayList<>();
    private final AuditLog audit = new AuditLog() {
        @Override
        public void record(String actor, String action, String target, String detail) {
            audited.add(actor + " " + action + " " + target);
        }

        @Override
        public List<AuditEntry> recent(int max) {
            return List.of();
        }
    };

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
        String stored = Files.readString(file);
        assertFalse(stored.contains("s3cret-Pass"), "no plain password on disk");
        assertEquals(List.of("system user.create admin"), audited);

        UserStore again = new UserStore(file, Map.of(UserStore.ENV_PASSWORD, "another"), audit);
        assertEquals(Optional.of(Role.ADMIN), again.authenticate("admin", "s3cret-Pass".toCharArray()),
                "an existing user file is kept; the variable only seeds the first start");
    }

    @Test
    void thePasswordMayComeFromAFile() throws Exception {
        Path secret = dir.resolve("admin.pw");
        Files.writeString(secret, "from-a-file\n");
        UserStore store = new UserStore(dir.resolve("users.json"), Map.of(UserStore.ENV_PASSWORD_FILE, secret.toString()),
                audit);
        assertTrue(store.authenticate("admin", "from-a-file".toCharArray()).isPresent());
    }

    @Test
    void basicHeadersAreParsedStrictly() {
        String token = Base64.getEncoder().encodeToString("admin:pa:ss".getBytes(StandardCharsets.UTF_8));
        assertArrayEquals(new String[] {"admin", "pa:ss"}, AuthFilter.basic("Basic " + token).orElseThrow());
        assertTrue(AuthFilter.basic("Bearer abc").isEmpty());
        assertTrue(AuthFilter.basic("Basic %%%").isEmpty());
        assertTrue(AuthFilter.basic(null).isEmpty());
        assertTrue(AuthFilter.basic("Basic " + Base64.getEncoder().encodeToString("nocolon".getBytes())).isEmpty());
    }

    @Test
    void rolesIncludeTheLowerOnes() {
        assertTrue(Role.ADMIN.includes(Role.OPERATOR));
        assertTrue(Role.OPERATOR.includes(Role.READER));
        assertFalse(Role.READER.includes(Role.OPERATOR));
        assertEquals(Role.OPERATOR, Role.parse(" operator "));
    }
}
