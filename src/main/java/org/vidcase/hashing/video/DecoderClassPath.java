package org.vidcase.hashing.video;

import java.io.File;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The class path of the decoder's child process: where this JVM finds the decoder's own classes,
 * JavaCV, JavaCPP and FFmpeg with their linux-x86_64 natives. Found through resources, without
 * loading a class of theirs (that would load native FFmpeg into the caller). Works with plain
 * class paths, Maven's test class path and Quarkus's packaged layout alike.
 */
public final class DecoderClassPath {

    static final String MAIN_CLASS = "org.vidcase.hashing.video.ffmpeg.VideoDecoderMain";

    private static final String[] RESOURCES = {
        "org/vidcase/hashing/video/ffmpeg/VideoDecoderMain.class",
        "org/bytedeco/javacv/FFmpegFrameGrabber.class",
        "org/bytedeco/javacpp/Loader.class",
        "org/bytedeco/javacpp/linux-x86_64/libjnijavacpp.so",
        "org/bytedeco/ffmpeg/global/avcodec.class",
        "org/bytedeco/ffmpeg/linux-x86_64/libjniavcodec.so",
    };

    private DecoderClassPath() {
    }

    /** @throws IllegalStateException naming what is missing */
    public static List<Path> discover(ClassLoader loader) {
        Set<Path> entries = new LinkedHashSet<>();
        for (String resource : RESOURCES) {
            URL url = loader.getResource(resource);
            if (url == null) {
                throw new IllegalStateException("The video decoder needs " + resource + " on the class path");
            }
            entries.add(root(url, resource));
        }
        return new ArrayList<>(entries);
    }

    public static String join(List<Path> entries) {
        return String.join(File.pathSeparator, entries.stream().map(Path::toString).toList());
    }

    /** The jar or directory a resource URL points into. */
    static Path root(URL url, String resource) {
        String s = url.toString();
        try {
            if (s.startsWith("jar:")) {
                int bang = s.indexOf("!/");
                return Path.of(new URI(s.substring(4, bang)));
            }
            if (s.startsWith("file:") && s.endsWith(resource)) {
                return Path.of(new URI(s.substring(0, s.length() - resource.length())));
            }
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IllegalStateException("Cannot locate " + resource + " from " + s, e);
        }
        throw new IllegalStateException("Cannot locate " + resource + " from " + s);
    }
}
