package io.signdx.api.catalog;

import java.util.List;

import io.signdx.api.detector.Actor;

/**
 * One AADSTS error code as the catalogue explains it, in SignDx's own words.
 *
 * @param code the number, without the AADSTS prefix
 * @param name Microsoft's symbolic name (e.g. {@code InvalidUserNameOrPassword}), or {@code null}
 * @param category a short grouping, e.g. "credentials", "conditional-access", "application"
 * @param explanation what it means, in plain words
 * @param remediation what to do about it
 * @param actor who usually has to act
 * @param links documentation links
 */
public record ErrorCode(int code, String name, String category, String explanation, String remediation,
        Actor actor, List<String> links) {
    /** Copies the links so the record stays immutable. */
    public ErrorCode {
        links = links == null ? List.of() : List.copyOf(links);
    }

    /** "AADSTS50126". */
    public String label() {
        return "AADSTS" + code;
    }
}
