package org.vidcase.hashing;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes an EXIF APP1 segment into a JPEG, byte by byte (TIFF little-endian: IFD0, the EXIF
 * sub-IFD and the GPS IFD), so that tests have camera metadata without any real photograph.
 */
public final class ExifFixture {

    private record Entry(int tag, int type, int count, byte[] value) {
    }

    private ExifFixture() {
    }

    /** The JPEG with an APP1 segment right after SOI holding these values. */
    public static byte[] withExif(byte[] jpeg, String make, String model, String software, String dateTimeOriginal,
                                  String offset, String bodySerial, String lens, double latitude, double longitude) {
        List<Entry> ifd0 = new ArrayList<>(List.of(ascii(0x010F, make), ascii(0x0110, model), ascii(0x0131, software)));
        List<Entry> exif = List.of(ascii(0x9003, dateTimeOriginal), ascii(0x9011, offset), ascii(0xA431, bodySerial),
                ascii(0xA434, lens));
        List<Entry> gps = List.of(ascii(0x0001, latitude >= 0 ? "N" : "S"), degrees(0x0002, Math.abs(latitude)),
                ascii(0x0003, longitude >= 0 ? "E" : "W"), degrees(0x0004, Math.abs(longitude)));
        // Layout: header (8), IFD0, EXIF IFD, GPS IFD, then all values that do not fit in 4 bytes.
        int ifd0Size = ifdSize(ifd0.size() + 2);
        int exifStart = 8 + ifd0Size;
        int gpsStart = exifStart + ifdSize(exif.size());
        int dataStart = gpsStart + ifdSize(gps.size());
        ifd0.add(new Entry(0x8769, 4, 1, le(exifStart)));
        ifd0.add(new Entry(0x8825, 4, 1, le(gpsStart)));

        ByteBuffer tiff = ByteBuffer.allocate(4096).order(ByteOrder.LITTLE_ENDIAN);
        tiff.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        int[] next = {dataStart};
        for (List<Entry> ifd : List.of(ifd0, exif, gps)) {
            tiff.putShort((short) ifd.size());
            for (Entry e : ifd) {
                tiff.putShort((short) e.tag()).putShort((short) e.type()).putInt(e.count());
                if (e.value().length <= 4) {
                    byte[] padded = new byte[4];
                    System.arraycopy(e.value(), 0, padded, 0, e.value().length);
                    tiff.put(padded);
                } else {
                    tiff.putInt(next[0]);
                    data.writeBytes(e.value());
                    next[0] += e.value().length;
                }
            }
            tiff.putInt(0);
        }
        tiff.put(data.toByteArray());
        byte[] tiffBytes = new byte[tiff.position()];
        tiff.flip().get(tiffBytes);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.write(0xD8);
        int length = 2 + 6 + tiffBytes.length;
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xE1, (byte) (length >> 8), (byte) length});
        out.writeBytes("Exif\0\0".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(tiffBytes);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    private static int ifdSize(int entries) {
        return 2 + entries * 12 + 4;
    }

    private static Entry ascii(int tag, String value) {
        byte[] text = (value + "\0").getBytes(StandardCharsets.US_ASCII);
        return new Entry(tag, 2, text.length, text);
    }

    /** Degrees, minutes and seconds as three RATIONALs. */
    private static Entry degrees(int tag, double value) {
        int deg = (int) value;
        double minutesFull = (value - deg) * 60;
        int min = (int) minutesFull;
        long secTimes1000 = Math.round((minutesFull - min) * 60 * 1000);
        ByteBuffer b = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(deg).putInt(1).putInt(min).putInt(1).putInt((int) secTimes1000).putInt(1000);
        return new Entry(tag, 5, 3, b.array());
    }

    private static byte[] le(int value) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array();
    }
}
