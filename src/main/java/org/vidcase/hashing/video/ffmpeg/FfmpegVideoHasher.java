package org.vidcase.hashing.video.ffmpeg;

import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.LongConsumer;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.ffmpeg.global.swscale;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.vidcase.hashing.PdqHasher;
import org.vidcase.hashing.video.DecodeSettings;
import org.vidcase.hashing.video.DecoderProtocol;
import org.vidcase.hashing.video.EncryptedContainerProbe;
import org.vidcase.hashing.video.FrameSampling;
import org.vidcase.hashing.video.KeyFrameSelector;
import org.vidcase.hashing.video.VideoFrameHash;
import org.vidcase.hashing.video.VideoInfo;

/**
 * Decodes a video with FFmpeg (through JavaCV) and hashes it as vPDQ's reference does: every decoded
 * frame of the first video stream is counted, every n-th (see {@link FrameSampling}) is converted to
 * RGB24 at its own size with area scaling and PDQ-hashed. Loads FFmpeg's native code: run it only in
 * the decoder's child process or a command-line tool, never in the server.
 */
public final class FfmpegVideoHasher {

    private static final float KEY_FRAME_JPEG_QUALITY = 0.9f;
    private static final int PROGRESS_EVERY = 250;

    private final DecodeSettings settings;
    private final PdqHasher pdq = new PdqHasher();
    private final int frameWidth;
    private final int frameHeight;
    private byte[] rgb = new byte[0];

    public FfmpegVideoHasher(DecodeSettings settings) {
        this(settings, 0, 0);
    }

    /**
     * Frames scaled to {@code frameWidth x frameHeight} before hashing (the reference's downsample
     * option, with which its 128x128 sample hashes were made); 0 keeps the video's own size.
     */
    public FfmpegVideoHasher(DecodeSettings settings, int frameWidth, int frameHeight) {
        this.settings = settings;
        this.frameWidth = frameWidth;
        this.frameHeight = frameHeight;
    }

