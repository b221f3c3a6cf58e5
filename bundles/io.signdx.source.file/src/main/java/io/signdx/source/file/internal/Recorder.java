package io.signdx.source.file.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The bytes the JSON parser reads, passed through and kept from a point on, so that a record's text can be
 * cut out of the input as it was written (the raw record kept for display) instead of being written again
 * from a tree. Positions are absolute offsets in the stream, as Jackson reports them. Only the bytes since
 * the last {@link #release} are kept: one record and at most one read-ahead buffer. Not thread-safe.
 */
final class Recorder extends InputStream {
    private final InputStream in;
    private byte[] kept = new byte[64 * 1024];
    /** Absolute offset of kept[0]. */
    private long base;
    /** How many bytes of kept are valid. */
    private int length;
    /** Bytes before this offset are no longer needed. */
    private long keepFrom;

    Recorder(InputStream in) {
        this.in = in;
    }

    /** The bytes before {@code offset} will not be asked for again. */
    void release(long offset) {
        keepFrom = Math.max(keepFrom, offset);
    }

    /** The text of [from, to), which must lie after the last {@link #release}. */
    String text(long from, long to) {
        if (from < base || to > base + length || from > to) {
            throw new IllegalStateException("bytes " + from + ".." + to + " are not kept (" + base + ".."
                    + (base + length) + ")");
        }
        return new String(kept, (int) (from - base), (int) (to - from), StandardCharsets.UTF_8);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) == 1 ? one[0] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n > 0) {
            keep(b, off, n);
        }
        return n;
    }

    private void keep(byte[] b, int off, int n) {
        if (length + n > kept.length) {
            // drop what is released first, grow only if the kept record itself needs more room
            int drop = (int) Math.min(length, Math.max(0, keepFrom - base));
            if (drop > 0) {
                System.arraycopy(kept, drop, kept, 0, length - drop);
                length -= drop;
                base += drop;
            }
            if (length + n > kept.length) {
                kept = Arrays.copyOf(kept, Math.max(kept.length * 2, length + n));
            }
        }
        System.arraycopy(b, off, kept, length, n);
        length += n;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
