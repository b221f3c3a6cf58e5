package io.signdx.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import io.signdx.api.engine.AuditEntry;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileAuditLogTest {
    @TempDir
    Path dir;

    private FileAuditLog log() {
        return new FileAuditLog(dir.resolve("logs/audit.log"),
                Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC));
    }

    @Test
    void recordsWhoWhenAndWhat() {
        FileAuditLog log = log();
        log.record("alice", "bundle.install", "acme.jar", "size 12 KB");
        List<AuditEntry> entries = log.recent(10);
        assertEquals(List.of(new AuditEntry(Instant.parse("2026-11-22T10:00:00Z"), "alice", "bundle.install",
                "acme.jar", "size 12 KB")), entries);
    }

    @Test
    void aSwitchEventThatIsNoLongerTrueWritesNothing() throws Exception {
        // a process reads "disabled" from the switch file; before its event is audited another one
        // switches the module on and deletes the file: the late event must not log a third change
        FileAuditLog log = log();
        java.nio.file.Path file = dir.resolve("conf/io.signdx.toggle-ca.blocked.cfg");
        java.nio.file.Files.createDirectories(file.getParent());
        assertTrue(log.recordToggleIfChanged("ca.blocked", false, "cli:alice", () -> {
            try {
                java.nio.file.Files.writeString(file, "module=ca.blocked\nenabled=false\n");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return true;
        }));
        assertTrue(log().recordToggleIfChanged("ca.blocked", true, "cli:bob", () -> file.toFile().delete()));
        assertFalse(log.recordToggleIfChanged("ca.blocked", false, "conf:io.signdx.toggle-ca.blocked.cfg",
                () -> java.nio.file.Files.exists(file)), "the stale 'disabled' event");
        assertFalse(log.recordToggleIfChanged("ca.blocked", true, "conf:io.signdx.toggle-ca.blocked.cfg (removed)",
                () -> !java.nio.file.Files.exists(file)), "the removal, already logged by bob");
        assertEquals(List.of("cli:alice module.disable", "cli:bob module.enable"),
                log.recent(10).stream().map(e -> e.actor() + " " + e.action()).toList());
    }

    @Test
    void aToggleIsWrittenOnlyWhenTheStateChanges() {
        FileAuditLog log = log();
        assertFalse(log.recordToggleIfChanged("ca.blocked", true, "conf:x"), "enabled is the default state");
        assertTrue(log.recordToggleIfChanged("ca.blocked", false, "alice"));
        assertFalse(log.recordToggleIfChanged("ca.blocked", false, "conf:io.signdx.toggle-ca.blocked.cfg"),
                "a second process observing the same file adds nothing");
        assertTrue(log.recordToggleIfChanged("ca.blocked", true, "bob"));
        // another instance over the same file (another process) sees the same history
        assertFalse(log().recordToggleIfChanged("ca.blocked", true, "cli:carol"));
        assertEquals(List.of("alice module.disable", "bob module.enable"),
                log.recent(10).stream().map(e -> e.actor() + " " + e.action()).toList());
    }

    @Test
    void aTornLastLineIsSkippedAndAppendingContinues() throws Exception {
        FileAuditLog log = log();
        log.record("alice", "x", "y", null);
        Files.writeString(dir.resolve("logs/audit.log"), "{\"time\":\"2026-11-22T1", StandardOpenOption.APPEND);
        log.record("bob", "x", "y", null);
        assertEquals(List.of("alice", "bob"), log.recent(10).stream().map(AuditEntry::actor).toList(),
                "the torn line is skipped and does not swallow the line appended after it");
    }

    @Test
    void recentReturnsTheNewestLast() {
        FileAuditLog log = log();
        for (int i = 0; i < 5; i++) {
            log.record("u" + i, "a", "t", null);
        }
        assertEquals(List.of("u3", "u4"), log.recent(2).stream().map(AuditEntry::actor).toList());
    }
}
