package org.vidcase.media.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.vidcase.audit.service.AuditAction;
import org.vidcase.audit.service.AuditCase;
import org.vidcase.audit.service.AuditObject;
import org.vidcase.audit.service.Audited;
import org.vidcase.audit.service.AuditSubject;
import org.vidcase.cases.domain.VidCase;
import org.vidcase.cases.service.CaseAccess;
import org.vidcase.media.domain.MediaItem;
import org.vidcase.media.domain.MediaItemRepository;
import org.vidcase.media.domain.MediaLocation;
import org.vidcase.media.domain.MediaLocationRepository;
import org.vidcase.media.vics.ExifData;
import org.vidcase.media.vics.ImportedLocation;
import org.vidcase.media.vics.ImportedMedia;
import org.vidcase.media.vics.HashCsvWriter;
import org.vidcase.media.vics.MediaExportWriter;
import org.vidcase.media.vics.VicsWriter;
import org.vidcase.seizure.service.SeizureService;

/**
 * Exports a case or one seizure for the unit's forensic tools, as VICS 2.0 JSON or as a hash CSV in
 * the columns the CSV import reads, page by page so that memory does not grow with the case. The
 * export decision is audited before the first byte. Values are written as stored: verbatim in JSON,
 * and in CSV with formula-starting text neutralised for spreadsheets ({@code HashCsvWriter}).
 */
@ApplicationScoped
public class MediaExportService {

    private static final int PAGE = 1_000;

    private final CaseAccess access;
    private final SeizureService seizures;
    private final MediaItemRepository items;
    private final MediaLocationRepository locations;

    public MediaExportService(CaseAccess access, SeizureService seizures, MediaItemRepository items,
                              MediaLocationRepository locations) {
        this.access = access;
        this.seizures = seizures;
        this.items = items;
        this.locations = locations;
    }

    /** Checks access and records the export; the returned plan is then streamed. */
    @Audited(AuditAction.MEDIA_EXPORT)
    public ExportPlan plan(@AuditCase UUID caseId, @AuditObject UUID seizureId, ImportFormat format) {
        VidCase c = access.readable(caseId);
        if (seizureId != null) {
            seizures.readable(caseId, seizureId);
        }
        return new ExportPlan(caseId, seizureId, c.reference, format == null ? ImportFormat.VICS : format);
    }

    /**
     * Pages by id (keyset), so items added meanwhile neither shift nor repeat pages. The document is
     * closed only when complete: a failure leaves it visibly truncated, never well-formed.
     */
    public void write(ExportPlan plan, OutputStream out) throws IOException {
        MediaExportWriter writer = plan.format() == ImportFormat.CSV ? HashCsvWriter.open(out)
                : VicsWriter.open(out, plan.caseReference());
        UUID after = null;
        while (true) {
            UUID from = after;
            Page page = QuarkusTransaction.requiringNew().call(() -> page(plan, from));
            for (ImportedMedia m : page.media()) {
                writer.write(m);
            }
            if (page.media().size() < PAGE) {
                writer.close();
                return;
            }
            after = page.lastId();
        }
    }

    private Page page(ExportPlan plan, UUID after) {
        List<MediaItem> found = items.after(plan.caseId(), plan.seizureId(), after, PAGE);
        Map<UUID, List<MediaLocation>> where = locations.ofMedia(found.stream().map(m -> m.id).toList()).stream()
                .filter(l -> plan.seizureId() == null || plan.seizureId().equals(l.seizureId))
                .collect(Collectors.groupingBy(l -> l.mediaId));
        List<ImportedMedia> media = found.stream().map(m -> toExport(m, where.getOrDefault(m.id, List.of()))).toList();
        return new Page(media, found.isEmpty() ? after : found.get(found.size() - 1).id);
    }

    /** One page of the export and where the next one starts. */
    private record Page(List<ImportedMedia> media, UUID lastId) {
    }

    static ImportedMedia toExport(MediaItem m, List<MediaLocation> where) {
        ImportedMedia.Builder b = ImportedMedia.builder()
                .sourceId(m.id.toString()).md5(m.md5).sha1(m.sha1).sha256(m.sha256).pdq(m.pdq)
                .pdqQuality(m.pdqQuality == null ? null : m.pdqQuality.intValue()).photoDna(m.photodna)
                .size(m.sizeBytes).mimeType(m.mimeType).width(m.width).height(m.height).category(m.category)
                .victimIdentified(m.victimIdentified).offenderIdentified(m.offenderIdentified)
                .distributed(m.distributed).selfGenerated(m.selfGenerated).suspected(m.suspected)
                .series(m.series).tags(m.tags).notes(m.notes);
        if (m.exifMake != null || m.exifModel != null || m.exifBodySerial != null || m.exifLens != null
                || m.exifTakenAt != null || m.gpsLatitude != null || m.gpsLongitude != null) {
            b.exif(new ExifData(m.exifMake, m.exifModel, m.exifBodySerial, m.exifLens, m.exifTakenAt, m.gpsLatitude,
                    m.gpsLongitude));
        }
        for (MediaLocation l : where) {
            b.addLocation(new ImportedLocation(l.fileName, l.path, l.created, l.modified, l.accessed));
        }
        return b.build();
    }

    /** What to export, under which case reference, in which format. */
    public record ExportPlan(UUID caseId, UUID seizureId, String caseReference, ImportFormat format)
            implements AuditSubject {
        @Override
        public String auditObjectId() {
            return seizureId == null ? caseId.toString() : seizureId.toString();
        }

        @Override
        public UUID auditCaseId() {
            return caseId;
        }
    }
}
