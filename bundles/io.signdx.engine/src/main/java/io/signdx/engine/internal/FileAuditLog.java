package io.signdx.engine.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.signdx.api.engine.AuditEntry;
import io.signdx.api.engine.AuditLog;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit log as a file of JSON lines under {@code logs/audit.log}. Each append takes an exclusive
 * file lock, because the console and a one-shot command line may write at the same time; a line is
 * written in one call and forced to disk, so a crash loses at most that line.
 */
@Component(service = {AuditLog.class, FileAuditLog.class})
public final class FileAuditLog implements AuditLog {
    static final String MODULE_DISABLE = "module.disable";
    static final String MODULE_ENABLE = "module.enable";

    private static final Logger LOG = LoggerFactory.getLogger(FileAuditLog.class);
    private final ObjectMapper json = new ObjectMapper();
    private final Path file;
    private final Clock clock;

    @Activate
    public FileAuditLog(BundleContext context) {
        this(Home.of(context).logs().resolve("audit.log"), Clock.systemUTC());
    }

    FileAuditLog(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
    }

    @Override
    public void record(String actor, String action, String target, String detail) {
        withLock(channel -> append(channel, new AuditEntry(clock.instant(), actor, action, target, detail)));
    }

    /**
     * Records a module switch unless the log already says the module is in that state, so that
     * several processes observing the same configuration file write one line between them.
     *
     * @return true when a line was written
     */
    boolean recordToggleIfChanged(String id, boolean enabled, String actor) {
        return recordToggleIfChanged(id, enabled, actor, () -> true);
    }

    /**
     * As {@link #recordToggleIfChanged(String, boolean, String)}, when {@code stillSo} — asked under the
     * log's lock — says the switch is still in effect: the switch file may have been written or deleted by
     * another thread or process since the event that reports it, and a stale event must not write a line
     * (it did: a "disable" seen late after an "enable" gave four lines for two changes). Whoever changes a
     * switch file does so inside {@code stillSo}, so that change and line are one step.
     */
    boolean recordToggleIfChanged(String id, boolean enabled, String actor, BooleanSupplier stillSo) {
        boolean[] written = {false};
        withLock(channel -> {
            if (!stillSo.getAsBoolean()) {
                return;
            }
            boolean last = lastToggle(readAll(channel), id).orElse(true);
            if (last != enabled) {
                append(channel, new AuditEntry(clock.instant(), actor, enabled ? MODULE_ENABLE : MODULE_DISABLE, id,
                        null));
                written[0] = true;
            }
        });
        return written[0];
    }

    @Override
    public List<AuditEntry> recent(int max) {
        List<AuditEntry> all = new ArrayList<>();
        withLock(channel -> all.addAll(readAll(channel)));
        return List.copyOf(all.subList(Math.max(0, all.size() - max), all.size()));
    }

    private static Optional<Boolean> lastToggle(List<AuditEntry> entries, String id) {
        Map<String, Boolean> state = new LinkedHashMap<>();
        for (AuditEntry e : entries) {
            if (MODULE_DISABLE.equals(e.action())) {
                state.put(e.target(), false);
            } else if (MODULE_ENABLE.equals(e.action())) {
                state.put(e.target(), true);
            }
        }
        return Optional.ofNullable(state.get(id));
    }

    private interface LockedWork {
        void run(FileChannel channel) throws IOException;
    }

    /**
     * Synchronized as well as file-locked: the file lock keeps other processes out, but within one JVM
     * a second thread asking for it gets an OverlappingFileLockException instead of waiting.
     */
    private synchronized void withLock(LockedWork work) {
        try {
            Files.createDirectories(file.getParent());
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
                work.run(channel);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the audit log " + file + ": " + e.getMessage(), e);
        }
    }

    private void append(FileChannel channel, AuditEntry entry) throws IOException {
        ObjectNode line = json.createObjectNode();
        line.put("time", entry.time().toString());
        line.put("actor", entry.actor());
        line.put("action", entry.action());
        line.put("target", entry.target());
        if (entry.detail() != null) {
            line.put("detail", entry.detail());
        }
        String text = json.writeValueAsString(line) + "\n";
        long end = channel.size();
        if (end > 0) {
            ByteBuffer last = ByteBuffer.allocate(1);
            channel.read(last, end - 1);
            if (last.get(0) != '\n') {
                text = "\n" + text; // a crash tore the previous line: start on a line of our own
            }
        }
        channel.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), end);
        channel.force(false);
        LOG.info("audit: {} {} {}", entry.actor(), entry.action(), entry.target());
    }

    private List<AuditEntry> readAll(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate((int) channel.size());
        while (buffer.hasRemaining() && channel.read(buffer, buffer.position()) > 0) {
            // read until full
        }
        List<AuditEntry> entries = new ArrayList<>();
        for (String line : new String(buffer.array(), StandardCharsets.UTF_8).split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            try {
                JsonNode n = json.readTree(line);
                entries.add(new AuditEntry(Instant.parse(n.path("time").asText()), n.path("actor").asText(),
                        n.path("action").asText(), n.path("target").asText(),
                        n.hasNonNull("detail") ? n.get("detail").asText() : null));
            } catch (IOException | RuntimeException e) {
                // A torn last line after a crash is skipped, never fatal: the rest of the log stays readable.
                LOG.warn("skipping an unreadable line of {}: {}", file, e.getMessage());
            }
        }
        return entries;
    }
}
