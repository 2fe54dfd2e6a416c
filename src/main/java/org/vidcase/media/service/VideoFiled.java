package org.vidcase.media.service;

import java.util.UUID;

/**
 * Fired synchronously, inside the transaction that filed a video's content, so that the video
 * feature (above media) queues its decoding in the same commit: the item is PENDING until then, and
 * neither survives without the other.
 */
public record VideoFiled(UUID mediaId, UUID caseId, String actor) {
}
