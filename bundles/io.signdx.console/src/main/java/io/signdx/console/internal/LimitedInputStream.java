package io.signdx.console.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Passes at most a given number of bytes on and fails with {@link TooLarge} when more arrive. */
final class LimitedInputStream extends FilterInputStream {
    private final long limit;
    private long count;

    LimitedInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    /** More bytes arrived than allowed. */
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge(long limit) {
            super("more than " + limit + " bytes");
        }
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        count(skipped);
        return skipped;
    }

    private void count(long n) throws TooLarge {
        count += n;
        if (count > limit) {
            throw new TooLarge(limit);
        }
    }

    long count() {
        return count;
    }
}
