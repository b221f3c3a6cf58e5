package io.signdx.source.file.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Opens an export file whatever its wrapping: gzip is recognised by its magic bytes, the text encoding
 * by its byte-order mark (UTF-8 with or without BOM, UTF-16 LE/BE with BOM — real portal exports are
 * UTF-16). The BOM is consumed. {@link #firstChar} tells JSON ({ or [) from CSV without consuming it.
 */
final class Input implements AutoCloseable {
    private static final int PEEK = 64 * 1024;

    final InputStream bytes;
    final Charset charset;
    final boolean gzip;

    private Input(InputStream bytes, Charset charset, boolean gzip) {
        this.bytes = bytes;
        this.charset = charset;
        this.gzip = gzip;
    }

    static Input open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), PEEK);
        try {
            boolean gzip = startsWith(in, 0x1f, 0x8b);
            if (gzip) {
                in = new BufferedInputStream(new GZIPInputStream(in, PEEK), PEEK);
            }
            Charset charset = StandardCharsets.UTF_8;
            if (startsWith(in, 0xEF, 0xBB, 0xBF)) {
                in.skipNBytes(3);
            } else if (startsWith(in, 0xFF, 0xFE)) {
                in.skipNBytes(2);
                charset = StandardCharsets.UTF_16LE;
            } else if (startsWith(in, 0xFE, 0xFF)) {
                in.skipNBytes(2);
                charset = StandardCharsets.UTF_16BE;
            } else if (looksLikeUtf16WithoutBom(in)) {
                throw new IOException("the file looks like UTF-16 text without a byte-order mark; save it as "
                        + "UTF-8, or as UTF-16 with a byte-order mark");
            }
            return new Input(in, charset, gzip);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    Reader reader() {
        return new InputStreamReader(bytes, charset);
    }

    boolean utf8() {
        return charset.equals(StandardCharsets.UTF_8);
    }

    /** The text as UTF-8 bytes: the bytes themselves, or UTF-16 text encoded again as it is read. */
    InputStream utf8Bytes() {
        return utf8() ? bytes : new Utf8Encoder(reader());
    }

    /** UTF-8 bytes of a character stream, produced as they are read (bounded memory). */
    private static final class Utf8Encoder extends InputStream {
        private final Reader in;
        private final java.nio.charset.CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPLACE)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPLACE);
        private final java.nio.CharBuffer chars = java.nio.CharBuffer.allocate(8192);
        private final java.nio.ByteBuffer out = java.nio.ByteBuffer.allocate(3 * 8192 + 16);
        private boolean eof;

        Utf8Encoder(Reader in) {
            this.in = in;
            out.flip();
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) == 1 ? one[0] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            while (!out.hasRemaining()) {
                if (eof) {
                    return -1;
                }
                int n = in.read(chars);
                out.clear();
                chars.flip();
                if (n < 0) {
                    eof = true;
                    encoder.encode(chars, out, true);
                    encoder.flush(out);
                } else {
                    encoder.encode(chars, out, false);
                }
                chars.compact();
                out.flip();
            }
            int n = Math.min(len, out.remaining());
            out.get(b, off, n);
            return n;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /** The first non-whitespace character, or -1 for an empty file; nothing is consumed. */
    int firstChar() throws IOException {
        bytes.mark(PEEK);
        try {
            int unit = charset.equals(StandardCharsets.UTF_8) ? 1 : 2;
            byte[] head = bytes.readNBytes(PEEK - 8);
            String text = new String(head, 0, head.length - head.length % unit, charset);
            for (int i = 0; i < text.length(); i++) {
                if (!Character.isWhitespace(text.charAt(i))) {
                    return text.charAt(i);
                }
            }
            return -1;
        } finally {
            bytes.reset();
        }
    }

    private static boolean startsWith(InputStream in, int... magic) throws IOException {
        in.mark(magic.length);
        try {
            for (int m : magic) {
                if (in.read() != m) {
                    return false;
                }
            }
            return true;
        } finally {
            in.reset();
        }
    }

    /** ASCII text in UTF-16 has a zero in every other byte. */
    private static boolean looksLikeUtf16WithoutBom(InputStream in) throws IOException {
        in.mark(8);
        try {
            byte[] b = in.readNBytes(8);
            return b.length == 8 && (b[1] == 0 && b[3] == 0 && b[5] == 0 && b[0] != 0
                    || b[0] == 0 && b[2] == 0 && b[4] == 0 && b[1] != 0);
        } finally {
            in.reset();
        }
    }

    @Override
    public void close() throws IOException {
        bytes.close();
    }
}
