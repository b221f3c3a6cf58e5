package io.signdx.store.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * The byte keys of the indexed id columns. Ids compare ignoring case (as {@code SignInQuery.matches} does), so
 * a key is made from the lower-case text; a GUID (the usual request and correlation id) is kept as its 16 bytes
 * instead of 36 characters, which halves the column and its index. Anything else is kept as UTF-8 text behind
 * a marker byte, so the two kinds never meet.
 */
final class Keys {
    private static final byte GUID = 1;
    private static final byte TEXT = 2;

    private Keys() {
    }

    /** The key of an id, or {@code null} for none. */
    static byte[] id(String id) {
        if (id == null) {
            return null;
        }
        String lower = id.toLowerCase(Locale.ROOT);
        byte[] guid = guid(lower);
        if (guid != null) {
            return guid;
        }
        byte[] text = lower.getBytes(StandardCharsets.UTF_8);
        byte[] key = new byte[text.length + 1];
        key[0] = TEXT;
        System.arraycopy(text, 0, key, 1, text.length);
        return key;
    }

    /**
     * The duplicate key of a sign-in: its request id's key with its length in front (so that one id is never a
     * prefix of another's key), then the time in milliseconds. {@link #requestRange} finds every time of one id.
     */
    static byte[] uid(byte[] requestKey, long createdMillis) {
        byte[] p = prefix(requestKey);
        byte[] key = Arrays.copyOf(p, p.length + 8);
        for (int i = 0; i < 8; i++) {
            key[key.length - 8 + i] = (byte) (createdMillis >>> (56 - 8 * i));
        }
        return key;
    }

    /** The [low, high] bounds of the duplicate keys of one request id. */
    static byte[][] requestRange(String requestId) {
        byte[] p = prefix(id(requestId));
        byte[] high = Arrays.copyOf(p, p.length + 9);
        Arrays.fill(high, p.length, high.length, (byte) 0xFF);
        return new byte[][] {p, high};
    }

    private static byte[] prefix(byte[] key) {
        byte[] p = new byte[key.length + 2];
        p[0] = (byte) (key.length >>> 8);
        p[1] = (byte) key.length;
        System.arraycopy(key, 0, p, 2, key.length);
        return p;
    }

    /** 17 bytes (marker + 16) for a canonical GUID in lower case, else null. */
    private static byte[] guid(String s) {
        if (s.length() != 36 || s.charAt(8) != '-' || s.charAt(13) != '-' || s.charAt(18) != '-'
                || s.charAt(23) != '-') {
            return null;
        }
        byte[] out = new byte[17];
        out[0] = GUID;
        int o = 1;
        for (int i = 0; i < 36; i += 2) {
            if (s.charAt(i) == '-') {
                i--;
                continue;
            }
            int hi = hex(s.charAt(i));
            int lo = hex(s.charAt(i + 1));
            if (hi < 0 || lo < 0) {
                return null;
            }
            out[o++] = (byte) (hi << 4 | lo);
        }
        return o == 17 ? out : null;
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return -1;
    }
}
