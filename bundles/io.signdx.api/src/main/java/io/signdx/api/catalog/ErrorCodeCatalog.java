package io.signdx.api.catalog;

import java.util.Collection;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** Looks up AADSTS codes. Provided by the catalogue bundle; detectors may use it to word their findings. */
@ProviderType
public interface ErrorCodeCatalog {

    /** The entry for a code, empty when the catalogue does not know it. */
    Optional<ErrorCode> lookup(int code);

    /**
     * Parses "50126", "AADSTS50126" or "aadsts50126" (surrounding spaces allowed).
     *
     * @return the code, empty when the text is not a code
     */
    static Optional<Integer> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim();
        if (t.regionMatches(true, 0, "AADSTS", 0, 6)) {
            t = t.substring(6);
        }
        if (t.isEmpty() || t.length() > 9 || !t.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        return Optional.of(Integer.parseInt(t));
    }

    /** Every entry, ordered by code. */
    Collection<ErrorCode> all();
}
