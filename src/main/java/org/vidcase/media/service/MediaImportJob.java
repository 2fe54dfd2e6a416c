package org.vidcase.media.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.vidcase.audit.domain.AuditOutcome;
import org.vidcase.audit.service.AuditAction;
import org.vidcase.audit.service.AuditEntry;
import org.vidcase.audit.service.AuditTrail;
import org.vidcase.jobs.service.JobContext;
import org.vidcase.jobs.service.JobHandler;
import org.vidcase.matching.KnownHashIndex;
import org.vidcase.matching.MatchingService;
import org.vidcase.media.domain.MediaSource;
import org.vidcase.media.infra.EvidenceStore;
import org.vidcase.media.infra.MediaBatchWriter;
import org.vidcase.media.infra.PartitionedImportWriter;
import org.vidcase.media.vics.HashCsvReader;
import org.vidcase.media.vics.ImportedMedia;
import org.vidcase.media.vics.ImportedMediaSource;
import org.vidcase.media.vics.RecordError;
import org.vidcase.media.vics.VicsReader;
import org.vidcase.shared.category.CategoryScheme;

/**
 * Imports a stored forensic export into a seizure, batch by batch. Writes are idempotent, so a run
 * interrupted by a restart resumes after its last committed batch and a re-import changes nothing.
 * The file is read once through before anything is written: a file whose structure breaks off
 * (truncated, unbalanced, a quote that never closes) fails the job with nothing stored, instead of
 * leaving the batches before the damage behind. That pass costs about a tenth of the import.
 */
@ApplicationScoped
public class MediaImportJob implements JobHandler {

    public static final String TYPE = "media-import";
    static final int BATCH = 10_000;

    private final EvidenceStore store;
    private final AgroalDataSource dataSource;
    private final CategoryScheme scheme;
    private final AuditTrail trail;
    private final ObjectMapper json;
    private final int writerSessions;
    private final MatchingService matching;
    private final KnownHashIndex index;
    private final Event<SeriesTextWritten> seriesText;

