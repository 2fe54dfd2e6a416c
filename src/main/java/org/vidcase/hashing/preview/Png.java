package org.vidcase.hashing.preview;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** A rendered picture (a preview, a contact sheet, a revealed picture) as the PNG a browser shows. */
public final class Png {

    private Png() {
    }

    public static byte[] encode(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("writing a PNG in memory", e);
        }
        return out.toByteArray();
    }
}
