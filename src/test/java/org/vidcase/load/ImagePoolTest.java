package org.vidcase.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The pool's files made unique by a comment are still the same pictures, and new content each. */
class ImagePoolTest {

    private final ImagePool pool = ImagePool.generate(7, 4);

    @Test
    void aTagMakesNewContentWithTheSamePixels() throws IOException {
        assertThat(pool.size()).isEqualTo(8);
        boolean sawPng = false;
        boolean sawJpeg = false;
        for (int i = 0; i < pool.size(); i++) {
            byte[] a = pool.unique(i, "officer-01-1");
            byte[] b = pool.unique(i, "officer-01-2");
            assertThat(VirtualOfficer.sha256(a)).isNotEqualTo(VirtualOfficer.sha256(b));
            assertThat(pool.unique(i, "officer-01-1")).isEqualTo(a);
            assertThat(samePixels(decode(a), decode(b))).as("picture %d", i).isTrue();
            sawPng |= ImagePool.isPng(a);
            sawJpeg |= pool.isJpeg(i);
            assertThat(pool.pdq(i)).hasSize(64);
        }
        assertThat(sawJpeg).isTrue();
        assertThat(sawPng).as("seed 7 gives a PNG copy").isTrue();
    }

    @Test
    void thePngCommentIsAWellFormedChunk() throws IOException {
        byte[] png = org.vidcase.synthetic.SyntheticImages.png(org.vidcase.synthetic.SyntheticImages.scene(3, 64, 48));
        byte[] tagged = ImagePool.withPngText(png, "tag".getBytes());
        assertThat(samePixels(decode(png), decode(tagged))).isTrue();
        assertThat(new String(tagged, 33 + 4, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("tEXt");
        // The JDK's PNG reader does not check chunk CRCs: the chunk's own is checked here, over type and data.
        java.nio.ByteBuffer chunk = java.nio.ByteBuffer.wrap(tagged, 33, tagged.length - 33);
        int length = chunk.getInt();
        assertThat(length).isEqualTo("Comment".length() + 1 + "tag".length());
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(tagged, 33 + 4, 4 + length);
        long stored = Integer.toUnsignedLong(java.nio.ByteBuffer.wrap(tagged, 33 + 8 + length, 4).getInt());
        assertThat(stored).isEqualTo(crc.getValue());
    }

    private static BufferedImage decode(byte[] bytes) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
        assertThat(image).isNotNull();
        return image;
    }

    private static boolean samePixels(BufferedImage a, BufferedImage b) {
        if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
            return false;
        }
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if (a.getRGB(x, y) != b.getRGB(x, y)) {
                    return false;
                }
            }
        }
        return true;
    }
}
