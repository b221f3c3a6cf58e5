package io.signdx.store.internal;

import java.util.Arrays;

/**
 * LZ77 compression of one stored record against a preset dictionary (sample records of the same store), in
 * the LZ4 sequence format: a token (4 bits literal length, 4 bits match length), literals, a 2-byte offset.
 *
 * <p>Why not deflate: on the reference machine zlib needs ≈ 75 µs for a 3 KB record (≈ 25 ns per byte at that
 * size, plus ≈ 2 µs per KB of preset dictionary on every record), more than the whole import budget of
 * 33 µs per sign-in; this codec needs a fraction of that, and with a 48 KB dictionary of the store's own
 * records it stores a Graph sign-in in ≈ 500 bytes (deflate with the same dictionary: ≈ 480). Records are
 * compressed one by one so that any one can be read alone.
 *
 * <p>An instance holds the dictionary's hash table and scratch state: one thread at a time.
 */
final class Lz {
    private static final int MIN_MATCH = 4;
    /** A match into the dictionary shorter than this costs about what it saves (mostly chance hits in ids). */
    private static final int MIN_DICTIONARY_MATCH = 6;
    private static final int MAX_OFFSET = 65_535;
    private static final int HASH_BITS = 15;
    /** The largest useful dictionary: offsets are 16 bits and the record itself needs some of the window. */
    static final int MAX_DICTIONARY = 48 * 1024;

    private final byte[] dict;
    private final int[] dictTable = new int[1 << HASH_BITS];
    private final int[] table = new int[1 << HASH_BITS];
    private final int[] stamp = new int[1 << HASH_BITS];
    private int generation;

    Lz(byte[] dictionary) {
        this.dict = dictionary;
        Arrays.fill(dictTable, -1);
        for (int i = 0; i + 4 <= dict.length; i++) {
            dictTable[hash(int32(dict, i))] = i; // the latest occurrence: the shortest offset
        }
    }

    private static int int32(byte[] b, int i) {
        return (b[i] & 0xff) | (b[i + 1] & 0xff) << 8 | (b[i + 2] & 0xff) << 16 | (b[i + 3] & 0xff) << 24;
    }

    private static int hash(int v) {
        return (v * -1640531535) >>> (32 - HASH_BITS);
    }

    /** The most bytes {@link #compress} writes for {@code n} input bytes. */
    static int bound(int n) {
        return n + n / 255 + 16;
    }

    /**
     * Compresses {@code in[0, len)} into {@code out} (at least {@link #bound} bytes).
     *
     * @return the compressed length
     */
    int compress(byte[] in, int len, byte[] out) {
        if (++generation == 0) {
            Arrays.fill(stamp, 0);
            generation = 1;
        }
        int d = dict.length;
        int op = 0;
        int anchor = 0;
        int ip = 0;
        int limit = len - 5;
        int misses = 0;
        while (ip < limit) {
            int h = hash(int32(in, ip));
            int vpos = d + ip; // positions: the dictionary at [0, d), the input at [d, d + len)
            int own = stamp[h] == generation ? table[h] : -1;
            int shared = dictTable[h];
            stamp[h] = generation;
            table[h] = vpos;
            int ownLength = own >= 0 && vpos - own <= MAX_OFFSET ? matchLength(in, len, ip, own) : 0;
            int sharedLength = shared >= 0 && vpos - shared <= MAX_OFFSET ? matchLength(in, len, ip, shared) : 0;
            int cand;
            int mlen;
            if (sharedLength >= MIN_DICTIONARY_MATCH && sharedLength > ownLength) {
                cand = shared;
                mlen = sharedLength;
            } else if (ownLength >= MIN_MATCH) {
                cand = own;
                mlen = ownLength;
            } else {
                // the longer nothing matches (random ids, tokens), the larger the steps: as LZ4 does
                ip += 1 + (misses++ >> 5);
                continue;
            }
            misses = 0;
            while (ip > anchor && cand > 0 && at(in, cand - 1) == in[ip - 1]) {
                ip--;
                cand--;
                mlen++;
            }
            op = sequence(in, anchor, ip - anchor, d + ip - cand, mlen, out, op);
            ip += mlen;
            anchor = ip;
            if (ip - 2 < limit && ip >= 2) {
                int p = ip - 2;
                int hh = hash(int32(in, p));
                stamp[hh] = generation;
                table[hh] = d + p;
            }
        }
        return sequence(in, anchor, len - anchor, 0, 0, out, op);
    }

