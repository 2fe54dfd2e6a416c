package org.vidcase.hashset.importer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.vidcase.hashing.video.VpdqHashFile;
import org.vidcase.hashing.video.VpdqSignature;

/**
 * vPDQ hashes of known videos, one reference entry per video. Two shapes are read: the hash file the
 * reference implementation writes for one video ({@code frameNumber,quality,pdqHex,timestamp} lines,
 * or its Python wrapper's {@code pdqHex,quality,timestamp}), and, one video per line, the JSON list of
 * compact features ThreatExchange and its hasher-matcher exchange as a VPDQ signal
 * ({@code ["pdqHex,quality,timestamp", ...]}). Nothing else a file may carry is kept.
 */
public final class VpdqHashSetReader {

    private VpdqHashSetReader() {
    }

    public static long read(InputStream in, Consumer<ReferenceEntry> onEntry, Consumer<EntryError> onError)
            throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        StringBuilder frameLines = new StringBuilder();
        long lineNumber = 0;
        long firstFrameLine = 0;
        long delivered = 0;
        String line;
        while ((line = reader.readLine()) != null) {
            lineNumber++;
            String text = (lineNumber == 1 && line.startsWith("\uFEFF") ? line.substring(1) : line).strip();
            if (text.startsWith("[")) {
                try {
                    onEntry.accept(ReferenceEntry.ofVpdq(compactList(text).toBytes()));
                    delivered++;
                } catch (IllegalArgumentException e) {
                    onError.accept(new EntryError(lineNumber, e.getMessage()));
                }
                continue;
            }
            if (!text.isEmpty() && !text.startsWith("#") && firstFrameLine == 0) {
                firstFrameLine = lineNumber;
            }
            frameLines.append(text).append('\n');
        }
        if (firstFrameLine > 0) {
            try {
                onEntry.accept(ReferenceEntry.ofVpdq(VpdqHashFile.read(new StringReader(frameLines.toString())).toBytes()));
                delivered++;
            } catch (VpdqHashFile.MalformedVpdqException e) {
                onError.accept(new EntryError(e.line(), e.getMessage().replaceFirst("^line \\d+: ", "")));
            }
        }
        return delivered;
    }

    /** {@code ["hex,quality,timestamp", ...]}: the frames of one video. */
    static VpdqSignature compactList(String json) {
        if (!json.endsWith("]")) {
            throw new IllegalArgumentException("a compact vPDQ list ends with ]");
        }
        String body = json.substring(1, json.length() - 1).strip();
        List<String> features = new ArrayList<>();
        for (String part : body.split(",(?=\\s*\")")) {
            String p = part.strip();
            if (p.length() < 2 || !p.startsWith("\"") || !p.endsWith("\"")) {
                throw new IllegalArgumentException("a compact vPDQ feature is a quoted \"pdqHex,quality,timestamp\"");
            }
            features.add(p.substring(1, p.length() - 1));
        }
        try {
            return VpdqHashFile.read(new StringReader(String.join("\n", features)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
