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
}
