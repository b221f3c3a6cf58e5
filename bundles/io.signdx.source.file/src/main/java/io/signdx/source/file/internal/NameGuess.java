package io.signdx.source.file.internal;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SerializedString;

/**
 * Reads the field names of one kind of object (sign-ins, policies, statuses…) guessing each from the one before
 * it: exports write every record's fields in the same order, and Jackson compares a guessed name with the input
 * bytes directly instead of hashing the name and looking it up in its symbol table, which was a quarter of
 * the time spent parsing a Graph export. A wrong guess costs a comparison and falls back to the usual path;
 * the guess is then corrected. Not thread-safe: one per reader and kind of object.
 */
final class NameGuess {
    /** Names seen are few; an input with many different names stops teaching, it does not grow this. */
    private static final int MAX_NAMES = 1024;
    private final Map<String, SerializedString> after = new HashMap<>();
    private SerializedString first;

    /**
     * The next field name of the object the parser is in, {@code null} at its end: as
     * {@link JsonParser#nextFieldName()}.
     *
     * @param previous the name of the field before (the same String this returned), {@code null} for the first
     */
    String next(JsonParser p, String previous) throws IOException {
        SerializedString guess = previous == null ? first : after.get(previous);
        String name;
        if (guess != null) {
            if (p.nextFieldName(guess)) {
                return guess.getValue();
            }
            name = p.currentToken() == JsonToken.FIELD_NAME ? p.currentName() : null;
        } else {
            name = p.nextFieldName();
        }
        if (name != null) {
            SerializedString next = new SerializedString(name);
            if (previous == null) {
                first = next;
            } else if (after.size() < MAX_NAMES || after.containsKey(previous)) {
                after.put(previous, next);
            }
        }
        return name;
    }
}
