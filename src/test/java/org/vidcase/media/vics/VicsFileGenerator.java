package org.vidcase.media.vics;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.SplittableRandom;

/**
 * Writes a synthetic VICS export for benchmarks and large-file tests, streaming, so any size needs the same memory.
 * The records imitate what real exporters write, including their untidiness: flags as JSON booleans or as words,
 * numbers as strings, upper-case hashes, 1-3 MediaFiles with .NET-style timestamps, EXIF rows with
 * degrees/minutes/seconds, PhotoDNA in base64, SHA-256 and PDQ as AlternativeHashes, navigation-link noise in 1.x,
 * and case fields before and after the Media array. Every record is valid.
 *
 * <pre>java ... VicsFileGenerator --records 1000000 --out /tmp/vics-1m.json [--version 1.3|2.0] [--seed 42]</pre>
 */
public final class VicsFileGenerator {

    private static final String[] MAKES = {"Apple", "samsung", "Canon", "NIKON CORPORATION", "Google"};
    private static final String[] MODELS = {"iPhone 12", "SM-G991B", "Canon EOS 5D Mark IV", "NIKON D750", "Pixel 7"};
    private static final String[] MIME_TYPES = {"image/jpeg", "image/jpeg", "image/png", "image/heic", "video/mp4"};
    private static final String[] FLAG_WORDS_TRUE = {"true", "True", "yes", "1"};
    private static final String[] FLAG_WORDS_FALSE = {"false", "False", "no", "0"};
    private static final long START = Instant.parse("2015-01-01T00:00:00Z").getEpochSecond();

    private final JsonGenerator json;
    private final SplittableRandom random;
    private final boolean version1;
    private final byte[] bytes = new byte[PhotoDnaCodec.BYTES];

    private VicsFileGenerator(JsonGenerator json, SplittableRandom random, boolean version1) {
        this.json = json;
        this.random = random;
        this.version1 = version1;
    }

