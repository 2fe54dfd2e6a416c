package org.vidcase.matching;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntPredicate;
import org.jboss.logging.Logger;
import org.vidcase.shared.cluster.Replica;
import org.vidcase.shared.error.ServiceUnavailableException;

/**
 * The reference indexes of the running server: loaded from PostgreSQL (the system of record) at
 * start-up in the background, then kept current as sets are imported, activated and deactivated,
 * without a rebuild. Matching waits for the start-up load (readiness reports it) and never for
 * later updates.
 *
 * <p>With several replicas, a change made through one reaches the others by a poll of hash_set
 * every {@code vidcase.matching.sync-every}: each replica loads the sets imported elsewhere and
 * follows activation changes, then confirms in index_replica the database time of the state it now
 * serves, which re-matching jobs wait for.
 */
@ApplicationScoped
public class KnownHashIndex {

    private static final Logger LOG = Logger.getLogger(KnownHashIndex.class);

    private final AgroalDataSource dataSource;
    private final MatchingConfig config;
    private final CompletableFuture<ReferenceIndexes> loaded = new CompletableFuture<>();
    /** Sets whose entries are in the indexes; guarded by this, as are loads and activation changes. */
    private final Set<Integer> indexedSets = new HashSet<>();
    /** The active flag each indexed set has in the indexes; guarded by this. */
    private final java.util.Map<Integer, Boolean> activeSets = new java.util.HashMap<>();
    /**
     * The revision of each indexed set the indexes serve; guarded by this. Only sets kept entry by
     * entry (the hub subscription) change revision: the indexes then take the entries added and
     * withdrawn since.
     */
    private final java.util.Map<Integer, Long> revisions = new java.util.HashMap<>();
    private final String replica;
    private java.util.concurrent.ScheduledExecutorService follower;
    private volatile long loadMillis = -1;

    public KnownHashIndex(AgroalDataSource dataSource, MatchingConfig config, Replica replica) {
        this.dataSource = dataSource;
        this.config = config;
        this.replica = replica.name();
    }

