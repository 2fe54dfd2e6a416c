package org.vidcase.hashing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.vidcase.hashing.DecodeResult.Decoded;
import org.vidcase.hashing.DecodeResult.Failed;

/**
 * Computes size, MD5, SHA-1, SHA-256 and, for images, the PDQ hash and the similarity signature,
 * reading the input exactly once, so it works on streams that cannot be replayed, such as uploads.
 *
 * <p>The bytes are digested as they are pulled from the source; the image decoder reads through
 * an in-memory cache that serves its seeks, and whatever it leaves unread is drained afterwards so
 * that the digests always cover the whole input. Thread-safe: each thread gets its own hasher.
 */
public final class MediaDigester {

    /** Metadata (EXIF, XMP, IPTC) is read from this much of the head of each image. */
    static final int METADATA_HEAD = 1024 * 1024;

    private final ImageDecoder decoder;
    private final CameraMetadataReader metadataReader = new CameraMetadataReader();
    private final ThreadLocal<PdqHasher> hashers = ThreadLocal.withInitial(PdqHasher::new);
    private final ThreadLocal<SignatureExtractor> extractors = ThreadLocal.withInitial(SignatureExtractor::new);

    public MediaDigester() {
        this(new ImageDecoder());
    }

    public MediaDigester(ImageDecoder decoder) {
        this.decoder = decoder;
    }

    public MediaDigest digest(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return digest(in);
        }
    }

    /**
     * Reads {@code in} to its end; does not close it.
     *
     * @throws IOException only if reading the source fails; undecodable content is reported in
     *                     {@link MediaDigest#decodeFailure()}
     */
    public MediaDigest digest(InputStream in) throws IOException {
        DigestingInputStream digesting = new DigestingInputStream(in);
        HeadCapture head = new HeadCapture(digesting, METADATA_HEAD);
        DecodeResult decoded = decoder.decode(head);
        PdqResult pdq = null;
        DihedralHashes dihedrals = null;
        ImageSignature signature = null;
        Integer width;
        Integer height;
        String failure = null;
        if (decoded instanceof Decoded image) {
            // One DCT gives the hash of the image and of its 7 rotations and reflections, for matching.
            dihedrals = hashers.get().hashWithDihedrals(image.image());
            pdq = dihedrals.result(Dihedral.ORIGINAL);
            signature = extractors.get().extract(image.image(), dihedrals);
            width = image.width();
            height = image.height();
        } else {
            Failed failed = (Failed) decoded;
            width = failed.width();
            height = failed.height();
            failure = failed.reason();
        }
        // An undecodable image may still say which camera made it; a file that is no image is not asked.
        ImageMetadata metadata = decoded.mimeType().startsWith("image/")
                ? metadataReader.read(head.head(), head.length()).orElse(null) : null;
        digesting.drain();
        return new MediaDigest(digesting.count(), digesting.md5Hex(), digesting.sha1Hex(), digesting.sha256Hex(),
                decoded.mimeType(), width, height, pdq, failure, dihedrals, metadata, signature);
    }
}
