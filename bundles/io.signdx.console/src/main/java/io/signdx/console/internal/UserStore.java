package io.signdx.console.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
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
    static final int MIN_PASSWORD = 12;
    static final int MAX_PASSWORD = 1024;
    static final int MAX_USERS = 1000;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");
    private static final Logger LOG = LoggerFactory.getLogger(UserStore.class);
    /** A verified password is remembered (as a SHA-256 of user and password) so scripts do not pay Argon2 per call. */
    private static final long CACHE_NANOS = 60_000_000_000L;
    private static final int CACHE_MAX = 10_000;

    record User(String name, Role role, String hash) {
    }

    private final PasswordHasher hasher = new PasswordHasher();
    private final Path file;
    private final Map<String, User> users = new ConcurrentHashMap<>();
    private final Map<String, Long> verified = new ConcurrentHashMap<>();

    @Activate
    public UserStore(BundleContext context, @Reference AuditLog audit) {
        this(Home.data(context).resolve("users.json"), System.getenv(), audit);
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

    /** The user's role when the password is right; empty otherwise. */
    Optional<Role> authenticate(String name, char[] password) {
        User user = name == null ? null : users.get(name);
        if (user == null || password.length > MAX_PASSWORD) {
            // Spend the same time as a real check so that user names cannot be probed by timing.
            hasher.verify("-".toCharArray(), "$argon2id$v=19$m=19456,t=2,p=1$AAAAAAAAAAAAAAAAAAAAAA$"
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
        if (verified.size() >= CACHE_MAX) {
            verified.clear();
        }
        verified.put(key, System.nanoTime() + CACHE_NANOS);
        return Optional.of(user.role());
    }

    /** The current role of a user; empty when there is no such user (any more). */
    Optional<Role> role(String name) {
        User u = name == null ? null : users.get(name);
        return u == null ? Optional.empty() : Optional.of(u.role());
    }

    /** Every user, by name; hashes stay inside. */
    List<User> list() {
        return users.values().stream().sorted(Comparator.comparing(User::name)).toList();
    }

    /**
     * Creates a user.
     *
     * @throws IllegalArgumentException for a bad name or password
     * @throws IllegalStateException when the user exists
     */
    synchronized void create(String name, Role role, char[] password) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "the user name must be 1 to 64 letters, digits or . _ @ - and start with a letter or digit");
        }
        checkPassword(password);
        if (users.containsKey(name)) {
            throw new IllegalStateException("the user " + name + " exists already");
        }
        if (users.size() >= MAX_USERS) {
            throw new IllegalArgumentException("there are already " + MAX_USERS + " users");
        }
        users.put(name, new User(name, role, hasher.hash(password)));
        persist();
    }

    /**
     * Changes a user's role and/or password ({@code null} keeps it).
     *
     * @throws java.util.NoSuchElementException when there is no such user
     * @throws IllegalStateException when the change would leave no admin
     */
    synchronized void update(String name, Role role, char[] password) {
        User u = existing(name);
        if (role != null && u.role() == Role.ADMIN && role != Role.ADMIN && admins() == 1) {
            throw new IllegalStateException("the last admin cannot lose the admin role");
        }
        if (password != null) {
            checkPassword(password);
        }
        users.put(name, new User(name, role == null ? u.role() : role,
                password == null ? u.hash() : hasher.hash(password)));
        persist();
    }

    /**
     * Deletes a user.
     *
     * @throws java.util.NoSuchElementException when there is no such user
     * @throws IllegalStateException when it is the last admin
     */
    synchronized void delete(String name) {
        User u = existing(name);
        if (u.role() == Role.ADMIN && admins() == 1) {
            throw new IllegalStateException("the last admin cannot be deleted");
        }
        users.remove(name);
        persist();
    }

    private User existing(String name) {
        User u = name == null ? null : users.get(name);
        if (u == null) {
            throw new java.util.NoSuchElementException("there is no user " + name);
        }
        return u;
    }

    private long admins() {
        return users.values().stream().filter(u -> u.role() == Role.ADMIN).count();
    }

    private static void checkPassword(char[] password) {
        if (password == null || password.length < MIN_PASSWORD || password.length > MAX_PASSWORD) {
            throw new IllegalArgumentException("the password must have " + MIN_PASSWORD + " to " + MAX_PASSWORD
                    + " characters");
        }
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
        JsonNode root = Http.mapper().readTree(file.toFile());
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

    private void persist() {
        try {
            save();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the user file " + file + ": " + e.getMessage(), e);
        }
    }

    private void save() throws IOException {
        ObjectNode root = Http.mapper().createObjectNode();
        ArrayNode list = root.putArray("users");
        for (User u : new ArrayList<>(users.values())) {
            list.addObject().put("name", u.name()).put("role", u.role().label()).put("hash", u.hash());
        }
        AtomicFiles.write(file, Http.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(root));
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
