package io.signdx.console.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.signdx.api.engine.AuditLog;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Console users in {@code data/users.json}, passwords hashed with Argon2id. On the first start the
 * file is created with one {@code admin} whose password comes from {@code SIGNDX_ADMIN_PASSWORD},
 * from the file named by {@code SIGNDX_ADMIN_PASSWORD_FILE}, or is generated and printed once on the
 * terminal (never written to the log).
 */
@Component(service = UserStore.class)
public final class UserStore {
    static final String ENV_PASSWORD = "SIGNDX_ADMIN_PASSWORD";
    static final String ENV_PASSWORD_FILE = "SIGNDX_ADMIN_PASSWORD_FILE";
    private static final Logger LOG = LoggerFactory.getLogger(UserStore.class);
    /** A verified password is remembered (as a SHA-256 of user and password) so scripts do not pay Argon2 per call. */
    private static final long CACHE_NANOS = 60_000_000_000L;

    record User(String name, Role role, String hash) {
    }

    private final ObjectMapper json = new ObjectMapper();
    private final PasswordHasher hasher = new PasswordHasher();
    private final Path file;
    private final Map<String, User> users = new ConcurrentHashMap<>();
    private final Map<String, Long> verified = new ConcurrentHashMap<>();

    @Activate
    public UserStore(BundleContext context, @Reference AuditLog audit) {
        this(homeData(context).resolve("users.json"), System.getenv(), audit);
    }

    UserStore(Path file, Map<String, String> env, AuditLog audit) {
        this.file = file;
        try {
            if (Files.exists(file)) {
                load();
            } else {
                createAdmin(env);
                audit.record("system", "user.create", "admin", "first start");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the user file " + file + ": " + e.getMessage(), e);
        }
    }

    private static Path homeData(BundleContext context) {
        String home = context.getProperty("signdx.home");
        return Path.of(home == null ? "." : home).toAbsolutePath().resolve("data");
    }

    /** The user's role when the password is right; empty otherwise. */
    Optional<Role> authenticate(String name, char[] password) {
        User user = users.get(name);
        if (user == null) {
            // Spend the same time as a real check so that user names cannot be probed by timing.
            hasher.verify(password, "$argon2id$v=19$m=19456,t=2,p=1$AAAAAAAAAAAAAAAAAAAAAA$"
                    + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
            return Optional.empty();
        }
        String key = fingerprint(name, password, user.hash());
        Long until = verified.get(key);
        if (until != null && until - System.nanoTime() > 0) {
            return Optional.of(user.role());
        }
        if (!hasher.verify(password, user.hash())) {
            return Optional.empty();
        }
        verified.put(key, System.nanoTime() + CACHE_NANOS);
        return Optional.of(user.role());
    }

    private void createAdmin(Map<String, String> env) throws IOException {
        String password = env.get(ENV_PASSWORD);
        boolean generated = false;
        if ((password == null || password.isEmpty()) && env.get(ENV_PASSWORD_FILE) != null) {
            password = Files.readString(Path.of(env.get(ENV_PASSWORD_FILE)), StandardCharsets.UTF_8).strip();
        }
        if (password == null || password.isEmpty()) {
            byte[] bytes = new byte[18];
            new SecureRandom().nextBytes(bytes);
            password = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            generated = true;
        }
        users.put("admin", new User("admin", Role.ADMIN, hasher.hash(password.toCharArray())));
        save();
        if (generated) {
            // Deliberately the terminal, not the log: the password is shown once and stored only hashed.
            System.out.println("SignDx created the console user 'admin' with the password: " + password);
            System.out.println("It is shown only now. Set " + ENV_PASSWORD + " before the first start to choose it.");
        }
        LOG.info("created the console user 'admin' in {}", file);
    }

    private void load() throws IOException {
        JsonNode root = json.readTree(file.toFile());
        for (JsonNode u : root.path("users")) {
            try {
                User user = new User(u.path("name").asText(), Role.parse(u.path("role").asText()),
                        u.path("hash").asText());
                users.put(user.name(), user);
            } catch (IllegalArgumentException e) {
                LOG.warn("ignoring a user entry with an unknown role in {}", file);
            }
        }
    }

    private void save() throws IOException {
        ObjectNode root = json.createObjectNode();
        ArrayNode list = root.putArray("users");
        for (User u : new ArrayList<>(users.values())) {
            list.addObject().put("name", u.name()).put("role", u.role().name().toLowerCase(java.util.Locale.ROOT))
                    .put("hash", u.hash());
        }
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), "users", ".tmp");
        try {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: keep the default permissions
        }
        Files.writeString(tmp, json.writerWithDefaultPrettyPrinter().writeValueAsString(root), StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static String fingerprint(String name, char[] password, String hash) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((name + "\0" + new String(password) + "\0" + hash).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
