package org.vidcase.media.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import org.vidcase.audit.service.AuditAction;
import org.vidcase.audit.service.AuditCase;
import org.vidcase.audit.service.AuditDetails;
import org.vidcase.audit.service.AuditJustification;
import org.vidcase.audit.service.AuditObject;
import org.vidcase.audit.service.Audited;
import org.vidcase.hashing.DecodeResult;
import org.vidcase.hashing.ImageDecoder;
import org.vidcase.hashing.preview.BlurredPreview;
import org.vidcase.hashing.preview.Png;
import org.vidcase.media.domain.EvidenceBlob;
import org.vidcase.media.domain.EvidenceBlobRepository;
import org.vidcase.media.domain.MediaItem;
import org.vidcase.media.infra.EvidenceStore;
import org.vidcase.media.infra.StorageUnavailableException;
import org.vidcase.shared.error.IntegrityViolationException;
import org.vidcase.shared.error.ResourceNotFoundException;
import org.vidcase.shared.error.RuleViolationException;
import org.vidcase.shared.error.ServiceUnavailableException;

/**
 * A picture as the triage screen shows it, rendered by the server so that nothing but what is
 * shown reaches the browser: a small blurred greyscale preview (audited as a preview), or, after a
 * justification, the picture itself in colour at a size a screen shows (audited as content
 * access). Either only after the stored object was decrypted and hashed back to its SHA-256.
 */
@ApplicationScoped
public class MediaPictureService {

    private final MediaService media;
    private final EvidenceBlobRepository blobs;
    private final EvidenceStore store;
    private final CaseEvidenceKeys caseKeys;
    private final PictureConfig config;
    private final ImageDecoder decoder = new ImageDecoder();

    public MediaPictureService(MediaService media, EvidenceBlobRepository blobs, EvidenceStore store,
                               CaseEvidenceKeys caseKeys, PictureConfig config) {
        this.media = media;
        this.blobs = blobs;
        this.store = store;
        this.caseKeys = caseKeys;
        this.config = config;
    }

    /** The picture shrunk, greyscale and blurred, as PNG. */
    @Audited(AuditAction.MEDIA_PREVIEW)
    public byte[] preview(@AuditCase UUID caseId, @AuditObject UUID mediaId) {
        BufferedImage picture = picture(caseId, mediaId);
        AuditDetails.record("blurred greyscale preview");
        return Png.encode(BlurredPreview.render(picture, config.previewMaxSide(), config.previewBlur()));
    }

    /** The picture in colour, at most {@link PictureConfig#revealMaxSide()} on its longer side, as PNG. */
    @Audited(AuditAction.MEDIA_REVEAL)
    public byte[] reveal(@AuditCase UUID caseId, @AuditObject UUID mediaId,
                         @AuditJustification @NotBlank(message = "a justification is required to reveal a picture")
                         @Size(max = 2000) String justification) {
        BufferedImage picture = picture(caseId, mediaId);
        AuditDetails.record("picture revealed (" + picture.getWidth() + "x" + picture.getHeight() + ")");
        return Png.encode(fit(picture, config.revealMaxSide()));
    }

    private BufferedImage picture(UUID caseId, UUID mediaId) {
        MediaItem item = media.readable(caseId, mediaId);
        if (item.blobSha256 == null) {
            throw new ResourceNotFoundException("Content of media item", mediaId);
        }
        if (item.videoState != null) {
            throw new RuleViolationException("Media item " + mediaId + " is a video: its key frames have previews of "
                    + "their own (key-frames/sheet)");
        }
        EvidenceBlob blob = blobs.findById(item.blobSha256);
        DecodeResult result;
        MessageDigest sha256 = sha256();
        try (InputStream in = new DigestInputStream(store.open(blob.objectKey, caseKeys.keyFor(caseId, blob)), sha256)) {
            result = decoder.decode(in);
            in.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (StorageUnavailableException e) {
            throw new ServiceUnavailableException("Evidence storage is unavailable; try again later");
        } catch (IOException e) {
            throw new IntegrityViolationException("Stored evidence for item " + mediaId + " could not be read back");
        }
        if (!HexFormat.of().formatHex(sha256.digest()).equals(blob.sha256)) {
            throw new IntegrityViolationException("Stored evidence for item " + mediaId
                    + " failed its integrity check and was not shown");
        }
        if (result instanceof DecodeResult.Decoded decoded) {
            return decoded.image();
        }
        throw new RuleViolationException("Media item " + mediaId + " cannot be shown as a picture: "
                + ((DecodeResult.Failed) result).reason());
    }

    /** The picture scaled down (never up) to {@code maxSide} on its longer side. */
    static BufferedImage fit(BufferedImage picture, int maxSide) {
        int w = picture.getWidth();
        int h = picture.getHeight();
        double scale = Math.min(1.0, (double) maxSide / Math.max(w, h));
        int tw = Math.max(1, (int) Math.round(w * scale));
        int th = Math.max(1, (int) Math.round(h * scale));
        BufferedImage out = new BufferedImage(tw, th, BufferedImage.TYPE_INT_RGB);
        var g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(picture, 0, 0, tw, th, java.awt.Color.WHITE, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
