package org.vidcase.hashing.preview;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlurredPreviewTest {

    /** A red and blue checkerboard of 4-pixel squares: all detail, no large shapes. */
    private static BufferedImage checkerboard(int w, int h) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                image.setRGB(x, y, ((x / 4 + y / 4) % 2 == 0) ? 0xFF0000 : 0x0000FF);
            }
        }
        return image;
    }

    @Test
    void previewIsSmallGreyAndWithoutFineDetail() {
        BufferedImage preview = BlurredPreview.render(checkerboard(640, 360), 160, 3);
        assertThat(preview.getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
        assertThat(preview.getWidth()).isEqualTo(160);
        assertThat(preview.getHeight()).isEqualTo(90);
        int min = 255;
        int max = 0;
        for (int y = 5; y < 85; y++) {
            for (int x = 5; x < 155; x++) {
                int v = preview.getRaster().getSample(x, y, 0);
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        // Red is luma 76, blue 29: blurred, the squares melt into one grey near their mean.
        assertThat(max - min).isLessThan(6);
        assertThat((min + max) / 2).isBetween(48, 57);
        BufferedImage sharp = BlurredPreview.render(checkerboard(160, 160), 160, 0);
        assertThat(sharp.getRaster().getSample(0, 0, 0)).isEqualTo(76);
        assertThat(sharp.getRaster().getSample(4, 0, 0)).isEqualTo(29);
    }

    @Test
    void contactSheetPlacesTilesInOrderWithCaptions() {
        BufferedImage white = new BufferedImage(40, 30, BufferedImage.TYPE_BYTE_GRAY);
        white.getRaster().setSamples(0, 0, 40, 30, 0, new int[1200]);
        java.util.Arrays.fill(((java.awt.image.DataBufferByte) white.getRaster().getDataBuffer()).getData(), (byte) 200);
        BufferedImage sheet = ContactSheet.render(List.of(new ContactSheet.Tile(white, ContactSheet.timestamp(83.46)),
                new ContactSheet.Tile(white, ContactSheet.timestamp(3725))), 4);
        assertThat(sheet.getWidth()).isEqualTo(6 + 2 * (40 + 6));
        assertThat(sheet.getRaster().getSample(10, 10, 0)).isEqualTo(200);
        assertThat(sheet.getRaster().getSample(3, 3, 0)).isEqualTo(24);
        assertThat(ContactSheet.timestamp(83.46)).isEqualTo("00:01:23.5");
        assertThat(ContactSheet.timestamp(3725)).isEqualTo("01:02:05.0");
        int ink = 0;
        for (int y = 30 + 6; y < sheet.getHeight(); y++) {
            for (int x = 0; x < sheet.getWidth(); x++) {
                ink += sheet.getRaster().getSample(x, y, 0) == 235 ? 1 : 0;
            }
        }
        assertThat(ink).as("caption pixels drawn").isGreaterThan(50);
    }
}
