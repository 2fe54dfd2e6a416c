package org.vidcase.hashing.video;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.vidcase.hashing.PdqHash;
import org.vidcase.hashing.video.KeyFrameSelector.KeyFrame;

/**
 * The framed records in which the decoder's child process hands back its result: a header, then
 * records of a type byte and a 4-byte length, ending with END or FAILED. Anything else (a record
 * cut off, a crash before END) reads as a failure, so a half-written result is never taken for a
 * whole one.
 */
public final class DecoderProtocol {

    static final int MAGIC = 0x56504451; // "VPDQ"
    static final int VERSION = 1;
    private static final byte INFO = 'I';
    private static final byte FRAME = 'F';
    private static final byte KEY_FRAME = 'K';
    private static final byte END = 'E';
    private static final byte FAILED = 'X';
    /** A record longer than this is not ours (a key frame is a JPEG of at most a few MiB). */
    private static final int MAX_RECORD = 64 * 1024 * 1024;

    private DecoderProtocol() {
    }

    /** The child's side: records in order, flushed at the end. */
    public static final class Writer {
        private final DataOutputStream out;

        public Writer(OutputStream out) throws IOException {
            this.out = new DataOutputStream(new java.io.BufferedOutputStream(out, 1 << 16));
            this.out.writeInt(MAGIC);
            this.out.writeInt(VERSION);
        }

        public void info(VideoInfo info) throws IOException {
            java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
            DataOutputStream d = new DataOutputStream(b);
            d.writeUTF(info.container() == null ? "" : info.container());
            d.writeUTF(info.codec() == null ? "" : info.codec());
            d.writeInt(info.width());
            d.writeInt(info.height());
            d.writeDouble(info.frameRate());
            d.writeDouble(info.durationSeconds());
            record(INFO, b.toByteArray());
        }

        public void frame(VideoFrameHash f) throws IOException {
            out.writeByte(FRAME);
            out.writeInt(4 + 8 + 4 + PdqHash.BYTES);
            writeFrame(out, f);
        }

        public void keyFrame(KeyFrame k) throws IOException {
            out.writeByte(KEY_FRAME);
            out.writeInt(4 + 8 + 4 + PdqHash.BYTES + k.picture().length);
            writeFrame(out, k.frame());
            out.write(k.picture());
        }

        public void end(long decodedFrames) throws IOException {
            out.writeByte(END);
            out.writeInt(8);
            out.writeLong(decodedFrames);
            out.flush();
        }

        public void failed(String reason) throws IOException {
            java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
            new DataOutputStream(b).writeUTF(reason.length() > 2000 ? reason.substring(0, 2000) : reason);
            record(FAILED, b.toByteArray());
            out.flush();
        }

        private void record(byte type, byte[] payload) throws IOException {
            out.writeByte(type);
            out.writeInt(payload.length);
            out.write(payload);
        }

        private static void writeFrame(DataOutputStream out, VideoFrameHash f) throws IOException {
            out.writeInt(f.frameNumber());
            out.writeDouble(f.timestamp());
            out.writeInt(f.quality());
            out.write(f.hash().toBytes());
        }
    }

    /** The parent's side; never throws for what the child wrote, only for reading the stream. */
    public static VideoHashResult read(InputStream source) throws IOException {
        DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(source, 1 << 16));
        VideoInfo info = null;
        try {
            if (in.readInt() != MAGIC || in.readInt() != VERSION) {
                return new VideoHashResult.Failed(null, "the decoder wrote no result");
            }
            List<VideoFrameHash> frames = new ArrayList<>();
            List<KeyFrame> keyFrames = new ArrayList<>();
            while (true) {
                byte type = in.readByte();
                int length = in.readInt();
                if (length < 0 || length > MAX_RECORD) {
                    return new VideoHashResult.Failed(info, "the decoder's result is corrupt");
                }
                byte[] payload = in.readNBytes(length);
                if (payload.length < length) {
                    return new VideoHashResult.Failed(info, "the decoder stopped before it finished");
                }
                DataInputStream p = new DataInputStream(new java.io.ByteArrayInputStream(payload));
                switch (type) {
                    case INFO -> info = new VideoInfo(emptyToNull(p.readUTF()), emptyToNull(p.readUTF()), p.readInt(),
                            p.readInt(), p.readDouble(), p.readDouble());
                    case FRAME -> frames.add(readFrame(p));
                    case KEY_FRAME -> {
                        VideoFrameHash f = readFrame(p);
                        keyFrames.add(new KeyFrame(f, p.readAllBytes()));
                    }
                    case END -> {
                        if (info == null) {
                            return new VideoHashResult.Failed(null, "the decoder's result is corrupt");
                        }
                        return new VideoHashResult.Hashed(info, new VpdqSignature(frames), keyFrames, p.readLong());
                    }
                    case FAILED -> {
                        return new VideoHashResult.Failed(info, p.readUTF());
                    }
                    default -> {
                        return new VideoHashResult.Failed(info, "the decoder's result is corrupt");
                    }
                }
            }
        } catch (EOFException e) {
            return new VideoHashResult.Failed(info, "the decoder stopped before it finished");
        } catch (IllegalArgumentException e) {
            return new VideoHashResult.Failed(info, "the decoder's result is corrupt: " + e.getMessage());
        }
    }

    private static VideoFrameHash readFrame(DataInputStream p) throws IOException {
        int number = p.readInt();
        double timestamp = p.readDouble();
        int quality = p.readInt();
        byte[] hash = p.readNBytes(PdqHash.BYTES);
        return new VideoFrameHash(number, timestamp, quality, PdqHash.fromBytes(hash));
    }

    private static String emptyToNull(String s) {
        return s.isEmpty() ? null : s;
    }
}
