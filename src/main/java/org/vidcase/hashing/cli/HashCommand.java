package org.vidcase.hashing.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.vidcase.hashing.MagicBytes;
import org.vidcase.hashing.MediaDigest;
import org.vidcase.hashing.MediaDigester;
import org.vidcase.hashing.video.DecodeSettings;
import org.vidcase.hashing.video.DecoderProtocol;
import org.vidcase.hashing.video.VideoHashResult;
import org.vidcase.hashing.video.VpdqHashFile;
import org.vidcase.hashing.video.ffmpeg.FfmpegVideoHasher;

/**
 * {@code hash FILE|DIR...}: prints {@code pdq,quality,md5,sha1,sha256,path} per file, the first
 * two columns as the reference {@code pdq-photo-hasher} prints them. A video's row (PDQ columns
 * empty) is followed by its vPDQ hash, one {@code #vpdq frameNumber,quality,pdqHex,timestamp} line
 * per frame sampled (one a second), the part after {@code #vpdq } exactly as the reference's
 * {@code vpdq-hash-video} writes it; a video that cannot be hashed gets a {@code #vpdq-failed reason}
 * line instead. Files are hashed in parallel but printed in input order; only a bounded number are
 * in flight, to bound memory. (Videos are decoded in this process: it is a tool, not the server.)
 */
final class HashCommand {

    /** Failures that merely say "this is not a picture" are not worth a line on stderr. */
    private static final List<String> QUIET_FAILURES = List.of("not an image", "empty");

    private final PrintStream out;
    private final PrintStream err;
    private final MediaDigester digester = new MediaDigester();
    private final int threads = Runtime.getRuntime().availableProcessors();

    HashCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Outcome for one file: a digest (and for a video its vPDQ outcome), or the read error. */
    private record Outcome(Path file, MediaDigest digest, VideoHashResult video, IOException error) {
    }

    int run(List<String> arguments) {
        boolean fileErrors = false;
        List<Path> files = new ArrayList<>();
        for (String argument : arguments) {
            Path path = Path.of(argument);
            if (!Files.exists(path)) {
                err.println(argument + ": no such file or directory");
                fileErrors = true;
                continue;
            }
            FileWalker.Listing listing = FileWalker.walk(path);
            listing.errors().forEach(err::println);
            fileErrors |= !listing.errors().isEmpty();
            files.addAll(listing.files());
        }
        fileErrors |= hashInOrder(files);
        return fileErrors ? HashCli.EXIT_FILE_ERROR : HashCli.EXIT_OK;
    }

    /** @return whether some file could not be read */
    private boolean hashInOrder(List<Path> files) {
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "hash-worker");
            thread.setDaemon(true);
            return thread;
        });
        boolean unreadable = false;
        try {
            Deque<Future<Outcome>> inFlight = new ArrayDeque<>();
            for (Path file : files) {
                inFlight.add(pool.submit(() -> hash(file)));
                if (inFlight.size() >= 2 * threads) {
                    unreadable |= print(inFlight.poll());
                }
            }
            while (!inFlight.isEmpty()) {
                unreadable |= print(inFlight.poll());
            }
        } finally {
            pool.shutdownNow();
        }
        out.flush();
        return unreadable;
    }

    private Outcome hash(Path file) {
        try {
            MediaDigest digest = digester.digest(file);
            return new Outcome(file, digest, MagicBytes.isVideo(digest.mimeType()) ? vpdq(file) : null, null);
        } catch (IOException e) {
            return new Outcome(file, null, null, e);
        }
    }

    static VideoHashResult vpdq(Path file) throws IOException {
        java.io.ByteArrayOutputStream result = new java.io.ByteArrayOutputStream();
        DecodeSettings settings = DecodeSettings.DEFAULTS.withMaxKeyFrames(0);
        new FfmpegVideoHasher(settings).hash(file, new DecoderProtocol.Writer(result), n -> { });
        return DecoderProtocol.read(new java.io.ByteArrayInputStream(result.toByteArray()));
    }

    /** @return whether the file could not be read */
    private boolean print(Future<Outcome> pending) {
        Outcome outcome = join(pending);
        if (outcome.error() != null) {
            err.println(outcome.file() + ": unreadable: " + outcome.error().getMessage());
            return true;
        }
        MediaDigest digest = outcome.digest();
        if (digest.decodeFailure() != null && !QUIET_FAILURES.contains(digest.decodeFailure())) {
            err.println(outcome.file() + ": " + digest.decodeFailure());
        }
        out.println(row(digest, outcome.file().toString()));
        if (outcome.video() instanceof VideoHashResult.Hashed hashed) {
            hashed.signature().frames().forEach(f -> out.println("#vpdq " + VpdqHashFile.line(f)));
        } else if (outcome.video() instanceof VideoHashResult.Failed failed) {
            err.println(outcome.file() + ": no vPDQ hash: " + failed.reason());
            out.println("#vpdq-failed " + failed.reason());
        }
        return false;
    }

    private static Outcome join(Future<Outcome> pending) {
        try {
            return pending.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("hashing failed unexpectedly", e.getCause());
        }
    }

    static String row(MediaDigest digest, String path) {
        String pdq = digest.pdq() == null ? "" : digest.pdq().hash().toHex();
        String quality = digest.pdq() == null ? "" : Integer.toString(digest.pdq().quality());
        return String.join(",", pdq, quality, digest.md5(), digest.sha1(), digest.sha256(), csvField(path));
    }

    /** RFC 4180 quoting, only when the path needs it. */
    private static String csvField(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
