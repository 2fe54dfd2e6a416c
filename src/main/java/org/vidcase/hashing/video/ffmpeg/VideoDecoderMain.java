package org.vidcase.hashing.video.ffmpeg;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.vidcase.hashing.video.DecodeSettings;
import org.vidcase.hashing.video.DecoderProtocol;

/**
 * The decoder's child process: {@code VideoDecoderMain VIDEO RESULT [name=value...]} hashes VIDEO
 * and writes the framed result ({@link DecoderProtocol}) to RESULT, and {@code progress N} lines to
 * standard output. Its own JVM, so that a crash or runaway in native FFmpeg code ends only this
 * process; the parent bounds its memory and time.
 */
public final class VideoDecoderMain {

    private VideoDecoderMain() {
    }

    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: VideoDecoderMain VIDEO RESULT [name=value...]");
            System.exit(2);
        }
        Path video = Path.of(args[0]);
        Path result = Path.of(args[1]);
        int status = 0;
        try (OutputStream out = Files.newOutputStream(result)) {
            DecoderProtocol.Writer writer = new DecoderProtocol.Writer(out);
            try {
                DecodeSettings settings = DecodeSettings.fromArguments(Arrays.asList(args).subList(2, args.length));
                new FfmpegVideoHasher(settings).hash(video, writer, n -> {
                    System.out.println("progress " + n);
                    System.out.flush();
                });
            } catch (OutOfMemoryError e) {
                writer.failed("too large to decode within the decoder's memory limit");
                status = 3;
            } catch (RuntimeException | LinkageError e) {
                writer.failed("decoder error: " + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()));
                status = 3;
            }
        } catch (IOException e) {
            System.err.println("cannot write the result: " + e.getMessage());
            status = 4;
        }
        System.exit(status);
    }
}
