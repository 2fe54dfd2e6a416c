package org.vidcase.clustering.cli;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.vidcase.clustering.CaptureSessions;
import org.vidcase.clustering.Clustering;
import org.vidcase.clustering.PairwiseEvaluation;
import org.vidcase.clustering.SimilarityClusterer;
import org.vidcase.hashing.ImageMetadata;
import org.vidcase.hashing.ImageSignature;
import org.vidcase.hashing.MediaDigest;
import org.vidcase.hashing.MediaDigester;
import org.vidcase.hashing.cli.FileWalker;

/**
 * {@code cluster}: reads the pictures as the server does at ingest (one pass: signature and camera
 * metadata), groups them with {@link SimilarityClusterer} and joins the groups of one camera's
 * capture sessions ({@link CaptureSessions}), as the server's clustering job does.
 */
final class ClusterCommand {

    /** Pictures of one camera body taken within this many seconds are one series (as the server's default). */
    static final long SAME_CAMERA_WINDOW_SECONDS = 600;

    record Options(List<Path> roots, int radius, Path truth, boolean baseline, int threads) {

        static Options parse(List<String> args) {
            List<String> roots = new ArrayList<>();
            int radius = SimilarityClusterer.DEFAULT_RADIUS;
            Path truth = null;
            boolean baseline = false;
            int threads = Runtime.getRuntime().availableProcessors();
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                switch (arg) {
                    case "--radius" -> {
                        String value = ClusterCli.value(args, ++i, arg);
                        try {
                            radius = Integer.parseInt(value);
                        } catch (NumberFormatException e) {
                            throw new IllegalArgumentException("--radius must be a whole number: " + value);
                        }
                        if (radius < 0 || radius > 64) {
                            throw new IllegalArgumentException("--radius must be within 0..64: " + value);
                        }
                    }
                    case "--truth" -> truth = Path.of(ClusterCli.value(args, ++i, arg));
                    case "--baseline" -> baseline = true;
                    case "--threads" -> threads = ClusterCli.Options.positive(ClusterCli.value(args, ++i, arg), arg);
                    default -> {
                        if (arg.startsWith("--")) {
                            throw new IllegalArgumentException("unknown option: " + arg);
                        }
                        roots.add(arg);
                    }
                }
            }
            return roots.isEmpty() ? null : new Options(ClusterCli.Options.paths(roots), radius, truth, baseline, threads);
        }
    }

    /** A picture that decoded, with where it was found and what its metadata says of its capture. */
    private record Picture(Path root, Path file, ImageSignature signature, CaptureSessions.Capture capture) {
    }

    private final PrintStream out;
    private final PrintStream err;

    ClusterCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(Options options) {
        List<Path[]> files = new ArrayList<>();
        boolean failures = false;
        for (Path root : options.roots()) {
            if (Files.isRegularFile(root)) {
                files.add(new Path[] {root.getParent() == null ? Path.of(".") : root.getParent(), root});
                continue;
            }
            if (!Files.isDirectory(root)) {
                err.println(root + ": no such file or folder");
                failures = true;
                continue;
            }
            FileWalker.Listing listing = FileWalker.walk(root);
            listing.errors().forEach(err::println);
            failures |= !listing.errors().isEmpty();
            for (Path file : listing.files()) {
                if (!file.getFileName().toString().equals("ground-truth.csv")) {
                    files.add(new Path[] {root, file});
                }
            }
        }
        List<Picture> pictures = signatures(files, options);
        failures |= pictures.size() < files.size();
        List<ImageSignature> signatures = new ArrayList<>(pictures.size());
        for (Picture picture : pictures) {
            signatures.add(picture.signature());
        }
        Clustering clustering = new SimilarityClusterer(options.radius(), options.threads()).cluster(signatures);
        if (!options.baseline()) {
            // As the server's job does: one camera body shooting minutes apart is one series.
            clustering = clustering.joinedBy(CaptureSessions.links(pictures.stream().map(Picture::capture).toList(),
                    SAME_CAMERA_WINDOW_SECONDS, i -> true));
        }
        for (int i = 0; i < pictures.size(); i++) {
            out.println("series-" + (clustering.group(i) + 1) + "," + pictures.get(i).file());
        }
        if (options.truth() != null) {
            failures |= !evaluate(options.truth(), pictures, clustering);
        }
        return failures ? ClusterCli.EXIT_FILE_ERROR : ClusterCli.EXIT_OK;
    }

    private List<Picture> signatures(List<Path[]> files, Options options) {
        ExecutorService pool = Executors.newFixedThreadPool(options.threads());
        MediaDigester digester = new MediaDigester();
        try {
            List<Future<Object>> work = new ArrayList<>();
            for (Path[] file : files) {
                work.add(pool.submit(() -> {
                    MediaDigest digest;
                    try {
                        digest = digester.digest(file[1]);
                    } catch (IOException e) {
                        return file[1] + ": unreadable: " + e.getMessage();
                    }
                    if (digest.signature() == null) {
                        return file[1] + ": not clustered: " + digest.decodeFailure();
                    }
                    ImageSignature signature = options.baseline()
                            ? (digest.pdq().usableForMatching() ? ImageSignature.ofHash(digest.pdq().hash())
                                    : ImageSignature.empty())
                            : digest.signature();
                    ImageMetadata m = digest.metadata();
                    CaptureSessions.Capture capture = m == null ? null
                            : new CaptureSessions.Capture(m.make(), m.model(), m.bodySerial(), m.dateTimeOriginal());
                    return new Picture(file[0], file[1], signature, capture);
                }));
            }
            List<Picture> pictures = new ArrayList<>();
            for (Future<Object> future : work) {
                Object done = future.get();
                if (done instanceof Picture picture) {
                    pictures.add(picture);
                } else {
                    err.println(done);
                }
            }
            return pictures;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("hashing failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Prints the pairwise figures against a truth file; false if the file could not be used. */
    private boolean evaluate(Path truthFile, List<Picture> pictures, Clustering clustering) {
        Map<String, String> seriesOf = new HashMap<>();
        try (CsvReader<CsvRecord> csv = CsvReader.builder().ofCsvRecord(truthFile, StandardCharsets.UTF_8)) {
            boolean header = true;
            for (CsvRecord record : csv) {
                if (header) {
                    header = false;
                    if (record.getFieldCount() > 0 && record.getField(0).equalsIgnoreCase("file")) {
                        continue;
                    }
                }
                if (record.getFieldCount() >= 2) {
                    seriesOf.put(record.getField(0).replace('\\', '/'), record.getField(1));
                }
            }
        } catch (IOException | RuntimeException e) {
            err.println(truthFile + ": unreadable: " + e.getMessage());
            return false;
        }
        List<String> truth = new ArrayList<>();
        List<Integer> predicted = new ArrayList<>();
        int unknown = 0;
        for (int i = 0; i < pictures.size(); i++) {
            Picture picture = pictures.get(i);
            String relative = picture.root().relativize(picture.file()).toString().replace('\\', '/');
            String series = seriesOf.getOrDefault(relative, seriesOf.get(picture.file().getFileName().toString()));
            if (series == null) {
                unknown++;
                continue;
            }
            truth.add(series);
            predicted.add(clustering.group(i));
        }
        PairwiseEvaluation evaluation = PairwiseEvaluation.of(truth, predicted);
        err.println(String.format(Locale.ROOT, "%d pictures, %d series found; against %s: %s%s", pictures.size(),
                clustering.groups(), truthFile.getFileName(), evaluation,
                unknown == 0 ? "" : "; " + unknown + " pictures not in the truth file were left out"));
        return true;
    }
}
