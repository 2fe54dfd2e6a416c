package org.vidcase.testsupport;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;
import org.vidcase.synthetic.ProceduralScene;

/**
 * Small videos of procedural scenes, encoded with the FFmpeg build the server decodes with: each
 * scene is one rendered picture that the camera pans across, cut hard to the next scene. Never
 * real material. {@link #still} gives the picture of a frame, as a still taken from the video.
 */
public final class SyntheticVideos {

    /** The containers and codecs tests write: the formats the issue names. */
    public enum Format {
        MP4("mp4", "mp4", avcodec.AV_CODEC_ID_H264),
        MOV("mov", "mov", avcodec.AV_CODEC_ID_H264),
        AVI("avi", "avi", avcodec.AV_CODEC_ID_MPEG4),
        MKV("mkv", "matroska", avcodec.AV_CODEC_ID_MPEG4),
        WEBM("webm", "webm", avcodec.AV_CODEC_ID_VP8),
        WMV("wmv", "asf", avcodec.AV_CODEC_ID_WMV2),
        THREE_GP("3gp", "3gp", avcodec.AV_CODEC_ID_H263),
        MPEG_TS("ts", "mpegts", avcodec.AV_CODEC_ID_MPEG2VIDEO);

        public final String extension;
        final String container;
        final int codec;

        Format(String extension, String container, int codec) {
            this.extension = extension;
            this.container = container;
            this.codec = codec;
        }
    }

    /** A video of these scenes, {@code secondsPerScene} each. */
    public record Spec(List<Long> sceneSeeds, double secondsPerScene, int fps, int width, int height) {

        public int frames() {
            return (int) Math.round(sceneSeeds.size() * secondsPerScene * fps);
        }
    }

    private static final double OVERSCAN = 1.25;

    private SyntheticVideos() {
    }

    public static Path write(Path file, Format format, Spec spec) throws IOException {
        int width = format == Format.THREE_GP ? 176 : spec.width();
        int height = format == Format.THREE_GP ? 144 : spec.height();
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), width, height, 0);
             Java2DFrameConverter converter = new Java2DFrameConverter()) {
            recorder.setFormat(format.container);
            recorder.setVideoCodec(format.codec);
            recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
            recorder.setFrameRate(spec.fps());
            recorder.setGopSize(spec.fps());
            recorder.setVideoBitrate(width * height * 4);
            recorder.start();
            BufferedImage scene = null;
            int sceneIndex = -1;
            for (int n = 0; n < spec.frames(); n++) {
                int s = (int) (n / (spec.secondsPerScene() * spec.fps()));
                if (s != sceneIndex) {
                    sceneIndex = s;
                    scene = ProceduralScene.of(spec.sceneSeeds().get(s)).render((int) (width * OVERSCAN),
                            (int) (height * OVERSCAN));
                }
                recorder.record(converter.convert(window(scene, width, height, n, spec)));
            }
            recorder.stop();
        } catch (FFmpegFrameRecorder.Exception e) {
            throw new IOException("encoding " + file + " failed: " + e.getMessage(), e);
        }
        return file;
    }

    /** The picture of frame {@code n}, as the encoder was given it. */
    public static BufferedImage still(Spec spec, int n) {
        int s = (int) (n / (spec.secondsPerScene() * spec.fps()));
        BufferedImage scene = ProceduralScene.of(spec.sceneSeeds().get(s)).render((int) (spec.width() * OVERSCAN),
                (int) (spec.height() * OVERSCAN));
        return window(scene, spec.width(), spec.height(), n, spec);
    }

    /** The camera pans slowly to the right and down within the scene. */
    private static BufferedImage window(BufferedImage scene, int width, int height, int n, Spec spec) {
        int perScene = (int) Math.round(spec.secondsPerScene() * spec.fps());
        double t = perScene <= 1 ? 0 : (n % perScene) / (double) (perScene - 1);
        int x = (int) Math.round(t * (scene.getWidth() - width) * 0.2);
        int y = (int) Math.round(t * (scene.getHeight() - height) * 0.2);
        BufferedImage frame = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        frame.getGraphics().drawImage(scene.getSubimage(x, y, width, height), 0, 0, null);
        return frame;
    }

    /** An MP4 holding one second of a tone and no video stream. */
    public static Path audioOnly(Path file) throws IOException {
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), 1)) {
            recorder.setFormat("mp4");
            recorder.setAudioCodec(avcodec.AV_CODEC_ID_AAC);
            recorder.setSampleRate(16000);
            recorder.start();
            short[] tone = new short[16000];
            for (int i = 0; i < tone.length; i++) {
                tone[i] = (short) (8000 * Math.sin(i * 2 * Math.PI * 440 / 16000));
            }
            org.bytedeco.javacv.Frame frame = new org.bytedeco.javacv.Frame();
            frame.sampleRate = 16000;
            frame.audioChannels = 1;
            frame.samples = new java.nio.Buffer[] {java.nio.ShortBuffer.wrap(tone)};
            recorder.record(frame);
            recorder.stop();
        }
        return file;
    }

}
