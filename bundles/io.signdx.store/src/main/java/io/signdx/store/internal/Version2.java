package io.signdx.store.internal;

import io.signdx.api.model.SignIn;
import io.signdx.source.file.graph.GraphJson;

/**
 * Reads the sign-ins of a layout 2 store (2026-11-23 until zstd came in), only to upgrade such a store
 * ({@link SqliteSignInStore} does it in place, in one transaction, when it opens one): each row held its
 * {@link Codec} payload behind its length, compressed by the store's own LZ77 codec against the row's dictionary
 * (raw bytes of sample payloads). Only the decoder is left; nothing writes this form any more. Never change what
 * it reads: layout 2 stores could not be upgraded.
 */
final class Version2 {
    /** LZ4-style sequences: a token (4 bits literal length, 4 bits match length), literals, a 2-byte offset. */
    private static final int MIN_MATCH = 4;

    private Version2() {
    }

    /**
     * The sign-in of one layout 2 row. A payload of the raw record alone is read back through the file reader's
     * mapping, as layout 2 did on every query.
     *
     * @throws IllegalStateException when the bytes are not what layout 2 wrote
     */
    static SignIn unpack(byte[] data, byte[] dictionary, GraphJson.RecordReader records) {
        Packer.Length length = Packer.Length.of(data);
        int size = length.size();
        int i = length.end();
        if (size < 0 || size > 256 * 1024 * 1024) {
            throw new IllegalStateException("length " + size);
        }
        byte[] payload = new byte[size];
        decompress(dictionary, data, i, data.length, payload, size);
        return Codec.decode(payload, size, "store", records);
    }

    /** Decompresses {@code src[from, to)} into {@code out[0, size)}, the dictionary's bytes preceding the output. */
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
            throw new IllegalStateException("truncated or damaged data", e);
        }
        if (op != size || sp != to) {
            throw new IllegalStateException(op + " bytes instead of " + size);
        }
    }
}
