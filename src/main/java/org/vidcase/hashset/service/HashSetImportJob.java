package org.vidcase.hashset.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.vidcase.audit.domain.AuditOutcome;
import org.vidcase.audit.service.AuditAction;
import org.vidcase.audit.service.AuditEntry;
import org.vidcase.audit.service.AuditTrail;
import org.vidcase.hashset.domain.ImportState;
import org.vidcase.hashset.domain.ReferenceHashSet;
import org.vidcase.hashset.domain.ReferenceHashSetRepository;
import org.vidcase.hashset.importer.EntryError;
import org.vidcase.hashset.importer.HashSetFormat;
import org.vidcase.hashset.importer.IcseCsvReader;
import org.vidcase.hashset.importer.NsrlRdsReader;
import org.vidcase.hashset.importer.PlainHashListReader;
import org.vidcase.hashset.importer.ReferenceEntry;
import org.vidcase.hashset.importer.VicsHashSetReader;
import org.vidcase.hashset.importer.VpdqHashSetReader;
import org.vidcase.hashset.infra.HashEntryWriter.NumberedEntry;
import org.vidcase.hashset.infra.HashEntryWriter;
import org.vidcase.jobs.domain.Job;
import org.vidcase.jobs.service.JobContext;
import org.vidcase.jobs.service.JobHandler;
import org.vidcase.matching.EntryIds;
import org.vidcase.matching.KnownHashIndex;
import org.vidcase.media.infra.CountingInputStream;
import org.vidcase.media.infra.EvidenceStore;
import org.vidcase.shared.category.CategoryConfig;

/**
 * Imports a stored hash-set file: streams it through its reader and writes the entries with COPY,
 * a batch per transaction. Entry ids follow the order of the file, so a run interrupted by a restart
 * drops what the last uncommitted batch may have left and resumes there. Once every entry is stored
 * the set is indexed without a rebuild and, if it is active, existing media are matched against it.
 */
@ApplicationScoped
public class HashSetImportJob implements JobHandler {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(HashSetImportJob.class);

    public static final String TYPE = "hash-set-import";
    static final int BATCH = 20_000;

    private final EvidenceStore store;
    private final AgroalDataSource dataSource;
    private final ReferenceHashSetRepository sets;
    private final CategoryConfig schemes;
    private final KnownHashIndex index;
    private final RematchService rematch;
    private final AuditTrail trail;
    private final ObjectMapper json;