    void onStart(@Observes StartupEvent event) {
        Thread loader = new Thread(this::loadAll, "known-hash-index-load");
        loader.setDaemon(true);
        loader.start();
        follower = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "known-hash-index-follow");
            t.setDaemon(true);
            return t;
        });
        long every = config.syncEvery().toMillis();
        follower.scheduleWithFixedDelay(this::followQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes io.quarkus.runtime.ShutdownEvent event) {
        if (follower != null) {
            follower.shutdownNow();
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("DELETE FROM index_replica WHERE replica = ?")) {
            s.setString(1, replica);
            s.executeUpdate();
        } catch (SQLException | RuntimeException e) {
            LOG.debugf("Could not withdraw %s from index_replica: %s", replica, e.getMessage());
        }
    }

    /**
     * Brings the indexes in line with hash_set as it is now (sets imported or activation changed
     * on any replica), then confirms that state's database time in index_replica. Does nothing
     * until the start-up load is done.
     */
    public void follow() {
        if (!isReady()) {
            return;
        }
        Timestamp at;
        List<int[]> sets = new ArrayList<>();
        java.util.Map<Integer, Long> setRevisions = new java.util.HashMap<>();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement("SELECT now()"); ResultSet rs = s.executeQuery()) {
                rs.next();
                at = rs.getTimestamp(1);
            }
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT index_id, active, revision FROM hash_set WHERE import_state = 'IMPORTED'");
                 ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    sets.add(new int[] {rs.getInt(1), rs.getBoolean(2) ? 1 : 0});
                    setRevisions.put(rs.getInt(1), rs.getLong(3));
                }
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the hash sets failed", e);
        }
        for (int[] set : sets) {
            boolean stale;
            synchronized (this) {
                stale = !indexedSets.contains(set[0]) || activeSets.getOrDefault(set[0], true) != (set[1] == 1)
                        || !setRevisions.get(set[0]).equals(revisions.getOrDefault(set[0], 0L));
            }
            if (stale) {
                sync(set[0]);
            }
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     INSERT INTO index_replica (replica, synced_at, heartbeat_at) VALUES (?, ?, now())
                     ON CONFLICT (replica) DO UPDATE SET synced_at = excluded.synced_at, heartbeat_at = now()""")) {
            s.setString(1, replica);
            s.setTimestamp(2, at);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Confirming the index state failed", e);
        }
    }

    private void followQuietly() {
        try {
            follow();
        } catch (RuntimeException e) {
            LOG.warnf("The reference index of %s could not follow hash_set: %s", replica, e.getMessage());
        }
    }

    private void loadAll() {
        long start = System.nanoTime();
        try (Connection c = dataSource.getConnection()) {
            // One snapshot for the set list and the entries: a set imported meanwhile is either in both or in neither.
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            List<int[]> sets = new ArrayList<>();
            java.util.Map<Integer, Long> setRevisions = new java.util.HashMap<>();
            long expected = 0;
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT index_id, active, entry_count, revision FROM hash_set WHERE import_state = 'IMPORTED'");
                 ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    sets.add(new int[] {rs.getInt(1), rs.getBoolean(2) ? 1 : 0});
                    expected += rs.getLong(3);
                    setRevisions.put(rs.getInt(1), rs.getLong(4));
                }
            }
            ReferenceIndexes.Batch batch = ReferenceIndexes.batch((int) Math.min(expected, 50_000_000));
            ReferenceEntryLoader.readAll(c, batch, config.pdqMinQuality());
            c.rollback();
            c.setReadOnly(false);
            c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            ReferenceIndexes indexes = ReferenceIndexes.build(batch, config.pdqMinQuality());
            synchronized (this) {
                revisions.putAll(setRevisions);
                for (int[] set : sets) {
                    indexedSets.add(set[0]);
                    activeSets.put(set[0], set[1] == 1);
                    if (set[1] == 0) {
                        indexes.deactivateSet(set[0]);
                    }
                }
            }
            loadMillis = (System.nanoTime() - start) / 1_000_000;
            LOG.infof("Reference hash indexes loaded: %d entries of %d sets in %d ms", batch.size(), sets.size(),
                    loadMillis);
            loaded.complete(indexes);
        } catch (SQLException | RuntimeException e) {
            LOG.error("Loading the reference hash indexes failed; matching is unavailable", e);
            loaded.completeExceptionally(e);
        }
    }

    /** Whether start-up loading has finished; for the readiness check. */
    public boolean isReady() {
        return loaded.isDone() && !loaded.isCompletedExceptionally();
    }

    public boolean isFailed() {
        return loaded.isCompletedExceptionally();
    }

    public long loadMillis() {
        return loadMillis;
    }

    /** The loaded indexes; waits for the start-up load, within limits. */
    public ReferenceIndexes indexes() {
        try {
            return loaded.get(config.indexLoadWait().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceUnavailableException("Interrupted while the reference hash indexes load");
        } catch (ExecutionException e) {
            throw new ServiceUnavailableException("The reference hash indexes could not be loaded; see the server log");
        } catch (TimeoutException e) {
            throw new ServiceUnavailableException("The reference hash indexes are still loading; try again shortly");
        }
    }

    /**
     * For jobs: waits for the start-up load however long it takes (a large index may need minutes),
     * until it is done, has failed (then throws), or {@code cancelled} says to stop.
     */
    public void awaitLoaded(java.util.function.BooleanSupplier cancelled) {
        while (!loaded.isDone() && !cancelled.getAsBoolean()) {
            try {
                loaded.get(1, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                // Still loading.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ServiceUnavailableException("Interrupted while the reference hash indexes load");
            } catch (ExecutionException e) {
                throw new ServiceUnavailableException("The reference hash indexes could not be loaded; see the server log");
            }
        }
    }

    /** Every visible entry the item matches, optionally only in some sets. */
    public List<KnownMatch> match(MatchQuery query, IntPredicate setFilter) {
        return indexes().match(query, config.pdqRadius(), setFilter);
    }

    public List<KnownMatch> match(MatchQuery query) {
        return match(query, set -> true);
    }

    /**
     * Indexes an imported set (read back from PostgreSQL, with its current active flag) as one
     * atomic addition; a set already indexed is left as it is, so the import job and the re-matching
     * job it queued may both call this. Serialised with activation changes, never with queries.
     */
    public void loadSet(int indexId) {
        // Wait for the start-up load outside the lock: that load takes the lock to finish.
        ReferenceIndexes indexes = indexes();
        synchronized (this) {
            if (!indexedSets.contains(indexId)) {
                load(indexes, indexId);
            }
        }
    }

    private void load(ReferenceIndexes indexes, int indexId) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            // The flag, the revision and the entries from one snapshot.
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            boolean active;
            long revision;
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT active, revision FROM hash_set WHERE index_id = ? AND import_state = 'IMPORTED'")) {
                s.setInt(1, indexId);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        // Not (or no longer) imported: nothing to index, and nothing marked as indexed.
                        c.rollback();
                        c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                        return;
                    }
                    active = rs.getBoolean(1);
                    revision = rs.getLong(2);
                }
            }
            ReferenceIndexes.Batch batch = ReferenceIndexes.batch(1024);
            ReferenceEntryLoader.readSet(c, indexId, batch, config.pdqMinQuality());
            c.rollback();
            c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            // Hidden before the entries arrive if inactive; an earlier activation change is overridden
            // by the flag just read, which is at least as recent.
            if (active) {
                indexes.activateSet(indexId);
            } else {
                indexes.deactivateSet(indexId);
            }
            indexes.add(batch);
            indexedSets.add(indexId);
            activeSets.put(indexId, active);
            revisions.put(indexId, revision);
            LOG.infof("Hash set %d indexed: %d entries", indexId, batch.size());
        } catch (SQLException e) {
            throw new IllegalStateException("Indexing hash set " + indexId + " failed", e);
        }
    }

    /**
     * Brings the set's visibility in line with its active flag in PostgreSQL, loading it first if
     * it is imported but not yet indexed. Re-matching jobs call this before they scan, so a missed
     * or late activation event cannot make them scan with the set hidden.
     */
    public void sync(int indexId) {
        ReferenceIndexes indexes = indexes();
        synchronized (this) {
            if (!indexedSets.contains(indexId)) {
                load(indexes, indexId);
                return;
            }
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                try {
                    boolean active;
                    long revision;
                    try (PreparedStatement s = c.prepareStatement(
                            "SELECT active, revision FROM hash_set WHERE index_id = ?")) {
                        s.setInt(1, indexId);
                        try (ResultSet rs = s.executeQuery()) {
                            boolean found = rs.next();
                            active = found && rs.getBoolean(1);
                            revision = found ? rs.getLong(2) : 0;
                        }
                    }
                    catchUp(c, indexes, indexId, revision);
                    if (active) {
                        indexes.activateSet(indexId);
                    } else {
                        indexes.deactivateSet(indexId);
                    }
                    activeSets.put(indexId, active);
                } finally {
                    c.rollback();
                    c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Reading hash set " + indexId + " failed", e);
            }
        }
    }

    /**
     * Brings a set kept entry by entry up to {@code revision} (read in the caller's snapshot): the
     * entries withdrawn since the served revision leave the indexes, those added since (and still
     * held) join them. Caller holds the lock.
     */
    private void catchUp(Connection c, ReferenceIndexes indexes, int indexId, long revision) throws SQLException {
        long served = revisions.getOrDefault(indexId, 0L);
        if (revision <= served) {
            return;
        }
        long[] withdrawn = ReferenceEntryLoader.readWithdrawn(c, indexId, served, revision);
        ReferenceIndexes.Batch added = ReferenceIndexes.batch(1024);
        ReferenceEntryLoader.readAdded(c, indexId, served, revision, added, config.pdqMinQuality());
        indexes.removeEntries(withdrawn);
        indexes.add(added);
        revisions.put(indexId, revision);
        LOG.debugf("Hash set %d at revision %d: %d entries added, %d withdrawn", indexId, revision, added.size(),
                withdrawn.length);
    }

    /**
     * The live replicas (confirmed within {@code vidcase.matching.replica-timeout}) whose index still
     * serves a hash_set state older than {@code at}: work that must see a change waits for them.
     */
    public List<String> replicasBehind(Timestamp at) {
        List<String> behind = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     SELECT replica FROM index_replica
                      WHERE heartbeat_at > now() - CAST(? AS interval) AND synced_at < ? ORDER BY replica""")) {
            s.setString(1, config.replicaTimeout().toMillis() + " milliseconds");
            s.setTimestamp(2, at);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    behind.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the replicas' index state", e);
        }
        return behind;
    }

    /** Follows activation changes once they are committed (after any load of the set in progress). */
    void onActivation(@Observes(during = TransactionPhase.AFTER_SUCCESS) SetActivationChanged change) {
        // The flag is read again rather than taken from the event: two quick changes may reach here
        // in either order, the database holds the last one.
        sync(change.indexId());
    }

    /** Fired when a set is activated or deactivated; the indexes follow after commit. */
    public record SetActivationChanged(int indexId, boolean active) {
    }
}
