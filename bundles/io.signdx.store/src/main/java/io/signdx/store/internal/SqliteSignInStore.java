package io.signdx.store.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

import io.signdx.api.ingest.SignInStore;
import io.signdx.api.ingest.StoreResult;
import io.signdx.api.model.SignIn;
import io.signdx.api.source.Page;
import io.signdx.api.source.SignInQuery;
import io.signdx.api.source.SignInSource;
import io.signdx.api.source.SignInSourceException;
import io.signdx.source.file.graph.GraphJson;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sign-ins in an embedded SQLite database ({@code data/signins.db}) in WAL mode. SQLite was chosen over
 * H2 after measuring both here: under kill -9 during inserts SQLite (WAL) never lost a committed row or
 * showed a partial transaction, and a one-shot {@code signdx import} may write while the console holds
 * the same file. Each batch is one {@code BEGIN IMMEDIATE} transaction. The searchable values are small
 * indexed columns, each sign-in is stored once, compressed, and read back only for the page shown; filters
 * and counts are pushed down as SQL ({@link Layout} describes the tables).
 */
@Component(service = {SignInStore.class, SignInSource.class},
        property = SignInSource.NAME_PROPERTY + "=embedded store")
public final class SqliteSignInStore implements SignInStore, SignInSource {
    private static final Logger LOG = LoggerFactory.getLogger(SqliteSignInStore.class);
    /** A dictionary made from a smaller batch than this is replaced by one made from the next larger batch. */
    private static final int WELL_TRAINED = 1000;
    /**
     * Rows per INSERT statement: one statement for many rows runs SQLite's statement machine, and crosses into
     * native code to step and reset it, once instead of for every row.
     */
    static final int ROWS_PER_INSERT = 50;
    /**
     * How long a writer waits for another process's transaction: a bulk import holds SQLite's write lock for up to
     * 100,000 sign-ins (≈ 6 s on 2 cores, more on a slow disk); readers never wait in WAL mode.
     */
    private static final int BUSY_TIMEOUT_MILLIS = 60_000;
    /** Rows the upgrade from layout 2 reads, repacks and writes at a time. */
    private static final int UPGRADE_CHUNK = 5000;

    private final Path file;
    private final Connection writer;
    private final Connection reader;
    private final Terms terms = new Terms();
    // used only under the store's lock (every method that touches them is synchronized), the worker's packer only by
    // tasks that the store's methods wait for
    private final Packer packer = new Packer();
    private final Packer workerPacker = new Packer();
    private final ExecutorService worker;
    private final Map<Long, CompressionDictionary> dictionaries = new HashMap<>();
    /** Dictionaries of rolled-back transactions: a packer may still point at one, so they are closed last. */
    private final List<CompressionDictionary> retired = new ArrayList<>();
    /** INSERT statements by their number of rows. */
    private final Map<Integer, PreparedStatement> inserts = new HashMap<>();
    /** The dictionary new rows are packed with, and how many sign-ins it was made from. */
    private CompressionDictionary dictionary;
    private int dictionaryRecords;
    /** Dictionaries added in the open write transaction (a bulk write may add more than one). */
    private final List<CompressionDictionary> uncommittedDictionaries = new ArrayList<>();
    /**
     * One writer at a time, held by {@link #store} for one batch and by a {@link SqliteBulk} from its start to its
     * end, across calls; taken before the store's monitor, which queries take alone between a bulk write's batches.
     */
    private final ReentrantLock writing = new ReentrantLock();

    @Activate
    public SqliteSignInStore(BundleContext context) {
        this(homeData(context).resolve("signins.db"));
    }

    SqliteSignInStore(Path file) {
        this(file, BUSY_TIMEOUT_MILLIS);
    }

