package org.vidcase.hashing.video;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.vidcase.hashing.PdqHash;

/**
 * The text form of a vPDQ hash as the reference implementation writes it ({@code vpdq-hash-video}):
 * one line per frame, {@code frameNumber,quality,pdqHex,timestampSeconds}, the timestamp with three
 * decimals. Reading also takes the three-field lines of its Python wrapper and of ThreatExchange's
 * compact features ({@code pdqHex,quality,timestampSeconds}, numbered in order), blank lines and
 * {@code #} comments.
 */
public final class VpdqHashFile {

    /** Bounds what one file may make us hold: ten hours at 60 frames a second. */
    public static final int MAX_FRAMES = 2_160_000;

    private VpdqHashFile() {
    }

    public static String line(VideoFrameHash f) {
        return f.frameNumber() + "," + f.quality() + "," + f.hash().toHex() + ","
                + String.format(Locale.ROOT, "%.3f", f.timestamp());
    }

    public static String write(VpdqSignature signature) {
        StringBuilder out = new StringBuilder(signature.size() * 80);
        for (VideoFrameHash f : signature.frames()) {
            out.append(line(f)).append('\n');
        }
        return out.toString();
    }

    /**
     * @throws MalformedVpdqException naming the first bad line; a file with no frame is refused too
     */
    public static VpdqSignature read(Reader source) throws IOException {
        BufferedReader reader = source instanceof BufferedReader b ? b : new BufferedReader(source);
        List<VideoFrameHash> frames = new ArrayList<>();
        String line;
        long lineNumber = 0;
        while ((line = reader.readLine()) != null) {
            lineNumber++;
            String text = (lineNumber == 1 && line.startsWith("\uFEFF") ? line.substring(1) : line).strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            if (frames.size() >= MAX_FRAMES) {
                throw new MalformedVpdqException(lineNumber, "more than " + MAX_FRAMES + " frames");
            }
            VideoFrameHash frame = parse(text, frames.size(), lineNumber);
            if (!frames.isEmpty() && frame.frameNumber() <= frames.get(frames.size() - 1).frameNumber()) {
                throw new MalformedVpdqException(lineNumber, "frame " + frame.frameNumber()
                        + " is not after frame " + frames.get(frames.size() - 1).frameNumber());
            }
            frames.add(frame);
        }
        if (frames.isEmpty()) {
            throw new MalformedVpdqException(lineNumber, "no frame hash in the file");
        }
        return new VpdqSignature(frames);
    }

    /** One frame line; {@code ordinal} numbers three-field lines, which carry no frame number. */
    static VideoFrameHash parse(String text, int ordinal, long lineNumber) {
        String[] f = text.split(",", -1);
        try {
            if (f.length == 4) {
                return new VideoFrameHash(Integer.parseInt(f[0].strip()), timestamp(f[3]), Integer.parseInt(f[1].strip()),
                        PdqHash.fromHex(f[2].strip()));
            }
            if (f.length == 3) {
                return new VideoFrameHash(ordinal, timestamp(f[2]), Integer.parseInt(f[1].strip()),
                        PdqHash.fromHex(f[0].strip()));
            }
        } catch (IllegalArgumentException e) {
            throw new MalformedVpdqException(lineNumber, e.getMessage());
        }
        throw new MalformedVpdqException(lineNumber, "expected frameNumber,quality,pdqHex,timestamp; found "
                + f.length + " fields");
    }

    private static double timestamp(String field) {
        double seconds = Double.parseDouble(field.strip());
        if (!(seconds >= 0) || Double.isInfinite(seconds)) {
            throw new IllegalArgumentException("timestamp must be a non-negative number of seconds: " + field);
        }
        return seconds;
    }

    /** A line of a vPDQ hash file that is not a frame hash. */
    public static final class MalformedVpdqException extends IllegalArgumentException {

        private final long line;

        public MalformedVpdqException(long line, String message) {
            super("line " + line + ": " + message);
            this.line = line;
        }

        public long line() {
            return line;
        }
    }
}