    public static void main(String[] args) throws IOException {
        long records = 1_000_000;
        Path out = null;
        String version = "2.0";
        long seed = 42;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--records" -> records = Long.parseLong(args[i + 1]);
                case "--out" -> out = Path.of(args[i + 1]);
                case "--version" -> version = args[i + 1];
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (out == null || !version.equals("1.3") && !version.equals("2.0")) {
            System.err.println("usage: VicsFileGenerator --records N --out FILE [--version 1.3|2.0] [--seed S]");
            System.exit(2);
        }
        long started = System.nanoTime();
        try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
            generate(file, records, version, seed);
        }
        System.out.printf("wrote %,d records, VICS %s, %,d bytes to %s in %.1f s%n", records, version, Files.size(out),
                out, (System.nanoTime() - started) / 1e9);
    }

    public static void generate(OutputStream out, long records, String version, long seed) throws IOException {
        boolean version1 = version.startsWith("1");
        try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
            new VicsFileGenerator(json, new SplittableRandom(seed), version1).document(records, version);
        }
    }

    private void document(long records, String version) throws IOException {
        json.writeStartObject();
        if (version1) {
            json.writeStringField("odata.metadata", "http://github.com/ICMEC/ProjectVic/DataModels/" + version
                    + ".xml#Cases");
        } else {
            json.writeStringField("@odata.context", "http://github.com/VICSDATAMODEL/ProjectVic/DataModels/" + version
                    + ".xml/US/$metadata#Cases");
        }
        json.writeArrayFieldStart("value");
        json.writeStartObject();
        json.writeStringField("CaseID", "{6F9619FF-8B86-D011-B42D-00C04FC964FF}");
        json.writeStringField("CaseNumber", "SYNTHETIC-0001");
        json.writeStringField("ContactName", "Synthetic Examiner");
        json.writeArrayFieldStart("Media");
        for (long i = 0; i < records; i++) {
            media(i);
        }
        json.writeEndArray();
        json.writeStringField("SourceApplicationName", "VicsFileGenerator");
        json.writeStringField("TotalMediaFiles", Long.toString(records));
        json.writeEndObject();
        json.writeEndArray();
        json.writeEndObject();
    }

    private void media(long index) throws IOException {
        String md5 = hex(16).toUpperCase();
        json.writeStartObject();
        if (version1) {
            json.writeStringField("odata.id", "Media(" + (index + 1) + ")");
        }
        json.writeNumberField("MediaID", index + 1);
        if (chance(0.1)) {
            json.writeStringField("Category", Integer.toString(random.nextInt(6)));
        } else {
            json.writeNumberField("Category", random.nextInt(6));
        }
        json.writeStringField("MD5", md5);
        if (chance(0.95)) {
            json.writeStringField("SHA1", hex(20).toUpperCase());
        }
        long size = 2_000 + random.nextLong(8_000_000);
        if (chance(0.2)) {
            json.writeStringField("MediaSize", Long.toString(size));
        } else {
            json.writeNumberField("MediaSize", size);
        }
        json.writeStringField("MimeType", MIME_TYPES[random.nextInt(MIME_TYPES.length)]);
        flag("VictimIdentified", 0.5);
        flag("OffenderIdentified", 0.5);
        flag("IsDistributed", 0.5);
        flag("IsSuspected", 0.2);
        flag(version1 ? "IsSelfGenerated" : "SelfGenerated", 0.1);
        json.writeStringField("IsPrecategorized", "false");
        json.writeStringField("DateUpdated", timestamp());
        if (chance(0.1)) {
            json.writeStringField("Series", "Series " + random.nextInt(500));
        }
        if (chance(0.15)) {
            tags();
        }
        if (chance(0.1)) {
            json.writeStringField("Comments", "Reviewed; see note " + random.nextInt(10_000));
        }
        if (chance(0.3)) {
            random.nextBytes(bytes);
            json.writeStringField("PhotoDNA", Base64.getEncoder().encodeToString(bytes));
        }
        json.writeStringField("RelativeFilePath", "VIC_Files\\" + md5 + ".jpg");
        mediaFiles();
        if (chance(0.3)) {
            exifs();
        }
        if (version1) {
            json.writeStringField("Exifs@odata.navigationLinkUrl", "/Media(" + md5 + ")/Exifs");
        }
        if (chance(0.4)) {
            alternativeHashes();
        }
        json.writeEndObject();
    }

    private void flag(String name, double presence) throws IOException {
        if (!chance(presence)) {
            return;
        }
        boolean value = random.nextBoolean();
        if (chance(0.4)) {
            String[] words = value ? FLAG_WORDS_TRUE : FLAG_WORDS_FALSE;
            json.writeStringField(name, words[random.nextInt(words.length)]);
        } else {
            json.writeBooleanField(name, value);
        }
    }

    private void tags() throws IOException {
        if (chance(0.5)) {
            json.writeStringField("Tags", "indoor;tag" + random.nextInt(100));
            return;
        }
        json.writeArrayFieldStart("Tags");
        json.writeString("indoor");
        json.writeString("tag" + random.nextInt(100));
        json.writeEndArray();
    }

    private void mediaFiles() throws IOException {
        json.writeArrayFieldStart("MediaFiles");
        int files = 1 + random.nextInt(3);
        for (int f = 0; f < files; f++) {
            String name = "IMG_" + (1000 + random.nextInt(9000)) + ".JPG";
            json.writeStartObject();
            json.writeStringField("FileName", name);
            json.writeStringField("FilePath", "\\Users\\user" + random.nextInt(5) + "\\Pictures\\DCIM\\"
                    + random.nextInt(300) + "APPLE\\" + name);
            json.writeStringField("Created", timestamp());
            json.writeStringField("Written", chance(0.1) ? "/Date(" + (START + random.nextLong(300_000_000)) * 1000
                    + ")/" : timestamp());
            json.writeStringField("Accessed", timestamp());
            if (chance(0.2)) {
                json.writeStringField("Unallocated", "true");
            }
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private void exifs() throws IOException {
        int camera = random.nextInt(MAKES.length);
        json.writeArrayFieldStart("Exifs");
        exif("Make", MAKES[camera]);
        exif("Model", MODELS[camera]);
        exif("DateTimeOriginal", "2019:0" + (1 + random.nextInt(9)) + ":1" + random.nextInt(10) + " 1"
                + random.nextInt(10) + ":2" + random.nextInt(10) + ":0" + random.nextInt(10));
        if (chance(0.5)) {
            exif("GPSLatitude", random.nextInt(90) + " deg " + random.nextInt(60) + "' " + random.nextInt(60)
                    + ".00\"");
            exif("GPSLatitudeRef", random.nextBoolean() ? "N" : "S");
            exif("GPSLongitude", random.nextInt(180) + ", " + random.nextInt(60) + ", " + random.nextInt(60));
            exif("GPSLongitudeRef", random.nextBoolean() ? "E" : "W");
        }
        exif("PixelXDimension", "4032");
        exif("PixelYDimension", "3024");
        json.writeEndArray();
    }

    private void exif(String name, String value) throws IOException {
        json.writeStartObject();
        json.writeStringField("PropertyName", name);
        json.writeStringField("PropertyValue", value);
        json.writeEndObject();
    }

    private void alternativeHashes() throws IOException {
        json.writeArrayFieldStart("AlternativeHashes");
        json.writeStartObject();
        json.writeStringField("HashName", "SHA256");
        json.writeStringField("HashValue", hex(32));
        json.writeEndObject();
        if (chance(0.5)) {
            json.writeStartObject();
            json.writeStringField("HashName", "PDQ");
            json.writeStringField("HashValue", hex(32));
            json.writeNumberField("Quality", 50 + random.nextInt(51));
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    /** ISO 8601 with the seven fraction digits .NET exporters write. */
    private String timestamp() {
        LocalDateTime time = LocalDateTime.ofEpochSecond(START + random.nextLong(300_000_000), 0, ZoneOffset.UTC);
        StringBuilder text = new StringBuilder(28).append(time.getYear()).append('-');
        pad(text, time.getMonthValue(), 2).append('-');
        pad(text, time.getDayOfMonth(), 2).append('T');
        pad(text, time.getHour(), 2).append(':');
        pad(text, time.getMinute(), 2).append(':');
        pad(text, time.getSecond(), 2).append('.');
        return pad(text, random.nextInt(10_000_000), 7).append('Z').toString();
    }

    private static StringBuilder pad(StringBuilder text, int value, int width) {
        String digits = Integer.toString(value);
        return text.append("0000000", 0, width - digits.length()).append(digits);
    }

    private String hex(int byteCount) {
        byte[] digest = new byte[byteCount];
        random.nextBytes(digest);
        return HexDigests.encode(digest);
    }

    private boolean chance(double probability) {
        return random.nextDouble() < probability;
    }
}