    public HashSetImportJob(EvidenceStore store, AgroalDataSource dataSource, ReferenceHashSetRepository sets,
                            CategoryConfig schemes, KnownHashIndex index, RematchService rematch, AuditTrail trail,
                            ObjectMapper json) {
        this.store = store;
        this.dataSource = dataSource;
        this.sets = sets;
        this.schemes = schemes;
        this.index = index;
        this.rematch = rematch;
        this.trail = trail;
        this.json = json;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public boolean resumable() {
        return true;
    }

    @Override
    public void run(JobContext context) throws Exception {
        HashSetImportParameters p = json.readValue(context.parameters(), HashSetImportParameters.class);
        long skip = context.checkpoint() == null ? 0 : Long.parseLong(context.checkpoint());
        Counts counts = new Counts();
        long imported;
        ReferenceHashSet set;
        ReferenceHashSet current = QuarkusTransaction.requiringNew().call(() -> sets.findById(p.setId()));
        if (current == null || !context.jobId().equals(current.lastJobId)) {
            context.message("The set is no longer being imported by this job; nothing was changed");
            return;
        }
        if (current.importState == ImportState.IMPORTED) {
            // Resumed after its last commit (stopped while indexing): only the indexing is left to do.
            index.awaitLoaded(context::cancelled);
            index.loadSet(p.indexId());
            context.message(current.entryCount + " entries imported (completed after a restart)");
            return;
        }
        if (current.importState != ImportState.IMPORTING) {
            context.message("The set's import ended as " + current.importState + "; nothing was changed");
            return;
        }
        try {
            set = current;
            CategoryConfig.Profile scheme = schemes.profiles().get(set.categoryScheme);
            if (scheme == null) {
                throw new IllegalStateException("the set's category scheme " + set.categoryScheme
                        + " is not configured on this server");
            }
            Set<String> codes = scheme.codes().keySet();
            String defaultCategory = set.defaultCategory;
            deleteFrom(p.indexId(), skip);
            List<NumberedEntry> batch = new ArrayList<>(BATCH);
            long[] delivered = {0};
            Consumer<ReferenceEntry> onEntry = entry -> {
                if (entry.category() != null && !codes.contains(entry.category())) {
                    // Rejected entries take no ordinal, so a resumed run numbers the rest as the first run did.
                    reject(context, counts, "entry after " + delivered[0] + " accepted ones: category "
                            + entry.category() + " is not in the " + set.categoryScheme + " scheme");
                    return;
                }
                long ordinal = delivered[0]++;
                if (ordinal < skip) {
                    return;
                }
                batch.add(new NumberedEntry(EntryIds.of(p.indexId(), ordinal),
                        entry.category() == null && defaultCategory != null ? withCategory(entry, defaultCategory) : entry));
                if (batch.size() >= BATCH) {
                    flush(context, p, batch, delivered[0], counts);
                }
            };
            // A resumed run reads the file from its start and reports every rejected row again: the
            // errors of the interrupted run are not kept with the job.
            Consumer<EntryError> onError = error -> reject(context, counts,
                    (error.line() > 0 ? "line " + error.line() + ": " : "") + error.message());
            read(p, onEntry, onError, context, counts);
            if (context.cancelled()) {
                throw new Cancelled();
            }
            flush(context, p, batch, delivered[0], counts);
            context.total(delivered[0] + counts.rejected);
            imported = delivered[0];
        } catch (Cancelled e) {
            if (context.stopping()) {
                return;
            }
            abandon(context, p, "cancelled after " + counts.written + " entries");
            return;
        } catch (Exception e) {
            if (context.stopping()) {
                return;
            }
            abandon(context, p, "failed: " + e.getMessage());
            throw e;
        }
        // Past this point the entries are complete: a failure fails the job but never discards them.
        finish(context, p, set, imported, counts);
    }

    private void read(HashSetImportParameters p, Consumer<ReferenceEntry> onEntry, Consumer<EntryError> onError,
                      JobContext context, Counts counts) throws IOException {
        Consumer<ReferenceEntry> guarded = entry -> {
            if (context.cancelled()) {
                throw new Cancelled();
            }
            onEntry.accept(entry);
        };
        if (p.format() == HashSetFormat.NSRL) {
            // SQLite reads a file: the (public, known-good) database is decrypted to a private temporary file.
            Path copy = Files.createTempFile("vidcase-nsrl-", ".sqlite");
            try {
                try (InputStream in = store.open(p.objectKey(), p.wrappedKey())) {
                    Files.copy(in, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
                context.total(NsrlRdsReader.countRows(copy));
                NsrlRdsReader.read(copy, guarded, onError);
            } finally {
                Files.deleteIfExists(copy);
            }
            return;
        }
        try (CountingInputStream in = new CountingInputStream(store.open(p.objectKey(), p.wrappedKey()))) {
            counts.source = in;
            switch (p.format()) {
                case ICSE -> IcseCsvReader.read(in, guarded, onError);
                case VICS -> VicsHashSetReader.read(in, guarded, onError);
                case PLAIN -> PlainHashListReader.read(in, guarded, onError);
                case VPDQ -> VpdqHashSetReader.read(in, guarded, onError);
                default -> throw new IllegalStateException(p.format().name());
            }
        }
    }

    private void flush(JobContext context, HashSetImportParameters p, List<NumberedEntry> batch, long delivered,
                       Counts counts) {
        if (batch.isEmpty()) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection c = dataSource.getConnection()) {
                HashEntryWriter.write(c, p.setId(), batch);
            } catch (Exception e) {
                throw new IllegalStateException("Writing entries failed: " + e.getMessage(), e);
            }
        });
        counts.written += batch.size();
        context.checkpoint(Long.toString(delivered));
        context.advance(batch.size());
        batch.clear();
        // Lines are counted, not known in advance: the share of the file read gives the estimate.
        CountingInputStream source = counts.source;
        if (source != null && source.count() > 0) {
            long seen = delivered + counts.rejected;
            context.total(Math.max(seen, Math.round(seen * (double) p.fileSize() / source.count())));
        }
    }

