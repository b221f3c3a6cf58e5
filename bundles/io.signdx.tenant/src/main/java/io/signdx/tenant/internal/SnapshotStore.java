package io.signdx.tenant.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import io.signdx.api.tenant.TenantLoadException;
import io.signdx.api.tenant.TenantLoader;
import io.signdx.api.tenant.TenantLoader.Snapshot;
import io.signdx.api.tenant.TenantSnapshots;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tenant snapshot the product holds: the files in {@code <home>/data/tenant/}, read on first use and
 * kept. Installing reads the new files first; only when they load are they copied into a fresh folder
 * beside the current one ({@code tenant.new-…}), which then replaces it by two renames (current →
 * {@code tenant.old-…}, new → current). A crash leaves either the old folder or the new one complete:
 * whatever is left over is put right on the next use (a missing current folder is restored from the old
 * one; half-written new folders and old ones are removed). A lock file keeps two processes on one home
 * (the console and a command) from installing at once. Thread-safe.
 */
@Component(service = TenantSnapshots.class)
public final class SnapshotStore implements TenantSnapshots {
    private static final Logger LOG = LoggerFactory.getLogger(SnapshotStore.class);
    static final String NEW_PREFIX = "tenant.new-";
    static final String OLD_PREFIX = "tenant.old-";

    private final Path folder;
    private final TenantLoader loader;
    private final Object lock = new Object();
    /** How often current() looks whether another process installed a snapshot. */
    private final long recheckNanos;
    /** Null until first read; then the current snapshot, empty when there is none. */
    private volatile Optional<Snapshot> current;
    /** Which folder the current snapshot was read from (null: none), and when that was last looked at. */
    private volatile Object currentFolder;
    private volatile long checkedAt;

    /** The store of the product's home (framework property {@code signdx.home}, else the working folder). */
    @Activate
    public SnapshotStore(BundleContext context, @Reference(name = "loader") TenantLoader loader) {
        this(home(context).resolve("data").resolve("tenant"), loader);
    }

    /** A store of the given folder; tests use this one. */
    public SnapshotStore(Path folder, TenantLoader loader) {
        this(folder, loader, java.time.Duration.ofSeconds(2));
    }

    /** A store that looks for another process's install at most every {@code recheck}. */
    SnapshotStore(Path folder, TenantLoader loader, java.time.Duration recheck) {
        this.folder = folder.toAbsolutePath().normalize();
        this.loader = loader;
        this.recheckNanos = recheck.toNanos();
    }

    private static Path home(BundleContext context) {
        String home = context.getProperty("signdx.home");
        return Path.of(home == null || home.isBlank() ? "." : home).toAbsolutePath().normalize();
    }

    /** The folder the current snapshot lives in. */
    Path folder() {
        return folder;
    }

    /**
     * The current snapshot. An install by another process (the command line while the console runs) replaces
     * the folder as a whole, so a folder that is not the one read last means a new snapshot: it is read then,
     * looked for at most every couple of seconds (one file-system query), so that callers may ask often.
     */
    @Override
    public Optional<Snapshot> current() {
        Optional<Snapshot> c = current;
        if (c != null && System.nanoTime() - checkedAt < recheckNanos) {
            return c;
        }
        synchronized (lock) {
            Object seen = identity();
            if (current == null || !java.util.Objects.equals(seen, currentFolder)) {
                if (current != null) {
                    LOG.info("the tenant snapshot in {} was replaced by another process: reading it", folder);
                }
                // the identity seen before reading: a swap while reading is then seen on the next look
                current = readCurrent();
                currentFolder = seen;
            }
            checkedAt = System.nanoTime();
            return current;
        }
    }

    /**
     * What tells one installed folder from the next: its file key (the inode, where the file system has one)
     * and its modification time; null when there is no folder.
     */
    private Object identity() {
        try {
            java.nio.file.attribute.BasicFileAttributes a = Files.readAttributes(folder,
                    java.nio.file.attribute.BasicFileAttributes.class);
            return java.util.Arrays.asList(a.fileKey(), a.lastModifiedTime(), a.creationTime());
        } catch (IOException e) {
            return null;
        }
    }

