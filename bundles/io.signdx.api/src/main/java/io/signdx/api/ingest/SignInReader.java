package io.signdx.api.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

import io.signdx.api.model.SignIn;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Reads sign-in export files of every supported format, streaming: records are handed to the
 * consumer one by one as they are read, so a file of any size reads in bounded memory. gzip, UTF-8
 * with or without BOM and UTF-16 with BOM are recognised by their bytes. Provided by the platform.
 */
@ProviderType
public interface SignInReader {

    /**
     * Reads one file.
     *
     * @param file the file
     * @param strict when true, the first bad record fails the whole file (the consumer may already
     *        have received earlier records: callers that store must stage them and discard on failure)
     * @param sink receives each sign-in read
     * @return what was read and what was rejected
     * @throws SignInReadException when the file cannot be read at all, or in strict mode a record is bad
     * @throws IOException when the file cannot be opened
     */
    ReadReport read(Path file, boolean strict, Consumer<SignIn> sink) throws SignInReadException, IOException;

    /**
     * Reads one file for a caller that looks only at the sign-ins' fields and never shows or stores the
     * record as written (counting, bulk diagnosis): {@link SignIn#raw()} may then be {@code null}. Keeping
     * each record's text costs a copy of the whole file in memory, a little at a time; without it a
     * large export reads faster in a small heap. Everything else is as {@link #read}.
     *
     * @since 1.1
     */
    default ReadReport readFields(Path file, boolean strict, Consumer<SignIn> sink)
            throws SignInReadException, IOException {
        return read(file, strict, sink);
    }
}