    private void finish(JobContext context, HashSetImportParameters p, ReferenceHashSet initial, long delivered,
                        Counts counts) {
        // Imported and, for an active set, its re-matching queued: one commit, so a restart loses neither.
        UUID rematchJob = QuarkusTransaction.requiringNew().call(() -> {
            ReferenceHashSet s = sets.findById(p.setId());
            s.entryCount = delivered;
            s.importedAt = Instant.now();
            s.importState = ImportState.IMPORTED;
            s.importFileSha256 = p.fileSha256();
            s.updatedBy = context.owner();
            s.updatedAt = s.importedAt;
            return s.active ? rematch.submit(p.setId(), context.owner(), RematchParameters.Reason.IMPORTED) : null;
        });
        // The source file may carry what the set must not (ICSE investigation and agency, VICS paths):
        // once its entries are stored, only its SHA-256 is kept.
        store.remove(p.objectKey());
        index.awaitLoaded(context::cancelled);
        index.loadSet(p.indexId());
        String summary = delivered + " entries imported, " + counts.rejected + " rejected"
                + (rematchJob == null ? "" : "; existing media are being matched by job " + rematchJob);
        context.message(summary);
        context.result(rematchJob == null
                ? jsonOf(Map.of("entries", delivered, "rejected", counts.rejected, "fileSha256", p.fileSha256()))
                : jsonOf(Map.of("entries", delivered, "rejected", counts.rejected, "fileSha256", p.fileSha256(),
                        "rematchJobId", rematchJob.toString())));
        trail.appendSeparately(AuditEntry.of(context.owner(), AuditAction.HASHSET_IMPORT, p.setId().toString(), null,
                AuditOutcome.SUCCESS, null, null, initial.name + " " + initial.setVersion + ": " + summary
                        + "; file sha256 " + p.fileSha256()));
    }

    /** Cancelled while queued: nothing was written; the set may be imported again. */
    @Override
    public void cancelledBeforeStart(Job job) {
        try {
            HashSetImportParameters p = json.readValue(job.parameters, HashSetImportParameters.class);
            ReferenceHashSet s = sets.findById(p.setId());
            if (s != null && s.importState == ImportState.IMPORTING && job.id.equals(s.lastJobId)) {
                s.importState = ImportState.FAILED;
                s.updatedAt = Instant.now();
            }
            store.remove(p.objectKey());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Unreadable parameters of job " + job.id, e);
        }
    }

    /** A cancelled or failed import leaves no entries behind; the set may be imported again. */
    private void abandon(JobContext context, HashSetImportParameters p, String why) {
        // The state first: a set left IMPORTING could never be imported again; entries a failed
        // delete leaves behind are deleted by the next attempt before it writes.
        boolean ours = QuarkusTransaction.requiringNew().call(() -> {
            ReferenceHashSet s = sets.findById(p.setId());
            if (s.importState != ImportState.IMPORTING || !context.jobId().equals(s.lastJobId)) {
                return false;
            }
            s.importState = ImportState.FAILED;
            s.entryCount = 0;
            s.updatedAt = Instant.now();
            return true;
        });
        if (!ours) {
            return;
        }
        try {
            deleteFrom(p.indexId(), 0);
        } catch (RuntimeException e) {
            LOG.warnf("Removing the partial entries of hash set %s failed; the next import removes them: %s",
                    p.setId(), e.getMessage());
        }
        store.remove(p.objectKey());
        context.message("Import " + why + "; no entries were kept");
        trail.appendSeparately(AuditEntry.of(context.owner(), AuditAction.HASHSET_IMPORT, p.setId().toString(), null,
                why.startsWith("cancelled") ? AuditOutcome.REFUSED : AuditOutcome.FAILED, null, null,
                "import " + why + "; no entries were kept"));
    }

    /** Removes the set's entries from this ordinal on: what an interrupted batch may have left. */
    private void deleteFrom(int indexId, long ordinal) {
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection c = dataSource.getConnection();
                 PreparedStatement delete = c.prepareStatement("DELETE FROM hash_set_entry WHERE id >= ? AND id < ?")) {
                delete.setLong(1, EntryIds.of(indexId, ordinal));
                delete.setLong(2, EntryIds.end(indexId));
                delete.executeUpdate();
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static void reject(JobContext context, Counts counts, String message) {
        counts.rejected++;
        context.error(message);
        context.advance(1);
    }

    private static ReferenceEntry withCategory(ReferenceEntry e, String category) {
        return new ReferenceEntry(e.md5(), e.sha1(), e.sha256(), e.pdq(), e.pdqQuality(), e.photoDna(), category,
                e.series(), e.victimIdentified(), e.offenderIdentified(), e.distributed(), e.baseline(), e.vpdq());
    }

    private String jsonOf(Map<String, Object> value) {
        try {
            return json.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class Counts {
        long written;
        long rejected;
        CountingInputStream source;
    }

    /** Unwinds the reader when the job is cancelled or the server stops. */
    private static final class Cancelled extends RuntimeException {
        Cancelled() {
            super(null, null, false, false);
        }
    }
}
