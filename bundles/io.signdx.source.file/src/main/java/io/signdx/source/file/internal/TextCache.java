package io.signdx.source.file.internal;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;

/**
 * One String for each short text value seen again: most of a sign-in's values repeat across records (user,
 * app, policy and location names, results, operating systems, ids of users, apps and policies), and a
 * String per occurrence made up most of what reading allocates and most of what a batch of sign-ins keeps
 * alive, which in a small heap is garbage-collection time. The value is looked up in the parser's own
 * character buffer, so a repeated value allocates nothing. A direct-mapped table: a new value takes the
 * place of the one with the same slot, so memory is bounded and values seen once (request ids) cost only
 * their hash. Not thread-safe: one per reader.
 */
final class TextCache {
    /** Longer values are rarely repeated (user agents, failure texts are few but long: hashing them costs more). */
    static final int MAX_LENGTH = 64;
    private static final int SLOTS = 1 << 15;
    private final String[] table = new String[SLOTS];

    /** The text of the parser's current string token. */
    String text(JsonParser p) throws IOException {
        int len = p.getTextLength();
        if (len > MAX_LENGTH || len == 0) {
            return p.getText();
        }
        char[] buf = p.getTextCharacters();
        int off = p.getTextOffset();
        int h = 0;
        for (int i = off, end = off + len; i < end; i++) {
            h = 31 * h + buf[i];
        }
        int slot = (h ^ (h >>> 15)) & (SLOTS - 1);
        String s = table[slot];
        if (s != null && same(s, buf, off, len)) {
            return s;
        }
        s = new String(buf, off, len);
        table[slot] = s;
        return s;
    }

    private static boolean same(String s, char[] buf, int off, int len) {
        if (s.length() != len) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if (s.charAt(i) != buf[off + i]) {
                return false;
            }
        }
        return true;
    }
}
