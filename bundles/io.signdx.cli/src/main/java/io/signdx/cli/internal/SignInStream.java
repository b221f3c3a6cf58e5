package io.signdx.cli.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

import io.signdx.api.ingest.ReadReport;
import io.signdx.api.ingest.SignInReadException;
import io.signdx.api.ingest.SignInReader;
import io.signdx.api.model.SignIn;
import io.signdx.api.source.Page;
import io.signdx.api.source.SignInQuery;
import io.signdx.api.source.SignInSource;

/**
 * Sign-ins for a lint or a replay, handed out one at a time so that any number of them fits in a small
 * heap: export files are read by a reader thread into a short queue (the reader pushes, the lint and the
 * replay pull), the store is paged. Each {@link #iterator()} reads from the start again. Problems with the
 * input surface in the consuming thread as {@link Command.UsageException}s naming the file.
 */
final class SignInStream implements Iterable<SignIn>, AutoCloseable {
    static final int PAGE = 5000;
    private static final int QUEUE = 1024;
    private static final Object END = new Object();

    private final Source source;
    private final AtomicLong count = new AtomicLong();
    private final List<Thread> readers = Collections.synchronizedList(new ArrayList<>());

    private interface Source {
        Iterator<SignIn> open(SignInStream stream);
    }

    private SignInStream(Source source) {
        this.source = source;
    }

    /** The sign-ins of export files, in file order; unreadable records are reported on stderr and skipped. */
    static SignInStream files(SignInReader reader, List<String> files, String command, PrintStream err) {
        List<Path> paths = new ArrayList<>();
        for (String f : files) {
            Path p = Path.of(f);
            if (!Files.isRegularFile(p)) {
                throw new Command.UsageException(f + ": no such file");
            }
            paths.add(p);
        }
        return new SignInStream(stream -> stream.read(reader, paths, command, err));
    }

    /** Every sign-in of the sources (the embedded store), page by page. */
    static SignInStream sources(List<SignInSource> sources) {
        return new SignInStream(stream -> new Paged(sources));
    }

    /** How many sign-ins were handed out so far. */
    long count() {
        return count.get();
    }

    @Override
    public Iterator<SignIn> iterator() {
        Iterator<SignIn> it = source.open(this);
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public SignIn next() {
                SignIn s = it.next();
                count.incrementAndGet();
                return s;
            }
        };
    }

    /** Stops reader threads still running (the consumer gave up early). */
    @Override
    public void close() {
        synchronized (readers) {
            readers.forEach(Thread::interrupt);
        }
    }

    /** Thrown inside the reader thread to unwind the file reader when the consumer is gone. */
    private static final class Cancelled extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    private Iterator<SignIn> read(SignInReader reader, List<Path> paths, String command, PrintStream err) {
        BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUE);
        Thread t = new Thread(() -> {
            Object last = END;
            try {
                for (Path p : paths) {
                    ReadReport report = reader.readFields(p, false, s -> {
                        try {
                            queue.put(s);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            throw new Cancelled();
                        }
                    });
                    if (report.rejectedCount() > 0) {
                        err.println("signdx " + command + ": " + report.file() + ": " + report.rejectedCount()
                                + " record(s) could not be read and were skipped; first: " + report.rejected().get(0));
                    }
                }
            } catch (Cancelled e) {
                return;
            } catch (SignInReadException e) {
                last = new Command.UsageException(e.getMessage());
            } catch (IOException e) {
                last = new Command.UsageException("cannot read the input: " + e.getMessage());
            } catch (RuntimeException e) {
                last = e;
            }
            try {
                queue.put(last);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "signdx-" + command + "-reader");
        t.setDaemon(true);
        readers.add(t);
        t.start();
        return new Iterator<>() {
            private Object next;

            @Override
            public boolean hasNext() {
                if (next == null) {
                    try {
                        next = queue.take();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        t.interrupt();
                        throw new IllegalStateException("interrupted while reading the input", e);
                    }
                }
                if (next instanceof RuntimeException e) {
                    throw e;
                }
                return next != END;
            }

            @Override
            public SignIn next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                SignIn s = (SignIn) next;
                next = null;
                return s;
            }
        };
    }

    /** Pages through each source in turn. */
    private static final class Paged implements Iterator<SignIn> {
        private final Iterator<SignInSource> sources;
        private SignInSource current;
        private int offset;
        private boolean more;
        private Iterator<SignIn> page = Collections.emptyIterator();

        Paged(List<SignInSource> sources) {
            this.sources = sources.iterator();
        }

        @Override
        public boolean hasNext() {
            while (!page.hasNext()) {
                if (current == null || !more) {
                    if (!sources.hasNext()) {
                        return false;
                    }
                    current = sources.next();
                    offset = 0;
                }
                Page<SignIn> p = current.query(SignInQuery.all().withPage(offset, PAGE));
                offset += p.items().size();
                more = p.hasMore() && !p.items().isEmpty();
                page = p.items().iterator();
            }
            return true;
        }

        @Override
        public SignIn next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return page.next();
        }
    }
}