    /** Hashes the file and writes the outcome, a result or a reason, to {@code out}. */
    public void hash(Path file, DecoderProtocol.Writer out, LongConsumer progress) throws IOException {
        String encrypted = EncryptedContainerProbe.probe(file);
        if (encrypted != null) {
            out.failed(encrypted);
            return;
        }
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
            grabber.setPixelFormat(avutil.AV_PIX_FMT_RGB24);
            grabber.setImageScalingFlags(swscale.SWS_AREA);
            if (frameWidth > 0 && frameHeight > 0) {
                grabber.setImageWidth(frameWidth);
                grabber.setImageHeight(frameHeight);
            }
            grabber.setVideoOption("threads", Integer.toString(settings.decoderThreads()));
            try {
                grabber.start();
            } catch (FrameGrabber.Exception | RuntimeException e) {
                out.failed("unreadable: FFmpeg recognises no video container in the file (" + brief(e) + ")");
                return;
            }
            run(grabber, out, progress);
        } catch (FrameGrabber.Exception e) {
            out.failed("decoding failed: " + brief(e));
        }
    }

    private void run(FFmpegFrameGrabber grabber, DecoderProtocol.Writer out, LongConsumer progress) throws IOException {
        if (!grabber.hasVideo() || grabber.getImageWidth() <= 0 || grabber.getImageHeight() <= 0) {
            VideoInfo info = new VideoInfo(grabber.getFormat(), null, 0, 0, 0, seconds(grabber.getLengthInTime()));
            out.info(info);
            out.failed(grabber.hasAudio() ? "no video stream: the file holds audio only" : "no video stream");
            return;
        }
        VideoInfo info = new VideoInfo(grabber.getFormat(), grabber.getVideoCodecName(), grabber.getImageWidth(),
                grabber.getImageHeight(), grabber.getVideoFrameRate(), seconds(grabber.getLengthInTime()));
        out.info(info);
        String refusal = refusal(info);
        if (refusal != null) {
            out.failed(refusal);
            return;
        }
        FrameSampling sampling = FrameSampling.of(settings.secondsPerHash(), info.frameRate());
        KeyFrameSelector keyFrames = settings.maxKeyFrames() == 0 ? null
                : new KeyFrameSelector(settings.maxKeyFrames(), settings.sceneDistance(), 50);
        long decoded = 0;
        while (true) {
            boolean sampled = sampling.sampled(decoded);
            Frame frame;
            try {
                frame = grabber.grabFrame(false, true, sampled, false, false);
            } catch (FrameGrabber.Exception e) {
                out.failed("corrupt: decoding stopped at frame " + decoded + " (" + brief(e) + ")");
                return;
            }
            if (frame == null) {
                break;
            }
            if (frame.image == null) {
                continue;
            }
            if (decoded >= settings.maxFrames()) {
                out.failed("too many frames: more than " + settings.maxFrames() + " decoded (limit)");
                return;
            }
            if (sampled) {
                int frameNumber = (int) decoded;
                VideoFrameHash hash = hash(frame, frameNumber, sampling.timestamp(decoded));
                out.frame(hash);
                if (keyFrames != null) {
                    keyFrames.offer(hash, () -> jpeg(frame.imageWidth, frame.imageHeight, frame.imageStride));
                }
            }
            decoded++;
            if (decoded % PROGRESS_EVERY == 0) {
                progress.accept(decoded);
            }
        }
        if (decoded == 0) {
            out.failed("corrupt or encrypted: no frame of the video stream could be decoded");
            return;
        }
        String truncated = truncation(info, decoded);
        if (truncated != null) {
            out.failed(truncated);
            return;
        }
        if (keyFrames != null) {
            for (KeyFrameSelector.KeyFrame k : keyFrames.keyFrames()) {
                out.keyFrame(k);
            }
        }
        progress.accept(decoded);
        out.end(decoded);
    }

    private String refusal(VideoInfo info) {
        if (info.pixels() > settings.maxPixels()) {
            return String.format(Locale.ROOT, "too large: %dx%d frames are %d pixels, the limit is %d",
                    info.width(), info.height(), info.pixels(), settings.maxPixels());
        }
        if (info.durationSeconds() > settings.maxDurationSeconds()) {
            return String.format(Locale.ROOT, "too long: the container claims %.0f s, the limit is %.0f s",
                    info.durationSeconds(), settings.maxDurationSeconds());
        }
        if (!(info.frameRate() > 0) || info.frameRate() > 1000) {
            return "unusable frame rate: " + info.frameRate();
        }
        return null;
    }

    /** A stream that ends well before the duration its container claims was cut off. */
    private static String truncation(VideoInfo info, long decoded) {
        double decodedSeconds = decoded / info.frameRate();
        double claimed = info.durationSeconds();
        if (claimed > 0 && decodedSeconds < claimed - Math.max(2.0, 0.1 * claimed)) {
            return String.format(Locale.ROOT, "truncated: the video stream ends after %.1f s of the %.1f s its "
                    + "container claims", decodedSeconds, claimed);
        }
        return null;
    }

    private VideoFrameHash hash(Frame frame, int frameNumber, double timestamp) {
        int width = frame.imageWidth;
        int height = frame.imageHeight;
        int stride = frame.imageStride;
        ByteBuffer buffer = (ByteBuffer) frame.image[0];
        int length = stride * (height - 1) + 3 * width;
        if (rgb.length < length) {
            rgb = new byte[length];
        }
        buffer.duplicate().position(0).get(rgb, 0, length);
        return VideoFrameHash.of(frameNumber, timestamp, pdq.hashFrame(rgb, width, height, stride));
    }

    /** The frame last hashed, shrunk to the key-frame size and JPEG-encoded. */
    private byte[] jpeg(int width, int height, int stride) {
        BufferedImage full = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            int p = y * stride;
            for (int x = 0; x < width; x++, p += 3) {
                row[x] = (rgb[p] & 0xFF) << 16 | (rgb[p + 1] & 0xFF) << 8 | rgb[p + 2] & 0xFF;
            }
            full.setRGB(0, y, width, 1, row, 0, width);
        }
        double scale = Math.min(1.0, (double) settings.keyFrameMaxSide() / Math.max(width, height));
        BufferedImage image = full;
        if (scale < 1.0) {
            int w = Math.max(1, (int) Math.round(width * scale));
            int h = Math.max(1, (int) Math.round(height * scale));
            image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            java.awt.Graphics2D g = image.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(full, 0, 0, w, h, null);
            g.dispose();
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(KEY_FRAME_JPEG_QUALITY);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static double seconds(long microseconds) {
        return microseconds > 0 ? microseconds / 1_000_000.0 : 0;
    }

    private static String brief(Exception e) {
        String m = e.getMessage();
        if (m == null) {
            return e.getClass().getSimpleName();
        }
        m = m.replaceAll("\\s+", " ").strip();
        return m.length() > 300 ? m.substring(0, 300) : m;
    }
}
