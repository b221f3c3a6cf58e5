package io.signdx.api.engine;

import java.time.Instant;

/**
 * One line of the audit log.
 *
 * @param time when
 * @param actor who (e.g. {@code admin}, {@code cli:alice}, {@code conf:io.signdx.toggle-ca.blocked.cfg})
 * @param action what, e.g. {@code module.disable}
 * @param target on what, e.g. a scenario id or bundle name
 * @param detail free text, may be {@code null}
 */
public record AuditEntry(Instant time, String actor, String action, String target, String detail) {
}
