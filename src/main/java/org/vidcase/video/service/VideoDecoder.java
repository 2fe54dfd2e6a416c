package org.vidcase.video.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;
import org.jboss.logging.Logger;
import org.vidcase.hashing.video.ChildProcessDecoder;
import org.vidcase.hashing.video.DecodeSettings;
import org.vidcase.hashing.video.DecoderClassPath;
import org.vidcase.hashing.video.VideoHashResult;

/**
 * The server's decoder: a child JVM per video started from the server's own class path (the server
 * never loads FFmpeg), with the memory, time and work limits of {@link VideoConfig}.
 */
@ApplicationScoped
public class VideoDecoder {

    private static final Logger LOG = Logger.getLogger(VideoDecoder.class);

    private final VideoConfig config;
    private volatile ChildProcessDecoder decoder;

    public VideoDecoder(VideoConfig config) {
        this.config = config;
    }

    public VideoHashResult hash(Path video, LongConsumer progress, BooleanSupplier cancelled) throws IOException {
        return decoder().hash(video, progress, cancelled);
    }

    public Path workDir() {
        return Path.of(config.workDir().orElse(System.getProperty("java.io.tmpdir") + "/vidcase-video-work"));
    }

    private ChildProcessDecoder decoder() {
        ChildProcessDecoder d = decoder;
        if (d == null) {
            synchronized (this) {
                if (decoder == null) {
                    DecodeSettings settings = new DecodeSettings(config.secondsPerHash(), config.maxPixels(),
                            config.maxDuration().toSeconds(), config.maxFrames(), config.keyFrames(), config.sceneDistance(),
                            config.keyFrameMaxSide(), config.decoderThreads());
                    Path cache = Path.of(config.javacppCacheDir()
                            .orElse(System.getProperty("java.io.tmpdir") + "/vidcase-javacpp"));
                    long addressSpace = config.decoderAddressSpace().asLongValue();
                    if (addressSpace > 0 && !ChildProcessDecoder.addressSpaceLimitAvailable()) {
                        LOG.warn("prlimit is not installed: the video decoder's native memory is bounded only by the "
                                + "container's memory limit (its heap and direct memory by JVM flags)");
                    }
                    decoder = new ChildProcessDecoder(new ChildProcessDecoder.Settings(
                            ChildProcessDecoder.Settings.currentJava(),
                            DecoderClassPath.discover(Thread.currentThread().getContextClassLoader()),
                            config.decoderHeap(), addressSpace, cache, workDir(), config.decodeTimeout(), settings));
                }
                d = decoder;
            }
        }
        return d;
    }
}
