package io.signdx.cli.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.function.ToIntFunction;

import io.signdx.api.ingest.BulkImport;
import io.signdx.api.ingest.ReadReport;
import io.signdx.api.ingest.SignInReadException;
import io.signdx.api.ingest.SignInReader;
import io.signdx.api.ingest.SignInStore;
import io.signdx.api.ingest.StoreResult;
import io.signdx.api.model.SignIn;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code signdx import FILE... [--strict]}: reads export files into the embedded store in atomic batches.
 * Importing a file again adds nothing. A bad record is reported and skipped; with {@code --strict} a
 * file with any bad record is checked completely first and nothing of it is stored.
 */
@Component(service = ToIntFunction.class, property = {"signdx.command=import",
        "signdx.command.summary=import export files into the embedded store [--strict]"})
public final class ImportCommand extends Command {
    static final int BATCH = 5000;
    /**
     * Sign-ins per transaction: a commit writes every index page its rows touched, so twenty batches in one
     * transaction cost the store little more than one (DESIGN §10 import; docs/performance.md). A crash loses
     * at most the sign-ins since the last commit, and importing the file again adds exactly those.
     */
    static final int COMMIT = 100_000;
    private static final long PROGRESS_NANOS = 500_000_000L;

    private final SignInReader reader;
    private final SignInStore store;
    private final PrintStream err;
    private final boolean terminal;
    private final int commitEvery;

    @Activate
    public ImportCommand(@Reference SignInReader reader, @Reference SignInStore store) {
        this(reader, store, System.out, System.err, System.console() != null, COMMIT);
    }

    ImportCommand(SignInReader reader, SignInStore store, PrintStream out, PrintStream err, boolean terminal,
            int commitEvery) {
        super(out, err);
        this.reader = reader;
        this.store = store;
        this.err = err;
        this.terminal = terminal;
        this.commitEvery = commitEvery;
    }

    @Override
    String name() {
        return "import";
    }

    @Override
    String usage() {
        return "usage: signdx import FILE... [--strict]\n"
                + "  FILE: a Graph, Entra portal (JSON/CSV), Log Analytics or Azure Monitor export, gzip allowed\n"
                + "  --strict: a file with any unreadable record is not imported at all";
    }

    /** One file into the store, with progress on a terminal. */
    private final class Loader implements AutoCloseable {
        final String file;
        final BulkImport load = new BulkImport(store, BATCH, commitEvery);
        long lastProgress = System.nanoTime();

        Loader(String file) {
            this.file = file;
        }

        void accept(SignIn s) {
            load.accept(s);
            if (terminal && System.nanoTime() - lastProgress > PROGRESS_NANOS) {
                lastProgress = System.nanoTime();
                err.print("\r" + file + ": " + load.read() + " read, " + load.added().stored() + " stored ");
                err.flush();
            }
        }

        /** Stores and commits what was read (also when reading failed: those sign-ins were read well). */
        void commit() {
            load.flush();
            load.commit();
        }

        @Override
        public void close() {
            load.close();
        }
    }

    @Override
    int run(Args args) {
        args.check(Set.of(), Set.of("strict"));
        if (args.positional().isEmpty()) {
            throw new UsageException("name at least one file to import");
        }
        boolean strict = args.flag("strict");
        int failedFiles = 0;
        long totalRead = 0;
        long totalStored = 0;
        long totalDuplicates = 0;
        long totalRejected = 0;
        long start = System.nanoTime();
        for (String f : args.positional()) {
            Path path = Path.of(f);
            Loader loader = new Loader(path.getFileName() == null ? f : path.getFileName().toString());
            try {
                if (!Files.isRegularFile(path)) {
                    throw new SignInReadException(f + ": no such file");
                }
                if (strict) {
                    reader.read(path, true, s -> { }); // check everything before storing anything
                }
                ReadReport report = reader.read(path, false, loader::accept);
                loader.commit();
                clearProgress();
                StoreResult done = loader.load.committed();
                out().println(report.file() + ": " + report.format() + "; " + report.read() + " read, "
                        + done.stored() + " stored, " + done.duplicates() + " already stored, "
                        + report.rejectedCount() + " rejected");
                report.rejected().stream().limit(10).forEach(r -> out().println("  rejected " + r));
                if (report.rejectedCount() > 10) {
                    out().println("  … and " + (report.rejectedCount() - 10) + " more");
                }
                totalRejected += report.rejectedCount();
            } catch (SignInReadException | IOException e) {
                // the sign-ins read before the problem were read well: they are kept, as the message says
                loader.commit();
                clearProgress();
                failedFiles++;
                int kept = loader.load.committed().stored();
                err.println("signdx import: " + (e instanceof IOException ? f + ": " : "") + e.getMessage()
                        + (kept > 0 ? " (" + kept + " sign-ins read before the problem were stored)"
                                : " (nothing of this file was stored)"));
            } finally {
                loader.close();
            }
            StoreResult done = loader.load.committed();
            totalRead += loader.load.read();
            totalStored += done.stored();
            totalDuplicates += done.duplicates();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        out().println("total: " + totalRead + " read, " + totalStored + " stored, " + totalDuplicates
                + " already stored, " + totalRejected + " rejected, " + failedFiles + " file(s) failed, in "
                + took.toMillis() / 1000.0 + " s; the store holds " + store.size() + " sign-ins");
        return failedFiles == 0 ? OK : USAGE;
    }

    private void clearProgress() {
        if (terminal) {
            err.print("\r\033[K");
            err.flush();
        }
    }
}
