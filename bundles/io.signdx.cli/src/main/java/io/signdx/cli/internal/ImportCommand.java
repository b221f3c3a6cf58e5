package io.signdx.cli.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.ToIntFunction;

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

    /** Batches what one file gives, and shows progress on a terminal. */
    private final class Loader implements AutoCloseable {
        final String file;
        final List<SignIn> batch = new ArrayList<>(BATCH);
        final SignInStore.Bulk bulk = store.bulk();
        long read;
        /** Committed. */
        long stored;
        long duplicates;
        /** Added since the last commit. */
        long pendingStored;
        long pendingDuplicates;
        long pendingRead;
        long lastProgress = System.nanoTime();

        Loader(String file) {
            this.file = file;
        }

        void accept(SignIn s) {
            read++;
            batch.add(s);
            if (batch.size() == BATCH) {
                flush();
            }
            if (terminal && System.nanoTime() - lastProgress > PROGRESS_NANOS) {
                lastProgress = System.nanoTime();
                err.print("\r" + file + ": " + read + " read, " + (stored + pendingStored) + " stored ");
                err.flush();
            }
        }

        void flush() {
            if (!batch.isEmpty()) {
                StoreResult r = bulk.add(batch);
                pendingStored += r.stored();
                pendingDuplicates += r.duplicates();
                pendingRead += batch.size();
                batch.clear();
                if (pendingRead >= commitEvery) {
                    commit();
                }
            }
        }

        /** What was added is durable and counted. */
        void commit() {
            bulk.commit();
            stored += pendingStored;
            duplicates += pendingDuplicates;
            pendingStored = 0;
            pendingDuplicates = 0;
            pendingRead = 0;
        }

        /** Commits what was added (also when reading failed: those sign-ins were read well) and ends the write. */
        @Override
        public void close() {
            try {
                commit();
            } finally {
                bulk.close();
            }
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
                loader.flush();
                loader.commit();
                clearProgress();
                out().println(report.file() + ": " + report.format() + "; " + report.read() + " read, "
                        + loader.stored + " stored, " + loader.duplicates + " already stored, "
                        + report.rejectedCount() + " rejected");
                report.rejected().stream().limit(10).forEach(r -> out().println("  rejected " + r));
                if (report.rejectedCount() > 10) {
                    out().println("  … and " + (report.rejectedCount() - 10) + " more");
                }
                totalRejected += report.rejectedCount();
            } catch (SignInReadException | IOException e) {
                // the sign-ins read before the problem were read well: they are kept, as the message says
                loader.flush();
                loader.commit();
                clearProgress();
                failedFiles++;
                err.println("signdx import: " + (e instanceof IOException ? f + ": " : "") + e.getMessage()
                        + (loader.stored > 0 ? " (" + loader.stored + " sign-ins read before the problem were stored)"
                                : " (nothing of this file was stored)"));
            } finally {
                loader.close();
            }
            totalRead += loader.read;
            totalStored += loader.stored;
            totalDuplicates += loader.duplicates;
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
