package org.vidcase.hashing.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.vidcase.hashing.DecodeResult;
import org.vidcase.hashing.ImageDecoder;
import org.vidcase.hashing.MediaDigester;
import org.vidcase.hashing.PdqHasher;

/**
 * {@code bench-hash DIR [--rounds N]}: single-threaded throughput of decoding alone, of the full
 * digest (decode + MD5 + SHA-1 + SHA-256 + PDQ) and of PDQ alone on decoded images, over the
 * files in DIR that decode as images. Files are loaded into memory first so that disk speed does
 * not count, and one untimed round warms up the JIT.
 */
final class BenchHashCommand {

    private static final int DEFAULT_ROUNDS = 3;

    record Options(Path directory, int rounds) {

        /** @return null if the arguments are malformed */
        static Options parse(List<String> arguments) {
            if (arguments.size() == 1) {
                return new Options(Path.of(arguments.get(0)), DEFAULT_ROUNDS);
            }
            if (arguments.size() == 3 && arguments.get(1).equals("--rounds")) {
                try {
                    int rounds = Integer.parseInt(arguments.get(2));
                    return rounds > 0 ? new Options(Path.of(arguments.get(0)), rounds) : null;
                } catch (NumberFormatException e) {
                    return null;
                }
            }
            return null;
        }
    }

    private final PrintStream out;
    private final PrintStream err;
    private final ImageDecoder decoder = new ImageDecoder();
    private final MediaDigester digester = new MediaDigester(decoder);
    private final PdqHasher hasher = new PdqHasher();

    BenchHashCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(Options options) {
        if (!Files.isDirectory(options.directory())) {
            err.println(options.directory() + ": not a directory");
            return HashCli.EXIT_FILE_ERROR;
        }
        FileWalker.Listing listing = FileWalker.walk(options.directory());
        listing.errors().forEach(err::println);
        List<byte[]> contents;
        try {
            contents = load(listing.files());
        } catch (UncheckedIOException e) {
            err.println("unreadable: " + e.getCause().getMessage());
            return HashCli.EXIT_FILE_ERROR;
        }
        List<byte[]> images = decodable(contents);
        long totalBytes = images.stream().mapToLong(bytes -> bytes.length).sum();

        out.printf(Locale.ROOT, "directory: %s%n", options.directory());
        out.printf(Locale.ROOT, "images: %d of %d files, %.1f MB%n", images.size(), contents.size(), totalBytes / 1e6);
        out.printf(Locale.ROOT, "cores: %d, threads used: 1%n", Runtime.getRuntime().availableProcessors());
        out.printf(Locale.ROOT, "jvm: %s %s (%s)%n", System.getProperty("java.vm.name"), Runtime.version(),
                System.getProperty("os.arch"));
        out.printf(Locale.ROOT, "rounds: %d after 1 warm-up round%n", options.rounds());
        if (images.isEmpty()) {
            return HashCli.EXIT_OK;
        }
        report("decode only", images, options.rounds(), () -> decodeAll(images), totalBytes);
        report("decode + md5/sha1/sha256/pdq", images, options.rounds(), () -> digestAll(images), totalBytes);
        reportPdqOnly(images, options.rounds());
        return listing.errors().isEmpty() ? HashCli.EXIT_OK : HashCli.EXIT_FILE_ERROR;
    }

    private static List<byte[]> load(List<Path> files) {
        List<byte[]> contents = new ArrayList<>(files.size());
        for (Path file : files) {
            try {
                contents.add(Files.readAllBytes(file));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return contents;
    }

    private List<byte[]> decodable(List<byte[]> contents) {
        List<byte[]> images = new ArrayList<>();
        for (byte[] bytes : contents) {
            if (decoder.decode(new ByteArrayInputStream(bytes)) instanceof DecodeResult.Decoded) {
                images.add(bytes);
            }
        }
        return images;
    }

    private void decodeAll(List<byte[]> contents) {
        for (byte[] bytes : contents) {
            decoder.decode(new ByteArrayInputStream(bytes));
        }
    }

    private void digestAll(List<byte[]> contents) {
        try {
            for (byte[] bytes : contents) {
                digester.digest(new ByteArrayInputStream(bytes));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("in-memory streams do not fail", e);
        }
    }

    private void report(String label, List<byte[]> images, int rounds, Runnable round, long totalBytes) {
        round.run();
        long start = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            round.run();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        out.printf(Locale.ROOT, "%-30s %8.1f images/s %8.1f MB/s%n", label + ":",
                images.size() * rounds / seconds, totalBytes * rounds / 1e6 / seconds);
    }

    /** PDQ alone, timed per image right after an untimed decode, so only one image is in memory. */
    private void reportPdqOnly(List<byte[]> images, int rounds) {
        long nanos = 0;
        int hashed = 0;
        for (byte[] bytes : images) {
            if (decoder.decode(new ByteArrayInputStream(bytes)) instanceof DecodeResult.Decoded image) {
                hasher.hash(image.image());
                long start = System.nanoTime();
                for (int i = 0; i < rounds; i++) {
                    hasher.hash(image.image());
                }
                nanos += System.nanoTime() - start;
                hashed += rounds;
            }
        }
        out.printf(Locale.ROOT, "%-30s %8.1f images/s%n", "pdq only (decoded images):", hashed / (nanos / 1e9));
    }
}
