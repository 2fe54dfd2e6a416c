package org.vidcase.load;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.vidcase.hashing.PdqHasher;
import org.vidcase.synthetic.CopyEdit;
import org.vidcase.synthetic.ProceduralScene;
import org.vidcase.synthetic.SyntheticImages;

/**
 * Synthetic pictures made once, before the load, so that rendering and encoding do not compete
 * with the server for the client's cores. Each scene comes as a camera JPEG and as one edited copy
 * (resized, cropped, framed, mirrored...: a near-duplicate for clustering and find similar). An
 * upload takes a picture from the pool and writes a tag of its own into the file's comment (a JPEG
 * COM segment, a PNG tEXt chunk): new content to the server, with the same pixels.
 */
final class ImagePool {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    /** The signature and the IHDR chunk (length, type, 13 bytes, CRC), after which a chunk may be inserted. */
    private static final int PNG_AFTER_IHDR = 8 + 4 + 4 + 13 + 4;

    private final List<Picture> pictures;

    private ImagePool(List<Picture> pictures) {
        this.pictures = pictures;
    }

    /** {@code scenes} scenes, two pictures each, rendered on every core. */
    static ImagePool generate(long seed, int scenes) {
        Random random = new Random(seed);
        long[] seeds = random.longs(scenes).toArray();
        List<Picture> pictures = IntStream.range(0, scenes).parallel().mapToObj(i -> {
            PdqHasher hasher = new PdqHasher(); // keeps its buffers: one per task
            Random edits = new Random(seeds[i]);
            int width = 640 + 32 * edits.nextInt(11);
            BufferedImage original = ProceduralScene.of(seeds[i]).render(width, width * 3 / 4);
            CopyEdit edit = CopyEdit.values()[edits.nextInt(CopyEdit.values().length)];
            BufferedImage copy = edit.apply(original, edits);
            byte[] copyBytes = edits.nextBoolean() ? SyntheticImages.png(copy) : SyntheticImages.jpeg(copy, 0.8f);
            return List.of(picture(hasher, SyntheticImages.jpeg(original, 0.85f)), picture(hasher, copyBytes));
        }).flatMap(List::stream).toList();
        return new ImagePool(new ArrayList<>(pictures));
    }

    private static Picture picture(PdqHasher hasher, byte[] bytes) {
        try {
            return new Picture(bytes, hasher.hash(ImageIO.read(new ByteArrayInputStream(bytes))).hash().toHex());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int size() {
        return pictures.size();
    }

    boolean isJpeg(int index) {
        return !isPng(pictures.get(index).bytes());
    }

    /** The PDQ hash of the picture as decoded from its file, in hex. */
    String pdq(int index) {
        return pictures.get(index).pdq();
    }

    /** The picture with {@code tag} written into its comment: the same for the same index and tag. */
    byte[] unique(int index, String tag) {
        byte[] bytes = pictures.get(index).bytes();
        byte[] text = tag.getBytes(StandardCharsets.US_ASCII);
        return isPng(bytes) ? withPngText(bytes, text) : withJpegComment(bytes, text);
    }

    static boolean isPng(byte[] bytes) {
        if (bytes.length < PNG_SIGNATURE.length) {
            return false;
        }
        for (int i = 0; i < PNG_SIGNATURE.length; i++) {
            if (bytes[i] != PNG_SIGNATURE[i]) {
                return false;
            }
        }
        return true;
    }

    /** A COM segment right after SOI. */
    static byte[] withJpegComment(byte[] jpeg, byte[] text) {
        if (jpeg.length < 2 || (jpeg[0] & 0xff) != 0xff || (jpeg[1] & 0xff) != 0xd8 || text.length > 65_533) {
            throw new IllegalArgumentException("not a JPEG, or a comment too long");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(jpeg.length + text.length + 4);
        out.write(jpeg, 0, 2);
        int length = text.length + 2;
        out.write(0xff);
        out.write(0xfe);
        out.write(length >> 8);
        out.write(length & 0xff);
        out.write(text, 0, text.length);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** A tEXt chunk ("Comment") right after IHDR. */
    static byte[] withPngText(byte[] png, byte[] text) {
        byte[] data = new byte[8 + text.length];
        System.arraycopy("Comment".getBytes(StandardCharsets.US_ASCII), 0, data, 0, 7);
        System.arraycopy(text, 0, data, 8, text.length);
        byte[] type = "tEXt".getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(type);
        crc.update(data);
        ByteArrayOutputStream out = new ByteArrayOutputStream(png.length + data.length + 12);
        out.write(png, 0, PNG_AFTER_IHDR);
        writeInt(out, data.length);
        out.write(type, 0, 4);
        out.write(data, 0, data.length);
        writeInt(out, (int) crc.getValue());
        out.write(png, PNG_AFTER_IHDR, png.length - PNG_AFTER_IHDR);
        return out.toByteArray();
    }

    private static void writeInt(ByteArrayOutputStream out, int value) {
        out.write(value >>> 24);
        out.write(value >>> 16);
        out.write(value >>> 8);
        out.write(value);
    }

    private record Picture(byte[] bytes, String pdq) {
    }
}