    public MediaImportJob(EvidenceStore store, AgroalDataSource dataSource, CategoryScheme scheme, AuditTrail trail,
                          ObjectMapper json,
                          @ConfigProperty(name = "vidcase.imports.writer-sessions") int writerSessions,
                          MatchingService matching, KnownHashIndex index, Event<SeriesTextWritten> seriesText) {
        this.seriesText = seriesText;
        this.matching = matching;
        this.index = index;
        this.writerSessions = writerSessions;
        this.store = store;
        this.dataSource = dataSource;
        this.scheme = scheme;
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
        ImportParameters p = json.readValue(context.parameters(), ImportParameters.class);
        // Resumed at start-up, an import may come before the reference indexes are loaded.
        index.awaitLoaded(context::cancelled);
        long skip = context.checkpoint() == null ? 0 : Long.parseLong(context.checkpoint());
        MediaSource source = p.format() == ImportFormat.VICS ? MediaSource.VICS : MediaSource.CSV;
        context.message("checking the file");
        long entries = readThrough(p, context);
        if (context.cancelled()) {
            return;
        }
        context.total(entries);
        context.message("importing " + entries + " entries");
        Counts counts = new Counts();
        try (InputStream in = store.open(p.objectKey(), p.wrappedKey());
             ImportedMediaSource records = open(p, in);
             PartitionedImportWriter writer = new PartitionedImportWriter(writerSessions, (partition, part) ->
                     QuarkusTransaction.requiringNew().call(() -> {
                         try (Connection c = dataSource.getConnection()) {
                             return MediaBatchWriter.write(c, p.caseId(), p.seizureId(), context.owner(), source, part,
                                     matching::prepare);
                         }
                     }))) {
            List<ImportedMedia> batch = new ArrayList<>(BATCH);
            // Entries read from the file, records and rejected ones alike; a resumed run skips what was committed.
            long[] consumed = {0};
            boolean more = true;
            while (more && !context.cancelled()) {
                more = records.next(
                        record -> {
                            if (consumed[0]++ >= skip) {
                                batch.add(record);
                            }
                        },
                        error -> {
                            if (consumed[0]++ >= skip) {
                                reject(context, counts, error);
                            }
                        });
                if (batch.size() >= BATCH || (!more && !batch.isEmpty())) {
                    // Reading the next batch while this one is written was measured slower on 2 cores.
                    MediaBatchWriter.BatchResult result = writer.write(valid(context, batch, counts));
                    seriesText.fire(new SeriesTextWritten(Set.of(p.caseId())));
                    counts.records += batch.size();
                    counts.newItems += result.newItems();
                    counts.newLocations += result.newLocations();
                    counts.alert += result.alertItems();
                    counts.ignorable += result.ignorableItems();
                    // Checkpoint first: advancing may flush, and a flushed count must never run ahead of it.
                    context.checkpoint(Long.toString(consumed[0]));
                    context.advance(batch.size());
                    batch.clear();
                }
            }
        }
        if (context.stopping()) {
            return;
        }
        String summary = counts.records + " records: " + counts.newItems + " new items, " + counts.newLocations
                + " new locations, " + counts.rejected + " rejected; new items matching reference sets: "
                + counts.alert + " alert, " + counts.ignorable + " ignorable";
        context.message(summary);
        context.result(json.writeValueAsString(Map.of("records", counts.records, "newItems", counts.newItems,
                "newLocations", counts.newLocations, "rejected", counts.rejected, "alertItems", counts.alert,
                "ignorableItems", counts.ignorable, "fileSha256", p.fileSha256())));
        trail.appendSeparately(AuditEntry.of(context.owner(), AuditAction.MEDIA_IMPORT, p.seizureId().toString(),
                p.caseId(), context.cancelled() ? AuditOutcome.REFUSED : AuditOutcome.SUCCESS, null, null,
                (context.cancelled() ? "cancelled after " : "") + summary + "; file sha256 " + p.fileSha256()));
    }

    private void reject(JobContext context, Counts counts, RecordError error) {
        counts.rejected++;
        context.error("record " + error.index() + " (" + error.pointer() + "): " + error.message());
        context.advance(1);
    }

    /** Records that fit the scheme and the columns; the others are reported and left out. */
    private List<ImportedMedia> valid(JobContext context, List<ImportedMedia> batch, Counts counts) {
        List<ImportedMedia> valid = new ArrayList<>(batch.size());
        for (ImportedMedia m : batch) {
            String problem = m.category() != null && !scheme.defines(m.category())
                    ? "category " + m.category() + " is not in the " + scheme.profile() + " scheme"
                    : ImportLimits.violation(m);
            if (problem != null) {
                counts.rejected++;
                context.error("record with " + MediaBatchWriter.contentKey(m) + ": " + problem);
            } else {
                valid.add(m);
            }
        }
        return valid;
    }

    /**
     * Reads the whole file as the import will, delivering nothing: its entries (records and rejected
     * ones), or the reader's MalformedExportException when its structure breaks off somewhere.
     */
    private long readThrough(ImportParameters p, JobContext context) throws IOException {
        long[] entries = {0};
        try (InputStream in = store.open(p.objectKey(), p.wrappedKey()); ImportedMediaSource records = open(p, in)) {
            while (!context.cancelled() && records.next(record -> entries[0]++, error -> entries[0]++)) {
                // Only the structure is judged here; records are judged when they are written.
            }
        }
        return entries[0];
    }

    private static ImportedMediaSource open(ImportParameters p, InputStream in) throws IOException {
        return p.format() == ImportFormat.VICS ? VicsReader.open(in) : HashCsvReader.open(in);
    }

    private static final class Counts {
        long records;
        long newItems;
        long newLocations;
        long rejected;
        long alert;
        long ignorable;
    }
}
