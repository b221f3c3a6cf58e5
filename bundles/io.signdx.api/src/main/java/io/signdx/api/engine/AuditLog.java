package io.signdx.api.engine;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The append-only audit log of administrative actions (who, when, what). Provided by the platform;
 * lines are never rewritten or removed, and a crash loses at most the line being written.
 */
@ProviderType
public interface AuditLog {

    /**
     * Appends an entry stamped with the current time.
     *
     * @throws java.io.UncheckedIOException when it cannot be written
     */
    void record(String actor, String action, String target, String detail);

    /** The most recent entries, newest last, at most {@code max}. */
    List<AuditEntry> recent(int max);
}