    /** @param busyMillis how long a writer waits for another process's transaction (tests wait less) */
    SqliteSignInStore(Path file, int busyMillis) {
        this.file = file;
        worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "signdx-store-pack " + file.getFileName());
            t.setDaemon(true);
            return t;
        });
        Connection w = null;
        Connection r = null;
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            SQLiteConfig config = new SQLiteConfig();
            // NORMAL in WAL mode: a commit survives a process crash; only an OS crash may lose the last ones
            config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
            config.setBusyTimeout(busyMillis);
            config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
            config.setTempStore(SQLiteConfig.TempStore.MEMORY);
            // The driver otherwise prepares and runs "SELECT last_insert_rowid()" after every INSERT, in case
            // getGeneratedKeys is called (it never is here): that doubled the cost of a row.
            config.setGetGeneratedKeys(false);
            SQLiteDataSource source = new SQLiteDataSource(config);
            source.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
            w = source.getConnection();
            r = source.getConnection();
            try (Statement s = w.createStatement()) {
                // A new file only: the page size must be set before the file switches to WAL.
                s.execute("PRAGMA page_size=8192");
                s.execute("PRAGMA journal_mode=WAL");
                // Per connection: the random-order indexes (duplicate key, correlation id) need their pages at
                // hand when a million rows are in (2 MB by default); a checkpoint every 32 MB of WAL instead of 8.
                s.execute("PRAGMA cache_size=-98304");
                s.execute("PRAGMA wal_autocheckpoint=4000");
                s.execute("PRAGMA journal_size_limit=67108864");
            }
            try (Statement s = r.createStatement()) {
                s.execute("PRAGMA cache_size=-32768");
            }
        } catch (SQLException | IOException e) {
            abandon(w, r);
            throw new IllegalStateException("cannot open the sign-in store " + file + ": " + e.getMessage(), e);
        }
        writer = w;
        reader = r;
        try {
            prepare();
        } catch (SQLException | RuntimeException e) {
            abandon(w, r);
            throw new IllegalStateException("cannot open the sign-in store " + file + ": " + e.getMessage(), e);
        }
    }

    /** After a failed start: nothing stays open, and nothing here hides why the start failed. */
    private void abandon(Connection w, Connection r) {
        if (!stopWorker()) {
            // its chunk still uses the native contexts: better not freed (a few MB) than freed while in use
            LOG.warn("the sign-in store's packing thread did not stop after a failed start");
            return;
        }
        for (Connection c : new Connection[] {r, w}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (SQLException e) {
                LOG.warn("closing the sign-in store after a failed start: {}", e.getMessage());
            }
        }
        try {
            closeNative();
        } catch (RuntimeException e) {
            LOG.warn("freeing the sign-in store's compression memory after a failed start: {}", e.getMessage());
        }
    }

    /** Stops the packing thread, waiting for a chunk it is packing; false when it did not stop. */
    private boolean stopWorker() {
        worker.shutdownNow();
        try {
            return worker.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Path homeData(BundleContext context) {
        String home = context.getProperty("signdx.home");
        return Path.of(home == null ? "." : home).toAbsolutePath().resolve("data");
    }

    /** Creates the tables of a new store, upgrades one of an earlier layout, refuses one of a later layout. */
    private void prepare() throws SQLException {
        int version = Layout.version(writer);
        if (version == Layout.VERSION) {
            return;
        }
        if (version > Layout.VERSION) {
            throw new SQLException("the store was written by a newer SignDx (layout " + version + "; this version "
                    + "reads layout " + Layout.VERSION + "). Use that version, or move " + file.getFileName()
                    + " away and import the exports again");
        }
        writer.setAutoCommit(false); // BEGIN IMMEDIATE: another process may be preparing the same file
        try {
            version = Layout.version(writer);
            if (version == 0) {
                create();
            } else if (version == 1) {
                upgradeFromVersion1();
            } else if (version == 2) {
                upgradeFromVersion2();
            }
            writer.commit();
            committed();
        } catch (SQLException | RuntimeException e) {
            rollback();
            boolean upgrade = version > 0 && version < Layout.VERSION;
            throw new SQLException((upgrade ? "upgrading the store from layout " + version + " to layout "
                    + Layout.VERSION + " failed, nothing was changed (" : "") + e.getMessage() + (upgrade ? ")" : ""), e);
        } finally {
            writer.setAutoCommit(true);
        }
    }

    private void create() throws SQLException {
        try (Statement s = writer.createStatement()) {
            s.executeUpdate(Layout.SCHEMA);
            s.execute("PRAGMA user_version=" + Layout.VERSION);
        }
    }

    /**
     * Layout 1 to the current one in the caller's transaction: the old table is renamed, the new tables are made,
     * every old row is read back (deflated Graph JSON and raw record) and stored anew, the old table goes. A crash or
     * an error rolls all of it back; the old store is then untouched.
     */
    private void upgradeFromVersion1() throws SQLException {
        long rows;
        try (Statement s = writer.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM signins")) {
                rows = rs.getLong(1);
            }
            LOG.info("upgrading the sign-in store {} ({} sign-ins) from layout 1 to layout {}", file, rows,
                    Layout.VERSION);
            for (String index : Layout.VERSION_1_INDEXES) {
                s.execute("DROP INDEX IF EXISTS " + index);
            }
            s.execute("ALTER TABLE signins RENAME TO signins_v1");
        }
        create();
        long done = 0;
        try (Statement s = writer.createStatement();
                ResultSet rs = s.executeQuery("SELECT rowid, body, raw FROM signins_v1 ORDER BY rowid");
                Version1 old = new Version1()) {
            List<SignIn> batch = new ArrayList<>();
            while (rs.next()) {
                byte[] raw = rs.getBytes(3);
                try {
                    batch.add(GraphJson.fromJson(old.inflate(rs.getBytes(2)), raw == null ? null : old.inflate(raw),
                            "store"));
                } catch (IllegalStateException | IllegalArgumentException e) {
                    throw new SQLException("the sign-in in row " + rs.getLong(1) + " cannot be read: " + e.getMessage(),
                            e);
                }
                if (batch.size() == UPGRADE_CHUNK) {
                    done += insert(batch);
                    batch.clear();
                }
            }
            done += insert(batch);
        }
        try (Statement s = writer.createStatement()) {
            s.execute("DROP TABLE signins_v1");
        }
        if (done != rows) {
            throw new SQLException("the upgrade kept " + done + " of " + rows + " sign-ins");
        }
        LOG.info("upgraded the sign-in store {}: {} sign-ins", file, done);
    }

    /**
     * Layout 2 to 3 in the caller's transaction: the rows stay (their numbers, searchable columns and indexes), only
     * each row's stored sign-in is read with layout 2's dictionary and codec and written again with a zstd
     * dictionary made from the first rows; layout 2's dictionaries go. A sign-in layout 2 kept as its raw record alone
     * is read through the file reader's mapping, as layout 2 did on every query, and now keeps its fields. A crash or
     * an error rolls all of it back; the old store is then untouched and readable by the version that wrote it.
     */
    private void upgradeFromVersion2() throws SQLException {
        long rows;
        long lastOldDictionary;
        Map<Long, byte[]> old = new HashMap<>();
        try (Statement s = writer.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM signins")) {
                rows = rs.getLong(1);
            }
            try (ResultSet rs = s.executeQuery("SELECT id, bytes FROM dictionaries")) {
                while (rs.next()) {
                    old.put(rs.getLong(1), rs.getBytes(2));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT coalesce(max(id), 0) FROM dictionaries")) {
                lastOldDictionary = rs.getLong(1);
            }
        }
        LOG.info("upgrading the sign-in store {} ({} sign-ins) from layout 2 to layout {}", file, rows, Layout.VERSION);
        GraphJson.RecordReader records = new GraphJson.RecordReader();
        long done = 0;
        long after = Long.MIN_VALUE;
        try (PreparedStatement select = writer.prepareStatement(
                "SELECT id, dict, data FROM signins WHERE id > ? ORDER BY id LIMIT " + UPGRADE_CHUNK);
                PreparedStatement update = writer.prepareStatement("UPDATE signins SET dict = ?, data = ? WHERE id = ?")) {
            while (true) {
                List<Long> ids = new ArrayList<>();
                List<SignIn> signIns = new ArrayList<>();
                select.setLong(1, after);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        long id = rs.getLong(1);
                        byte[] dict = old.get(rs.getLong(2));
                        try {
                            if (dict == null) {
                                throw new IllegalStateException("it refers to dictionary " + rs.getLong(2)
                                        + ", which the store does not hold");
                            }
                            signIns.add(Version2.unpack(rs.getBytes(3), dict, records));
                        } catch (IllegalStateException e) {
                            throw new SQLException("the sign-in in row " + id + " cannot be read: " + e.getMessage(), e);
                        }
                        ids.add(id);
                    }
                }
                if (ids.isEmpty()) {
                    break;
                }
                if (dictionary == null || dictionary.id <= lastOldDictionary) {
                    addDictionary(packer.train(signIns), signIns.size());
                }
                for (int i = 0; i < ids.size(); i++) {
                    update.setLong(1, dictionary.id);
                    update.setBytes(2, packer.pack(signIns.get(i), dictionary));
                    update.setLong(3, ids.get(i));
                    done += update.executeUpdate();
                }
                after = ids.get(ids.size() - 1);
            }
        }
        try (Statement s = writer.createStatement()) {
            s.executeUpdate("DELETE FROM dictionaries WHERE id <= " + lastOldDictionary);
            // A layout-2 process still running on this file keeps its prepared INSERT and its dictionary numbers,
            // which are gone now: with the column renamed, its next batch fails (and is rolled back) instead of
            // writing rows this layout cannot read.
            s.execute("ALTER TABLE signins RENAME COLUMN dict TO zdict");
            s.execute("PRAGMA user_version=" + Layout.VERSION);
        }
        if (done != rows) {
            throw new SQLException("the upgrade rewrote " + done + " of " + rows + " sign-ins");
        }
        LOG.info("upgraded the sign-in store {}: {} sign-ins", file, done);
    }

    @Deactivate
    synchronized void close() {
        // a task of a failed batch may still be packing its chunk: the native contexts stay until it is done
        boolean stopped = stopWorker();
        if (!stopped) {
            LOG.warn("the sign-in store's packing thread did not stop: its compression memory is not freed");
        }
        try {
            for (PreparedStatement ps : inserts.values()) {
                ps.close();
            }
            terms.close();
            reader.close();
            writer.close();
        } catch (SQLException e) {
            LOG.warn("closing the sign-in store: {}", e.getMessage());
        }
        if (stopped) {
            closeNative();
        }
    }

    /** Frees zstd's native memory: the contexts first, then the dictionaries they may point at. */
    private void closeNative() {
        packer.close();
        workerPacker.close();
        for (CompressionDictionary d : dictionaries.values()) {
            d.close();
        }
        for (CompressionDictionary d : retired) {
            d.close();
        }
        dictionaries.clear();
        retired.clear();
    }

    @Override
    public StoreResult store(List<SignIn> batch) {
        if (writing.isHeldByCurrentThread()) {
            throw new IllegalStateException("this thread has a bulk write open on " + file + ": add the batch to it");
        }
        if (batch.isEmpty()) {
            return new StoreResult(0, 0);
        }
        writing.lock();
        try {
            begin(batch.size());
            return storeBatch(batch);
        } finally {
            // never leave the write lock held between batches: other processes import too
            endTransaction();
            writing.unlock();
        }
    }

    private synchronized StoreResult storeBatch(List<SignIn> batch) {
        try {
            int stored = insert(batch);
            writer.commit();
            committed();
            return new StoreResult(stored, batch.size() - stored);
        } catch (SQLException | RuntimeException e) {
            rollback();
            throw new UncheckedIOException("cannot store " + batch.size() + " sign-ins in " + file + ": "
                    + e.getMessage() + " (nothing of this batch was kept)", new IOException(e));
        }
    }

    /**
     * BEGIN IMMEDIATE, under the writing lock but outside the store's monitor: waiting here for another process's
     * transaction (a bulk import's lasts seconds) must not hold up this process's queries.
     */
    private void begin(int batch) {
        try {
            writer.setAutoCommit(false);
        } catch (SQLException e) {
            // the driver marks the connection as in a transaction before it asks for one: undo that, or the next
            // begin would be skipped and rows would be written without a transaction
            endTransaction();
            throw new UncheckedIOException("cannot store " + batch + " sign-ins in " + file + ": " + e.getMessage()
                    + " (nothing of this batch was kept)", new IOException(e));
        }
    }

    /** Back to auto-commit, which ends any transaction and frees SQLite's write lock. */
    private void endTransaction() {
        try {
            writer.setAutoCommit(true);
        } catch (SQLException e) {
            LOG.debug("resetting auto-commit: {}", e.getMessage());
        }
    }

    @Override
    public Bulk bulk() {
        if (writing.isHeldByCurrentThread()) {
            throw new IllegalStateException("this thread has a bulk write open on " + file + " already");
        }
        writing.lock();
        return new SqliteBulk();
    }

    /**
     * Batches in one write transaction until {@link #commit}: SQLite writes each page a transaction dirtied once,
     * at its commit, so a transaction of 100,000 sign-ins writes the pages of the random-order indexes (duplicate
     * key, correlation id, user, address) once where twenty of 5,000 write most of them twenty times; into a
     * store of 500,000 that more than doubled the import rate (7,200 to 17,600 sign-ins/s). SQLite's write lock
     * is held from the first batch to the commit, the store's writing lock until {@link #close}; queries run
     * between batches.
     */
    private final class SqliteBulk implements Bulk {
        private boolean open = true;
        /** In SQLite's write transaction (begun at the first batch after a commit). */
        private boolean inTransaction;
        /** Sign-ins added since the last commit, for the message when they are lost. */
        private long pending;

        @Override
        public StoreResult add(List<SignIn> batch) {
            check();
            if (batch.isEmpty()) {
                return new StoreResult(0, 0);
            }
            if (!inTransaction) {
                begin(batch.size()); // outside the monitor, see begin
                inTransaction = true;
            }
            synchronized (SqliteSignInStore.this) {
                try {
                    int stored = insert(batch);
                    pending += batch.size();
                    return new StoreResult(stored, batch.size() - stored);
                } catch (SQLException | RuntimeException e) {
                    throw lost("store " + batch.size() + " sign-ins", batch.size(), e);
                }
            }
        }

        @Override
        public void commit() {
            synchronized (SqliteSignInStore.this) {
                check();
                if (!inTransaction) {
                    return;
                }
                try {
                    writer.commit();
                    committed();
                    pending = 0;
                    inTransaction = false;
                    endTransaction();
                } catch (SQLException | RuntimeException e) {
                    throw lost("commit", 0, e);
                }
            }
        }

        @Override
        public void close() {
            if (!open) {
                return;
            }
            if (!writing.isHeldByCurrentThread()) {
                // only the owner may release the lock; the owner's close still commits
                throw new IllegalStateException("a bulk write of " + file + " belongs to the thread that began it");
            }
            try {
                commit();
            } finally {
                open = false;
                writing.unlock();
            }
        }

        private void check() {
            if (!open) {
                throw new IllegalStateException("this bulk write of " + file + " is closed");
            }
            if (!writing.isHeldByCurrentThread()) {
                throw new IllegalStateException("a bulk write of " + file + " belongs to the thread that began it");
            }
        }

        /** Rolls back the open transaction; the exception to throw. */
        private UncheckedIOException lost(String what, int batch, Exception e) {
            long discarded = pending + batch;
            rollback();
            pending = 0;
            inTransaction = false;
            endTransaction();
            return new UncheckedIOException("cannot " + what + " in " + file + ": " + e.getMessage() + " (nothing "
                    + "since the last commit was kept: " + discarded + " sign-ins)", new IOException(e));
        }
    }

    /** After a commit: what the transaction added is there for good. */
    private void committed() {
        terms.committed();
        uncommittedDictionaries.clear();
    }

    private void rollback() {
        terms.rolledBack();
        if (!uncommittedDictionaries.isEmpty()) {
            // their numbers may be handed out again, to other bytes
            for (CompressionDictionary d : uncommittedDictionaries) {
                dictionaries.remove(d.id);
                retired.add(d);
            }
            uncommittedDictionaries.clear();
            dictionary = null;
        }
        try {
            writer.rollback();
        } catch (SQLException e) {
            LOG.warn("rollback failed: {}", e.getMessage());
        }
    }

    /** Inserts a batch in the open write transaction; returns how many were new. */
    private int insert(List<SignIn> batch) throws SQLException {
        if (batch.isEmpty()) {
            return 0;
        }
        chooseDictionary(batch);
        Packing packing = new Packing(batch, dictionary);
        try {
            return insert(batch, packing);
        } finally {
            packing.cancel();
        }
    }

    private int insert(List<SignIn> batch, Packing packing) throws SQLException {
        int stored = 0;
        for (int chunk = 0; chunk < packing.chunks; chunk++) {
            byte[][] packed = packing.take(chunk);
            int from = chunk * Packing.CHUNK;
            for (int k = 0; k < packed.length; k += ROWS_PER_INSERT) {
                int rows = Math.min(ROWS_PER_INSERT, packed.length - k);
                PreparedStatement insert = insertStatement(rows);
                int p = 1;
                for (int r = k; r < k + rows; r++) {
                    SignIn s = batch.get(from + r);
                    Long created = s.createdDateTime() == null ? null : Sql.millis(s.createdDateTime());
                    insert.setBytes(p++, Keys.uid(requestKey(s), created == null ? 0 : created));
                    setLong(insert, p++, created);
                    insert.setBytes(p++, Keys.id(s.correlationId()));
                    setLong(insert, p++, terms.user(writer, s.userId(), s.userPrincipalName(), s.userDisplayName()));
                    setLong(insert, p++, terms.app(writer, s.appId(), s.appDisplayName()));
                    setLong(insert, p++, terms.term(writer, Terms.IP, Sql.lower(s.ipAddress())));
                    setLong(insert, p++, terms.term(writer, Terms.CLIENT_APP, s.clientAppUsed()));
                    insert.setInt(p++, s.errorCode());
                    insert.setInt(p++, s.flaggedForReview() ? 1 : 0);
                    insert.setLong(p++, dictionary.id);
                    insert.setBytes(p++, packed[r]);
                }
                // INSERT OR IGNORE: the count leaves out the duplicates, also those within one statement
                stored += insert.executeUpdate();
            }
        }
        return stored;
    }

    /** The INSERT of this many rows (prepared once per size: a batch has at most two sizes). */
    private PreparedStatement insertStatement(int rows) throws SQLException {
        PreparedStatement ps = inserts.get(rows);
        if (ps == null) {
            String values = String.join(",", Collections.nCopies(rows, "(?,?,?,?,?,?,?,?,?,?,?)"));
            ps = writer.prepareStatement("INSERT OR IGNORE INTO signins (uid, created, corr, user, app, ip, client, "
                    + "error_code, flagged, zdict, data) VALUES " + values);
            inserts.put(rows, ps);
        }
        return ps;
    }

    /**
     * Packing a batch (encoding and compressing each sign-in: no database work) by chunks, on the store's worker
     * thread and on the writing thread alike: the writer inserts the chunks in order as they are ready and packs the
     * next unclaimed one while it waits, so both cores stay busy beside the reader's parsing thread and SQLite's
     * single writer is never idle for long.
     */
    private final class Packing {
        static final int CHUNK = 250;
        final int chunks;
        private final List<SignIn> batch;
        private final CompressionDictionary dict;
        private final byte[][][] packed;
        private final CountDownLatch[] ready;
        private final AtomicInteger claimed = new AtomicInteger();
        private volatile Throwable failed;

        Packing(List<SignIn> batch, CompressionDictionary dict) {
            this.batch = batch;
            this.dict = dict;
            chunks = (batch.size() + CHUNK - 1) / CHUNK;
            packed = new byte[chunks][][];
            ready = new CountDownLatch[chunks];
            for (int i = 0; i < chunks; i++) {
                ready[i] = new CountDownLatch(1);
            }
            if (chunks > 1) {
                worker.execute(() -> {
                    try {
                        while (packNext(workerPacker)) {
                            // until every chunk is claimed
                        }
                    } catch (Throwable t) {
                        failed = t;
                        for (CountDownLatch l : ready) {
                            l.countDown();
                        }
                    }
                });
            }
        }

        private boolean packNext(Packer p) {
            int c = claimed.getAndIncrement();
            if (c >= chunks) {
                return false;
            }
            int from = c * CHUNK;
            int to = Math.min(batch.size(), from + CHUNK);
            byte[][] out = new byte[to - from][];
            for (int i = from; i < to; i++) {
                out[i - from] = p.pack(batch.get(i), dict);
            }
            packed[c] = out;
            ready[c].countDown(); // publishes packed[c]
            return true;
        }

        /** No more chunks are started (the batch failed). */
        void cancel() {
            claimed.set(chunks);
        }

        /** Chunk {@code c}, packed: helps with the packing while it is not ready. */
        byte[][] take(int c) throws SQLException {
            while (ready[c].getCount() > 0 && packNext(packer)) {
                // packed one more chunk here
            }
            try {
                ready[c].await();
            } catch (InterruptedException e) {
                claimed.set(chunks); // the worker stops after its chunk
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted while packing sign-ins", e);
            }
            if (failed != null) {
                throw new SQLException("packing sign-ins failed: " + failed, failed);
            }
            return packed[c];
        }
    }

    private static void setLong(PreparedStatement ps, int i, Long v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.INTEGER);
        } else {
            ps.setLong(i, v);
        }
    }

    /**
     * Chooses the dictionary to pack this batch with, in the open write transaction: the store's best (made from the
     * most sign-ins), or a new one made from this batch when there is none yet or the best was made from a small
     * batch and this one is larger.
     */
    private void chooseDictionary(List<SignIn> batch) throws SQLException {
        if (dictionary == null) {
            try (Statement s = writer.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT id, records FROM dictionaries ORDER BY records DESC, id DESC LIMIT 1")) {
                if (rs.next()) {
                    long id = rs.getLong(1);
                    dictionaryRecords = rs.getInt(2);
                    dictionary = dictionary(id, writer);
                }
            }
        }
        if (dictionary == null || dictionaryRecords < WELL_TRAINED && batch.size() > dictionaryRecords) {
            addDictionary(packer.train(batch), batch.size());
        }
    }

    /** Stores a new dictionary in the open write transaction and packs new rows with it. */
    private void addDictionary(byte[] bytes, int records) throws SQLException {
        long id;
        try (PreparedStatement ps = writer.prepareStatement(
                "INSERT INTO dictionaries (bytes, records) VALUES (?, ?) RETURNING id")) {
            ps.setBytes(1, bytes);
            ps.setInt(2, records);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
        }
        dictionary = new CompressionDictionary(id, bytes);
        dictionaryRecords = records;
        dictionaries.put(id, dictionary);
        uncommittedDictionaries.add(dictionary);
    }

    /** The key of the request id; without one, of the record's content (as layout 1 had it). */
    private static byte[] requestKey(SignIn s) {
        if (s.id() != null) {
            return Keys.id(s.id());
        }
        // the fields as of the first release only: a record read again by a version that maps more of it must get the
        // same key, or importing the same file again would store it twice
        SignIn firstFields = s.toBuilder().originalTransferMethod(null).authenticationContextClassReferences(null).build();
        return Keys.id("sha:" + Integer.toHexString(GraphJson.toJson(firstFields).hashCode()));
    }

    @Override
    public synchronized long size() {
        try (Statement st = reader.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM signins")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new SignInSourceException("cannot count the sign-ins in " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * One page: the row ids of the page are found and sorted from the small table and its indexes alone, then
     * only those sign-ins are read and unpacked.
     */
    @Override
    public synchronized Page<SignIn> query(SignInQuery q) {
        Sql sql = Sql.of(q);
        String select = "SELECT id FROM signins" + sql.where()
                + " ORDER BY flagged DESC, created DESC, id DESC LIMIT ? OFFSET ?";
        List<SignIn> items;
        try {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement ps = reader.prepareStatement(select)) {
                int i = sql.bind(ps);
                ps.setInt(i++, q.limit());
                ps.setInt(i, q.offset());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
            }
            items = unpack(ids);
        } catch (SQLException | IllegalStateException e) {
            throw new SignInSourceException("cannot query the sign-ins in " + file + ": " + e.getMessage(), e);
        }
        return new Page<>(items, q.offset(), count(q));
    }

    /**
     * The sign-ins of these rows, in this order: fetched in one statement, unpacked here and, for a larger page, half
     * of them on the store's worker thread.
     *
     * @throws IllegalStateException naming the row when a stored sign-in cannot be read
     */
    private List<SignIn> unpack(List<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Integer> position = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            position.put(ids.get(i), i);
        }
        byte[][] data = new byte[ids.size()][];
        CompressionDictionary[] dicts = new CompressionDictionary[ids.size()];
        for (int from = 0; from < ids.size(); from += 1000) { // SQLite takes a limited number of parameters
            int to = Math.min(ids.size(), from + 1000);
            String in = String.join(",", Collections.nCopies(to - from, "?"));
            try (PreparedStatement ps = reader.prepareStatement("SELECT id, zdict, data FROM signins WHERE id IN (" + in
                    + ")")) {
                for (int i = from; i < to; i++) {
                    ps.setLong(i - from + 1, ids.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long id = rs.getLong(1);
                        int at = position.get(id);
                        try {
                            dicts[at] = dictionary(rs.getLong(2), reader);
                        } catch (IllegalStateException e) {
                            throw new IllegalStateException("the stored sign-in in row " + id + " " + e.getMessage(), e);
                        }
                        data[at] = rs.getBytes(3);
                    }
                }
            }
        }
        SignIn[] out = new SignIn[ids.size()];
        int half = ids.size() / 2;
        Future<?> other = half < 16 ? null : worker.submit(() -> unpack(ids, data, dicts, half, out.length, out,
                workerPacker));
        unpack(ids, data, dicts, 0, other == null ? out.length : half, out, packer);
        if (other != null) {
            try {
                other.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted while reading sign-ins", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof IllegalStateException bad) {
                    throw bad;
                }
                throw new SQLException("reading sign-ins failed: " + e.getCause(), e.getCause());
            }
        }
        List<SignIn> items = new ArrayList<>(out.length);
        for (SignIn s : out) {
            if (s != null) { // a row removed in between: none are, but a page must not hold nulls
                items.add(s);
            }
        }
        return items;
    }

    private static void unpack(List<Long> ids, byte[][] data, CompressionDictionary[] dicts, int from, int to,
            SignIn[] out, Packer p) {
        for (int i = from; i < to; i++) {
            if (data[i] == null) {
                continue;
            }
            try {
                out[i] = p.unpack(data[i], dicts[i], "store");
            } catch (IllegalStateException e) {
                throw new IllegalStateException("the stored sign-in in row " + ids.get(i) + " is damaged ("
                        + e.getMessage() + ")", e);
            }
        }
    }

    /**
     * Dictionary {@code id}, read through {@code c} when this store has not seen it yet (another process may have
     * added it).
     *
     * @throws IllegalStateException when the store does not hold it
     */
    private CompressionDictionary dictionary(long id, Connection c) throws SQLException {
        CompressionDictionary d = dictionaries.get(id);
        if (d == null) {
            try (PreparedStatement ps = c.prepareStatement("SELECT bytes FROM dictionaries WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalStateException("refers to dictionary " + id + ", which the store does not hold");
                    }
                    d = new CompressionDictionary(id, rs.getBytes(1));
                }
            }
            dictionaries.put(id, d);
        }
        return d;
    }

    @Override
    public synchronized long count(SignInQuery q) {
        Sql sql = Sql.of(q);
        try (PreparedStatement ps = reader.prepareStatement("SELECT count(*) FROM signins" + sql.where())) {
            sql.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new SignInSourceException("cannot count the sign-ins in " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Counts grouped in SQL on the small numbers the rows hold, then named from the look-up tables, with the keys
     * {@link Dimension#keyOf} gives (several numbers may share a name: one UPN seen with two display names).
     */
    @Override
    public synchronized Map<String, Long> countBy(SignInQuery q, Dimension dimension) {
        Sql sql = Sql.of(q);
        String group = switch (dimension) {
            case ERROR_CODE -> "error_code";
            case APP -> "app";
            case USER -> "user";
            case CLIENT_APP -> "client";
            // the start of the hour, rounding down for times before 1970 too
            case HOUR -> "created - ((created % 3600000) + 3600000) % 3600000";
        };
        Map<String, Long> counts = new TreeMap<>();
        try (PreparedStatement ps = reader.prepareStatement("SELECT " + group + ", count(*) FROM signins" + sql.where()
                + " GROUP BY 1")) {
            sql.bind(ps);
            Map<Long, Long> byRef = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long v = rs.getLong(1);
                    boolean none = rs.wasNull();
                    long n = rs.getLong(2);
                    if (dimension == Dimension.ERROR_CODE) {
                        counts.merge(Long.toString(v), n, Long::sum);
                    } else if (none) {
                        counts.merge("", n, Long::sum);
                    } else if (dimension == Dimension.HOUR) {
                        counts.merge(Instant.ofEpochMilli(v).toString(), n, Long::sum);
                    } else {
                        byRef.put(v, n);
                    }
                }
            }
            if (!byRef.isEmpty()) {
                Map<Long, String> names = names(dimension, byRef);
                byRef.forEach((ref, n) -> counts.merge(names.getOrDefault(ref, ""), n, Long::sum));
            }
        } catch (SQLException e) {
            throw new SignInSourceException("cannot count the sign-ins in " + file + ": " + e.getMessage(), e);
        }
        return counts;
    }

    /** The keys of look-up numbers: a user's UPN else id, an app's name else id, a client app as written. */
    private Map<Long, String> names(Dimension dimension, Map<Long, Long> refs) throws SQLException {
        String select = switch (dimension) {
            case APP -> "SELECT ref, coalesce(name, app_id) FROM apps WHERE ref = ?";
            case USER -> "SELECT ref, coalesce(upn, user_id) FROM users WHERE ref = ?";
            default -> "SELECT ref, text FROM terms WHERE ref = ?";
        };
        Map<Long, String> names = new HashMap<>();
        try (PreparedStatement ps = reader.prepareStatement(select)) {
            for (long ref : refs.keySet()) {
                ps.setLong(1, ref);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        String name = rs.getString(2);
                        names.put(ref, name == null ? "" : name);
                    }
                }
            }
        }
        return names;
    }
}
