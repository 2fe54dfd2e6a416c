package org.vidcase.video.service;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Decoding, hashing and matching of videos ({@code vidcase.video.*}). */
@ConfigMapping(prefix = "vidcase.video")
public interface VideoConfig {

    /** Frames hashed every this many seconds (vPDQ's rate; 0 hashes every frame). */
    @WithDefault("1")
    double secondsPerHash();

    /** Consecutive frames within this PDQ distance of the last one kept are stored once (vPDQ pruning). */
    @WithDefault("8")
    int pruneDistance();

    /** A video whose frames have more pixels than this is not decoded (kept hash-only, with the reason). */
    @WithDefault("9437184")
    long maxPixels();

    /** A video whose container claims a longer duration is not decoded. */
    @WithDefault("6H")
    Duration maxDuration();

    /** Decoding stops (hash-only, with the reason) past this many decoded frames. */
    @WithDefault("1296000")
    long maxFrames();

    /** The decoder's child process is killed after this long. */
    @WithDefault("60M")
    Duration decodeTimeout();

    /** The child's Java heap (and direct memory). */
    @WithDefault("512m")
    String decoderHeap();

    /** The child's whole address space, native FFmpeg allocations included (through prlimit; 0 for none). */
    @WithDefault("4G")
    MemorySize decoderAddressSpace();

    /** FFmpeg decoding threads per video. */
    @WithDefault("1")
    int decoderThreads();

    /** Videos decoded at once on each replica (each is one child process). */
    @WithDefault("1")
    int concurrentDecodes();

    /**
     * Where JavaCPP unpacks FFmpeg's native libraries for the child (must be writable; the chart mounts
     * a volume here because the root filesystem is read-only). Default: {@code <java.io.tmpdir>/vidcase-javacpp}.
     */
    Optional<String> javacppCacheDir();

    /** Where a video is decrypted for the child while it is decoded (private, emptied after each). */
    Optional<String> workDir();

    /** Key frames kept per video, at most. */
    @WithDefault("8")
    int keyFrames();

    /** PDQ distance from a scene's first frame beyond which a new scene (and key frame) starts. */
    @WithDefault("90")
    int sceneDistance();

    /** Key frames are stored shrunk to at most this many pixels on their longer side. */
    @WithDefault("1280")
    int keyFrameMaxSide();

    /** Blurred previews are at most this many pixels on their longer side. */
    @WithDefault("240")
    int previewMaxSide();

    /** How strongly previews are blurred (box radius in preview pixels, three passes). */
    @WithDefault("4")
    int previewBlur();

    /** vPDQ match: the share of the query video's frames that must match (vPDQ's P_q). */
    @WithDefault("0")
    double queryMatchPercent();

    /** vPDQ match: the share of the compared video's frames that must match (vPDQ's P_c). */
    @WithDefault("80")
    double comparedMatchPercent();
}
