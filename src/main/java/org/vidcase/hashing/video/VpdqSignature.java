package org.vidcase.hashing.video;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.vidcase.hashing.PdqHash;

/**
 * A video's vPDQ hash: the PDQ hashes of its sampled frames in frame order, with their frame numbers,
 * timestamps and quality. {@link #toBytes()} is the compact stored form (44 bytes a frame).
 */
public record VpdqSignature(List<VideoFrameHash> frames) {

    /** frame number (4), timestamp in milliseconds (4), quality (1), reserved (3), hash (32). */
    public static final int BYTES_PER_FRAME = 44;

    public VpdqSignature {
        frames = List.copyOf(frames);
        for (int i = 1; i < frames.size(); i++) {
            if (frames.get(i).frameNumber() <= frames.get(i - 1).frameNumber()) {
                throw new IllegalArgumentException("frames must be in increasing frame order: frame "
                        + frames.get(i).frameNumber() + " follows " + frames.get(i - 1).frameNumber());
            }
        }
    }

    public int size() {
        return frames.size();
    }

    public boolean isEmpty() {
        return frames.isEmpty();
    }

    /** How many frames are of at least this quality (the frames vPDQ compares). */
    public int usableFrames(int minQuality) {
        int n = 0;
        for (VideoFrameHash f : frames) {
            if (f.usable(minQuality)) {
                n++;
            }
        }
        return n;
    }

    /**
     * Drops each frame within {@code distance} of the last frame kept (vPDQ's frame pruning): runs of
     * near-identical frames, such as a still scene, are kept once. Zero keeps every frame whose hash
     * differs from the last kept one; a negative distance keeps everything.
     */
    public VpdqSignature pruned(int distance) {
        if (distance < 0 || frames.isEmpty()) {
            return this;
        }
        List<VideoFrameHash> kept = new ArrayList<>(frames.size());
        VideoFrameHash last = null;
        for (VideoFrameHash f : frames) {
            if (last == null || f.hash().hammingDistance(last.hash()) > distance) {
                kept.add(f);
                last = f;
            }
        }
        return new VpdqSignature(kept);
    }

    /** The distinct hashes of the frames of at least this quality, four words each: what vPDQ compares. */
    public long[] distinctUsableWords(int minQuality) {
        List<PdqHash> hashes = VpdqComparison.distinctUsable(this, minQuality);
        long[] words = new long[hashes.size() * 4];
        for (int i = 0; i < hashes.size(); i++) {
            for (int w = 0; w < 4; w++) {
                words[4 * i + w] = hashes.get(i).word(w);
            }
        }
        return words;
    }

    public byte[] toBytes() {
        ByteBuffer out = ByteBuffer.allocate(frames.size() * BYTES_PER_FRAME);
        for (VideoFrameHash f : frames) {
            out.putInt(f.frameNumber());
            out.putInt((int) Math.min(Integer.MAX_VALUE, Math.round(f.timestamp() * 1000)));
            out.put((byte) f.quality());
            out.put(new byte[3]);
            out.put(f.hash().toBytes());
        }
        return out.array();
    }

    public static VpdqSignature fromBytes(byte[] bytes) {
        if (bytes.length % BYTES_PER_FRAME != 0) {
            throw new IllegalArgumentException("a stored vPDQ hash is a multiple of " + BYTES_PER_FRAME
                    + " bytes, not " + bytes.length);
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        List<VideoFrameHash> frames = new ArrayList<>(bytes.length / BYTES_PER_FRAME);
        byte[] hash = new byte[PdqHash.BYTES];
        while (in.hasRemaining()) {
            int frame = in.getInt();
            double timestamp = in.getInt() / 1000.0;
            int quality = in.get() & 0xFF;
            in.position(in.position() + 3);
            in.get(hash);
            frames.add(new VideoFrameHash(frame, timestamp, quality, PdqHash.fromBytes(hash)));
        }
        return new VpdqSignature(frames);
    }
}
