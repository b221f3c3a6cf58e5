package io.signdx.console.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * API tokens for scripts, in {@code data/tokens.json}. A token reads {@code sdx_<id>_<secret>}: the id
 * finds the entry, and only the SHA-256 of the whole token is stored and compared (in constant time). The
 * token itself exists once, in the answer that created it.
 */
@Component(service = ApiTokens.class)
public final class ApiTokens {
    private static final Logger LOG = LoggerFactory.getLogger(ApiTokens.class);
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N} ._@-]{1,64}");
    static final int MAX_TOKENS = 1000;
    static final int MAX_DAYS = 3650;

    /** A stored token: everything but the secret. */
    record Token(String id, String name, Role role, Instant created, Instant expires, String createdBy,
            String hash) {
        boolean expired(Instant now) {
            return expires != null && !now.isBefore(expires);
        }
    }

    /** A token just created: its description and, this once, its value. */
    record Created(Token token, String secret) {
    }

    private final Path file;
    private final Supplier<Instant> clock;
    private final Secrets secrets = new Secrets();
    private final Map<String, Token> byId = new ConcurrentHashMap<>();

    @Activate
    public ApiTokens(BundleContext context) {
        this(Home.data(context).resolve("tokens.json"), Instant::now);
    }

    ApiTokens(Path file, Supplier<Instant> clock) {
        this.file = file;
        this.clock = clock;
        if (Files.exists(file)) {
            load();
        }
    }

    /** The role of a valid, unexpired token; empty otherwise. */
    Optional<Token> verify(String presented) {
        if (presented == null || !presented.startsWith("sdx_") || presented.length() > 200) {
            return Optional.empty();
        }
        int sep = presented.indexOf('_', 4);
        if (sep < 0) {
            return Optional.empty();
        }
        Token t = byId.get(presented.substring(4, sep));
        if (t == null || t.expired(clock.get()) || !Secrets.same(t.hash(), Secrets.sha256(presented))) {
            return Optional.empty();
        }
        return Optional.of(t);
    }

    /**
     * Creates a token.
     *
     * @param days lifetime in days, 0 for no expiry
     * @throws IllegalArgumentException for a bad name or lifetime, or too many tokens
     */
    synchronized Created create(String name, Role role, int days, String createdBy) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("the token name must be 1 to 64 letters, digits, spaces or . _ @ -");
        }
        if (days < 0 || days > MAX_DAYS) {
            throw new IllegalArgumentException("expiresInDays must be between 0 (never) and " + MAX_DAYS);
        }
        if (byId.size() >= MAX_TOKENS) {
            throw new IllegalArgumentException("there are already " + MAX_TOKENS + " tokens; delete some first");
        }
        String id = secrets.random(9).replace('_', 'x').replace('-', 'y');
        String value = "sdx_" + id + "_" + secrets.random(32);
        Instant now = clock.get();
        Token t = new Token(id, name, role, now, days == 0 ? null : now.plus(Duration.ofDays(days)), createdBy,
                Secrets.sha256(value));
        byId.put(id, t);
        save();
        return new Created(t, value);
    }

    /** Deletes a token; false when there was none with that id. */
    synchronized boolean delete(String id) {
        if (byId.remove(id) == null) {
            return false;
        }
        save();
        return true;
    }

    List<Token> list() {
        return byId.values().stream().sorted(Comparator.comparing(Token::created)).toList();
    }

    private void load() {
        try {
            JsonNode root = Http.mapper().readTree(file.toFile());
            for (JsonNode n : root.path("tokens")) {
                try {
                    Token t = new Token(n.path("id").asText(), n.path("name").asText(), Role.parse(n.path("role").asText()),
                            Instant.parse(n.path("created").asText()),
                            n.hasNonNull("expires") ? Instant.parse(n.path("expires").asText()) : null,
                            n.path("createdBy").asText(null), n.path("hash").asText());
                    byId.put(t.id(), t);
                } catch (RuntimeException e) {
                    LOG.warn("ignoring an unreadable API token entry in {}: {}", file, e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the API tokens in " + file + ": " + e.getMessage(), e);
        }
    }

    private void save() {
        ObjectNode root = Http.mapper().createObjectNode();
        ArrayNode list = root.putArray("tokens");
        for (Token t : new ArrayList<>(byId.values())) {
            ObjectNode n = list.addObject().put("id", t.id()).put("name", t.name()).put("role", t.role().label())
                    .put("created", t.created().toString())
                    .put("expires", t.expires() == null ? null : t.expires().toString())
                    .put("createdBy", t.createdBy()).put("hash", t.hash());
            n.put("algorithm", "sha256");
        }
        try {
            AtomicFiles.write(file, Http.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(root));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the API tokens to " + file + ": " + e.getMessage(), e);
        }
    }
}
