package io.signdx.console.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.LongConsumer;

import jakarta.servlet.http.HttpServletRequest;

import org.apache.commons.fileupload.FileItemIterator;
import org.apache.commons.fileupload.FileItemStream;
import org.apache.commons.fileupload.FileUpload;
import org.apache.commons.fileupload.FileUploadException;
import org.apache.commons.fileupload.UploadContext;

/**
 * Receives uploaded files, streaming each to a file of its own under a folder of the product's: a
 * {@code multipart/form-data} body (parsed as a stream with Commons FileUpload, never held in memory)
 * or, for a single file, the raw body. The whole body is limited; beyond the limit nothing more is
 * written, the rest of the body is read and dropped (so that the client receives the 413 rather than a
 * broken connection), up to a bound past which the connection is given up.
 */
final class Uploads {
    /** Past the limit, at most this much more is read only to answer cleanly. */
    static final long DRAIN_MAX = 64L << 20;
    private static final long MULTIPART_SLACK = 64L << 10;
    private static final int MAX_FILES = 100;

    /** One received file: its sanitised name and where it is now. */
    record Part(String field, String name, Path file, long size) {
    }

    private Uploads() {
    }

    /**
     * Receives the files of the request into {@code dir} (created), each in a numbered folder of its own
     * under its sanitised original name.
     *
     * @param fields the multipart field names accepted for files (others are refused)
     * @param rawName the name a raw (non-multipart) body is given, or {@code null} when only multipart is accepted
     * @param rawTypes content types accepted for a raw body
     * @param progress told the bytes received so far
     * @throws Http.BadRequest 413 beyond {@code maxBytes}, 400 for a malformed or empty upload, 415 for a wrong type
     */
    static List<Part> receive(HttpServletRequest req, Path dir, long maxBytes, Set<String> fields, String rawName,
            Set<String> rawTypes, LongConsumer progress) throws IOException {
        String type = req.getContentType() == null ? "" : req.getContentType().toLowerCase(Locale.ROOT);
        long declared = req.getContentLengthLong();
        long allowed = maxBytes + (type.startsWith("multipart/") ? MULTIPART_SLACK : 0);
        if (declared > allowed) {
            drain(req, declared);
            throw tooLarge(maxBytes);
        }
        Files.createDirectories(dir);
        LimitedInputStream body = new LimitedInputStream(req.getInputStream(), allowed);
        try {
            if (type.startsWith("multipart/form-data")) {
                return multipart(req, body, dir, fields, progress);
            }
            String base = type.contains(";") ? type.substring(0, type.indexOf(';')).trim() : type.trim();
            if (rawName == null || !rawTypes.contains(base)) {
                throw new Http.BadRequest(415, "send the file as multipart/form-data (field " + String.join(" or ", fields)
                        + ")" + (rawName == null ? "" : " or as a body of type " + String.join(", ", rawTypes)));
            }
            Path target = slot(dir, 0, rawName);
            long size = copy(body, target, progress);
            if (size == 0) {
                throw new Http.BadRequest(400, "the upload is empty");
            }
            return List.of(new Part("body", rawName, target, size));
        } catch (LimitedInputStream.TooLarge e) {
            drainRest(req);
            throw tooLarge(maxBytes);
        } catch (FileUploadException e) {
            Throwable cause = e.getCause();
            if (cause instanceof LimitedInputStream.TooLarge) {
                drainRest(req);
                throw tooLarge(maxBytes);
            }
            throw new Http.BadRequest(400, "the upload is not valid multipart/form-data: " + e.getMessage());
        }
    }

    private static List<Part> multipart(HttpServletRequest req, InputStream body, Path dir, Set<String> fields,
            LongConsumer progress) throws IOException, FileUploadException {
        FileUpload upload = new FileUpload();
        upload.setFileCountMax(MAX_FILES * 2L);
        List<Part> parts = new ArrayList<>();
        FileItemIterator items = upload.getItemIterator(new Context(req, body));
        long[] before = {0};
        while (items.hasNext()) {
            FileItemStream item = items.next();
            if (item.isFormField()) {
                try (InputStream in = item.openStream()) {
                    in.transferTo(OutputStream.nullOutputStream()); // other form fields carry nothing we use
                }
                continue;
            }
            if (!fields.contains(item.getFieldName())) {
                throw new Http.BadRequest(400, "unexpected upload field '" + item.getFieldName() + "'; use "
                        + String.join(" or ", fields));
            }
            if (parts.size() >= MAX_FILES) {
                throw new Http.BadRequest(400, "at most " + MAX_FILES + " files per upload");
            }
            String name = sanitise(item.getName());
            Path target = slot(dir, parts.size(), name);
            long base = before[0];
            long size;
            try (InputStream in = item.openStream()) {
                size = copy(in, target, n -> progress.accept(base + n));
            }
            before[0] += size;
            parts.add(new Part(item.getFieldName(), name, target, size));
        }
        if (parts.isEmpty()) {
            throw new Http.BadRequest(400, "the upload holds no file (field " + String.join(" or ", fields) + ")");
        }
        return parts;
    }

    private static Path slot(Path dir, int index, String name) throws IOException {
        Path folder = dir.resolve(String.valueOf(index));
        Files.createDirectories(folder);
        return folder.resolve(name);
    }

    private static long copy(InputStream in, Path target, LongConsumer progress) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try (OutputStream out = Files.newOutputStream(target)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                out.write(buffer, 0, n);
                total += n;
                progress.accept(total);
            }
        }
        return total;
    }

    /**
     * A file name from a client, reduced to a safe base name: no folders, no control or special
     * characters, not hidden, at most 100 characters.
     */
    static String sanitise(String name) {
        String n = name == null ? "" : name;
        n = n.substring(Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\')) + 1);
        n = n.replaceAll("[^\\p{L}\\p{N}._ -]", "_").strip();
        while (n.startsWith(".")) {
            n = n.substring(1);
        }
        if (n.length() > 100) {
            n = n.substring(n.length() - 100);
        }
        return n.isEmpty() ? "upload" : n;
    }

    private static Http.BadRequest tooLarge(long maxBytes) {
        return new Http.BadRequest(413, "the upload is larger than the limit of " + megabytes(maxBytes));
    }

    static String megabytes(long bytes) {
        return bytes % (1L << 20) == 0 ? (bytes >> 20) + " MB" : bytes + " bytes";
    }

    /** Reads and drops a body of up to {@link #DRAIN_MAX} bytes (unknown length: up to that much). */
    static void drain(HttpServletRequest req, long declared) {
        if (declared <= DRAIN_MAX) {
            drainRest(req);
        }
    }

    static void drainRest(HttpServletRequest req) {
        try (InputStream in = new LimitedInputStream(req.getInputStream(), DRAIN_MAX)) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            // too much or a broken connection: the server closes it after the answer
        }
    }

    /** The request as Commons FileUpload sees it, reading our limited stream. */
    private record Context(HttpServletRequest req, InputStream body) implements UploadContext {
        @Override
        public String getCharacterEncoding() {
            return req.getCharacterEncoding();
        }

        @Override
        public String getContentType() {
            return req.getContentType();
        }

        @Override
        @Deprecated
        public int getContentLength() {
            return req.getContentLength();
        }

        @Override
        public long contentLength() {
            return req.getContentLengthLong();
        }

        @Override
        public InputStream getInputStream() {
            return body;
        }
    }
}