    private Optional<Snapshot> readCurrent() {
        try (FileChannel l = lockFile()) {
            recover();
        } catch (IOException e) {
            LOG.warn("could not check the tenant snapshot folder {}: {}", folder, e.getMessage());
        }
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        try {
            Snapshot s = loader.load(List.of(folder));
            LOG.info("tenant snapshot from {}: {} file(s), {} warning(s), missing {}", folder, s.files().size(),
                    s.warnings().size(), s.missing());
            return Optional.of(s);
        } catch (TenantLoadException e) {
            // the product works without a snapshot; the message says what to put right
            LOG.error("the tenant snapshot in {} cannot be read: {}", folder, e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public Snapshot install(List<Path> paths) throws TenantLoadException {
        synchronized (lock) {
            loader.load(paths);
            Path parent = folder.getParent();
            Path fresh = null;
            try {
                Files.createDirectories(parent);
                try (FileChannel l = lockFile()) {
                    recover();
                    fresh = parent.resolve(NEW_PREFIX + UUID.randomUUID());
                    Files.createDirectory(fresh);
                    copy(paths, fresh);
                    Snapshot stored = loader.load(List.of(fresh));
                    swap(fresh);
                    fresh = null;
                    current = Optional.of(stored);
                    currentFolder = identity();
                    checkedAt = System.nanoTime();
                    LOG.info("installed a tenant snapshot in {}: {} file(s), missing {}", folder, stored.files().size(),
                            stored.missing());
                    return stored;
                }
            } catch (IOException e) {
                throw new TenantLoadException("could not store the tenant snapshot in " + folder + ": " + e
                        + "; the current snapshot is unchanged", e);
            } finally {
                if (fresh != null) {
                    deleteQuietly(fresh);
                }
            }
        }
    }

    /** Copies each file to its label below the fresh folder, so that the copy reads back alike. */
    private static void copy(List<Path> paths, Path fresh) throws IOException {
        for (SnapshotFiles.Source s : SnapshotFiles.list(paths)) {
            if (s.file() == null) {
                continue;
            }
            Path target = fresh.resolve(s.label()).normalize();
            if (!target.startsWith(fresh)) {
                throw new IOException("a file name leads outside the snapshot folder: " + s.label());
            }
            Files.createDirectories(target.getParent());
            Files.copy(s.file(), target, StandardCopyOption.COPY_ATTRIBUTES);
            try (FileChannel c = FileChannel.open(target, StandardOpenOption.WRITE)) {
                c.force(true);
            }
        }
    }

    private void swap(Path fresh) throws IOException {
        Path old = null;
        if (Files.exists(folder)) {
            old = folder.resolveSibling(OLD_PREFIX + UUID.randomUUID());
            Files.move(folder, old, StandardCopyOption.ATOMIC_MOVE);
        }
        try {
            Files.move(fresh, folder, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (old != null) {
                Files.move(old, folder, StandardCopyOption.ATOMIC_MOVE);
            }
            throw e;
        }
        if (old != null) {
            deleteQuietly(old);
        }
    }

    /** Puts right what an interrupted install left behind. Called with the lock held. */
    void recover() throws IOException {
        Path parent = folder.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            return;
        }
        List<Path> olds = new ArrayList<>();
        List<Path> fresh = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(parent, "tenant.*-*")) {
            for (Path p : s) {
                String name = p.getFileName().toString();
                if (name.startsWith(OLD_PREFIX)) {
                    olds.add(p);
                } else if (name.startsWith(NEW_PREFIX)) {
                    fresh.add(p);
                }
            }
        }
        if (!Files.exists(folder) && !olds.isEmpty()) {
            // the install stopped between its two renames: the previous snapshot comes back
            olds.sort(Comparator.comparing(p -> lastModified(p)));
            Path back = olds.remove(olds.size() - 1);
            Files.move(back, folder, StandardCopyOption.ATOMIC_MOVE);
            LOG.warn("an interrupted install of a tenant snapshot was undone: {} is the current snapshot again", folder);
        }
        for (Path p : olds) {
            deleteQuietly(p);
        }
        for (Path p : fresh) {
            deleteQuietly(p);
        }
    }

    private static long lastModified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    /** The channel of the lock file, locked; closing it releases the lock. */
    private FileChannel lockFile() throws IOException {
        Files.createDirectories(folder.getParent());
        FileChannel channel = FileChannel.open(folder.resolveSibling(".tenant.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        try {
            channel.lock();
            return channel;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private static void deleteQuietly(Path p) {
        try (Stream<Path> s = Files.walk(p)) {
            for (Path each : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(each);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("could not remove {} (it is removed on a later install): {}", p, e.getMessage());
        }
    }
}