    private byte at(byte[] in, int vpos) {
        int d = dict.length;
        return vpos >= d ? in[vpos - d] : dict[vpos];
    }

    /** How many bytes from input position ip equal those from virtual position cand (which may run on into the input). */
    private int matchLength(byte[] in, int len, int ip, int cand) {
        int d = dict.length;
        if (cand < d) {
            int max = Math.min(len - ip, d - cand);
            int m = common(dict, cand, in, ip, max);
            if (m < max) {
                return m;
            }
            // the match reached the dictionary's end: it goes on at the start of the input
            return m + common(in, 0, in, ip + m, len - ip - m);
        }
        return common(in, cand - d, in, ip, len - ip);
    }

    /** How many of the next {@code max} bytes agree ({@link Arrays#mismatch} compares many bytes at a time). */
    private static int common(byte[] a, int from, byte[] b, int at, int max) {
        if (max <= 0) {
            return 0;
        }
        int m = Arrays.mismatch(a, from, from + max, b, at, at + max);
        return m < 0 ? max : m;
    }

    private static int sequence(byte[] in, int from, int literals, int offset, int mlen, byte[] out, int op) {
        int token = op++;
        int ml = mlen == 0 ? 0 : mlen - MIN_MATCH;
        out[token] = (byte) (Math.min(literals, 15) << 4 | Math.min(ml, 15));
        op = length(literals, out, op);
        System.arraycopy(in, from, out, op, literals);
        op += literals;
        if (mlen == 0) {
            return op;
        }
        out[op++] = (byte) offset;
        out[op++] = (byte) (offset >>> 8);
        return length(ml, out, op);
    }

    private static int length(int n, byte[] out, int op) {
        if (n >= 15) {
            int r = n - 15;
            while (r >= 255) {
                out[op++] = (byte) 255;
                r -= 255;
            }
            out[op++] = (byte) r;
        }
        return op;
    }

    /**
     * Decompresses {@code src[from, to)} into {@code out[0, size)}.
     *
     * @throws IllegalStateException when the data is not what {@link #compress} writes for that size
     */
    static void decompress(byte[] dictionary, byte[] src, int from, int to, byte[] out, int size) {
        int d = dictionary.length;
        int sp = from;
        int op = 0;
        try {
            while (true) {
                int token = src[sp++] & 0xff;
                int literals = token >>> 4;
                if (literals == 15) {
                    int b;
                    do {
                        b = src[sp++] & 0xff;
                        literals += b;
                    } while (b == 255);
                }
                System.arraycopy(src, sp, out, op, literals);
                sp += literals;
                op += literals;
                if (sp >= to) {
                    break;
                }
                int offset = (src[sp] & 0xff) | (src[sp + 1] & 0xff) << 8;
                sp += 2;
                int mlen = token & 15;
                if (mlen == 15) {
                    int b;
                    do {
                        b = src[sp++] & 0xff;
                        mlen += b;
                    } while (b == 255);
                }
                mlen += MIN_MATCH;
                if (offset == 0 || offset > op + d || op + mlen > size) {
                    throw new IllegalStateException("bad match at " + op);
                }
                int start = op - offset;
                if (start < 0) { // from the dictionary, maybe running on into the output
                    int n = Math.min(mlen, -start);
                    System.arraycopy(dictionary, d + start, out, op, n);
                    op += n;
                    mlen -= n;
                    start = 0;
                }
                if (offset >= mlen) {
                    System.arraycopy(out, start, out, op, mlen);
                    op += mlen;
                } else {
                    for (int i = 0; i < mlen; i++) {
                        out[op++] = out[start + i];
                    }
                }
            }
        } catch (IndexOutOfBoundsException e) {
            throw new IllegalStateException("a stored sign-in is corrupt (truncated or damaged data)", e);
        }
        if (op != size || sp != to) {
            throw new IllegalStateException("a stored sign-in is corrupt (" + op + " bytes instead of " + size + ")");
        }
    }
}
