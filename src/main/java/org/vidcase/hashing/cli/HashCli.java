package org.vidcase.hashing.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/** Command-line entry point for media hashing; see {@link #USAGE}. */
public final class HashCli {

    static final int EXIT_OK = 0;
    static final int EXIT_FILE_ERROR = 1;
    static final int EXIT_USAGE = 2;

    static final String USAGE = """
            Usage: HashCli <command> [arguments]
              hash FILE|DIR...              one CSV row per file: pdq,quality,md5,sha1,sha256,path
                                            (directories recursively, in sorted order; pdq and
                                            quality are empty for files that are not images);
                                            a video's row is followed by its vPDQ hash, one
                                            '#vpdq frameNumber,quality,pdqHex,timestamp' line
                                            per frame sampled (one a second)
              bench-hash DIR [--rounds N]   decoding and hashing throughput on the files in DIR
            """;

    private HashCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            return usage(err);
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        return switch (args[0]) {
            case "hash" -> rest.isEmpty() ? usage(err) : new HashCommand(out, err).run(rest);
            case "bench-hash" -> {
                BenchHashCommand.Options options = BenchHashCommand.Options.parse(rest);
                yield options == null ? usage(err) : new BenchHashCommand(out, err).run(options);
            }
            case "-h", "--help", "help" -> {
                out.print(USAGE);
                yield EXIT_OK;
            }
            default -> usage(err);
        };
    }

    private static int usage(PrintStream err) {
        err.print(USAGE);
        return EXIT_USAGE;
    }
}
