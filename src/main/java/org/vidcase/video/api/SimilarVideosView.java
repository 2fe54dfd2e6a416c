package org.vidcase.video.api;

import java.util.List;
import java.util.UUID;

/**
 * Videos that share frames with the probe, by vPDQ: {@code queryPercent} of the probe's frames found
 * a frame of the other video within the radius, {@code comparedPercent} of the other video's frames
 * found one of the probe's; {@code match} when both reach the configured shares.
 */
public record SimilarVideosView(UUID caseId, UUID mediaItemId, int probeFrames, int radius, List<CaseVideo> items,
                                List<KnownVideo> hashSetEntries) {

    public record CaseVideo(UUID caseId, UUID mediaItemId, double queryPercent, double comparedPercent, int frames,
                            boolean match) {
    }

    public record KnownVideo(UUID hashSetId, String hashSetName, String kind, long entryId, double queryPercent,
                             double comparedPercent, int frames, boolean match, String category, String series) {
    }
}
