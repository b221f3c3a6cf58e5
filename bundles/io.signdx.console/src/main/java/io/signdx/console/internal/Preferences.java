package io.signdx.console.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each user's console preferences (columns, page size …) in {@code data/preferences.json}, one JSON
 * object per user, the file rewritten atomically on every change. The console keeps them for the UI
 * and does not interpret them; their size is bounded.
 */
@Component(service = Preferences.class)
public final class Preferences {
    static final int MAX_BYTES = 16 * 1024;
    static final int MAX_USERS = 2000;
    private static final Logger LOG = LoggerFactory.getLogger(Preferences.class);

    private final Path file;
    private final ObjectNode all;

    @Activate
    public Preferences(BundleContext context) {
        this(Home.data(context).resolve("preferences.json"));
    }

    Preferences(Path file) {
        this.file = file;
        ObjectNode loaded = Http.mapper().createObjectNode();
        if (Files.exists(file)) {
            try {
                JsonNode n = Http.mapper().readTree(file.toFile());
                if (n instanceof ObjectNode o) {
                    loaded = o;
                }
            } catch (IOException e) {
                LOG.warn("ignoring the unreadable preferences file {}: {}", file, e.getMessage());
            }
        }
        this.all = loaded;
    }

    /** The user's preferences; an empty object when none were saved. */
    synchronized JsonNode get(String user) {
        JsonNode n = all.get(user);
        return n == null ? Http.mapper().createObjectNode() : n.deepCopy();
    }

    /** @throws IllegalArgumentException when the value is not an object or too big */
    synchronized void put(String user, JsonNode value) {
        if (!value.isObject()) {
            throw new IllegalArgumentException("preferences must be a JSON object");
        }
        if (value.toString().length() > MAX_BYTES) {
            throw new IllegalArgumentException("preferences may take at most " + MAX_BYTES + " bytes");
        }
        if (!all.has(user) && all.size() >= MAX_USERS) {
            throw new IllegalArgumentException("too many users have preferences");
        }
        all.set(user, value.deepCopy());
        save();
    }

    synchronized void forget(String user) {
        if (all.remove(user) != null) {
            save();
        }
    }

    private void save() {
        try {
            AtomicFiles.write(file, Http.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(all));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the preferences to " + file + ": " + e.getMessage(), e);
        }
    }
}
