package io.signdx.tenant.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * The text of one snapshot file: gzip is recognised by its magic bytes, the encoding by its byte-order
 * mark (UTF-8, UTF-16 LE/BE; exports made with PowerShell's {@code Out-File} are UTF-16 with a BOM), and a
 * BOM-less UTF-16 file by the zero bytes around its first JSON character.
 *
 * @param text the decoded text, without the BOM
 * @param encoding how it was stored, e.g. {@code UTF-8}, {@code gzip, UTF-16LE}
 */
record SnapshotText(String text, String encoding) {
    /** Snapshot files are small; a bigger one is a mistake (or a decompression bomb), not a tenant. */
    static final long MAX_BYTES = 256L * 1024 * 1024;

    /**
     * Reads and decodes a file.
     *
     * @throws IOException with a message saying what is wrong with the file (too big, not text, bad gzip)
     */
    static SnapshotText read(Path file) throws IOException {
        long size = Files.size(file);
        if (size > MAX_BYTES) {
            throw new IOException("is " + size / (1024 * 1024) + " MB; a snapshot file may hold at most "
                    + MAX_BYTES / (1024 * 1024) + " MB");
        }
        byte[] bytes = Files.readAllBytes(file);
        String prefix = "";
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b) {
            bytes = gunzip(bytes);
            prefix = "gzip, ";
        }
        return decode(bytes, prefix);
    }

    static SnapshotText decode(byte[] bytes, String prefix) throws IOException {
        if (startsWith(bytes, 0xef, 0xbb, 0xbf)) {
            return new SnapshotText(strict(bytes, 3, StandardCharsets.UTF_8), prefix + "UTF-8 with BOM");
        }
        if (startsWith(bytes, 0xff, 0xfe)) {
            return new SnapshotText(strict(bytes, 2, StandardCharsets.UTF_16LE), prefix + "UTF-16LE");
        }
        if (startsWith(bytes, 0xfe, 0xff)) {
            return new SnapshotText(strict(bytes, 2, StandardCharsets.UTF_16BE), prefix + "UTF-16BE");
        }
        // JSON starts with an ASCII character, so UTF-16 without a BOM shows a zero byte beside it
        if (bytes.length >= 2 && bytes[0] != 0 && bytes[1] == 0) {
            return new SnapshotText(strict(bytes, 0, StandardCharsets.UTF_16LE), prefix + "UTF-16LE without BOM");
        }
        if (bytes.length >= 2 && bytes[0] == 0 && bytes[1] != 0) {
            return new SnapshotText(strict(bytes, 0, StandardCharsets.UTF_16BE), prefix + "UTF-16BE without BOM");
        }
        return new SnapshotText(strict(bytes, 0, StandardCharsets.UTF_8), prefix + "UTF-8");
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static String strict(byte[] bytes, int offset, Charset charset) throws IOException {
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset)).toString();
        } catch (CharacterCodingException e) {
            throw new IOException("is not " + charset.name() + " text (a JSON export is UTF-8 or UTF-16)", e);
        }
    }

    private static byte[] gunzip(byte[] bytes) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0;) {
                out.write(buffer, 0, n);
                if (out.size() > MAX_BYTES) {
                    throw new IOException("unpacks to more than " + MAX_BYTES / (1024 * 1024)
                            + " MB; a snapshot file may hold at most that");
                }
            }
            return out.toByteArray();
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw new IOException("starts like gzip but does not unpack (" + e.getMessage() + ")", e);
        }
    }
}
