package org.vidcase.exchange.service;

import java.util.ArrayList;
import java.util.List;
import org.vidcase.exchange.format.VpdqFrame;
import org.vidcase.hashing.PdqHash;
import org.vidcase.hashing.video.VideoFrameHash;
import org.vidcase.hashing.video.VpdqSignature;

/**
 * A video's vPDQ between its stored form ({@link VpdqSignature#toBytes()}, as {@code video_hash} and
 * {@code hash_set_entry.vpdq} hold it) and a package's frames ({@link VpdqFrame}: frame number, PDQ
 * in hex, quality, milliseconds).
 */
final class PackageVideoFrames {

    private PackageVideoFrames() {
    }

    /**
     * The frames a package carries for this stored hash: all of them, or, past {@code max}, frames
     * spread evenly over the whole video (so its shares stay representative), first and last kept.
     */
    static List<VpdqFrame> of(byte[] stored, int max) {
        List<VideoFrameHash> frames = VpdqSignature.fromBytes(stored).frames();
        int n = frames.size();
        int keep = Math.min(n, Math.max(0, max));
        List<VpdqFrame> out = new ArrayList<>(keep);
        for (int i = 0; i < keep; i++) {
            int at = keep == 1 ? 0 : (int) Math.round(i * (n - 1) / (double) (keep - 1));
            VideoFrameHash f = frames.get(at);
            out.add(new VpdqFrame(f.frameNumber(), f.hash().toHex(), f.quality(), Math.round(f.timestamp() * 1000)));
        }
        return out;
    }

    /** The stored form of a package's frames, or null for none. */
    static byte[] stored(List<VpdqFrame> frames) {
        if (frames == null || frames.isEmpty()) {
            return null;
        }
        List<VideoFrameHash> out = new ArrayList<>(frames.size());
        for (VpdqFrame f : frames) {
            out.add(new VideoFrameHash((int) Math.min(Integer.MAX_VALUE, f.frame()), f.millis() / 1000.0, f.quality(),
                    PdqHash.fromHex(f.pdq())));
        }
        return new VpdqSignature(out).toBytes();
    }
}
