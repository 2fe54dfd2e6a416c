package org.vidcase.clustering.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.vidcase.synthetic.SyntheticSetGenerator;

/** Command-line entry point for clustering a folder of pictures; see {@link #USAGE}. */
public final class ClusterCli {

    static final int EXIT_OK = 0;
    static final int EXIT_FILE_ERROR = 1;
    static final int EXIT_USAGE = 2;

    static final String USAGE = """
            Usage:
              cluster FILE|DIR... [--radius N] [--truth CSV] [--baseline] [--threads N]
                  groups the pictures into series with the server's clustering code and prints
                  one line per picture: <series label>,<path> (a picture alone in its series gets
                  a label of its own). Files that are not decodable pictures are reported on
                  standard error and left out.
                  --truth CSV   also print pairwise precision, recall and F1 against a CSV with
                                columns file,series (file relative to the folder, or a bare name)
                  --baseline    whole-picture PDQ only, as plain PDQ single-link would
                  --radius N    Hamming distance for a link, 0..64 (default 31)
              synth DIR [--kind copies|shots] [--scenes N] [--seed N] [--shots N]
                  writes a synthetic picture set with ground-truth.csv: each scene as taken and in
                  8 edited copies (copies), or as several distinct pictures (shots)
            """;

    private ClusterCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            return usage(err);
        }
        List<String> rest = List.of(args).subList(1, args.length);
        try {
            return switch (args[0]) {
                case "cluster" -> {
                    ClusterCommand.Options options = ClusterCommand.Options.parse(rest);
                    yield options == null ? usage(err) : new ClusterCommand(out, err).run(options);
                }
                case "synth" -> synth(rest, out, err);
                case "-h", "--help", "help" -> {
                    out.print(USAGE);
                    yield EXIT_OK;
                }
                default -> usage(err);
            };
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return usage(err);
        }
    }

    private static int synth(List<String> args, PrintStream out, PrintStream err) {
        Path folder = null;
        SyntheticSetGenerator.Kind kind = SyntheticSetGenerator.Kind.COPIES;
        int scenes = 50;
        long seed = 1;
        int shots = 6;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--kind" -> kind = SyntheticSetGenerator.Kind.valueOf(value(args, ++i, arg).toUpperCase(Locale.ROOT));
                case "--scenes" -> scenes = Options.positive(value(args, ++i, arg), arg);
                case "--seed" -> seed = Long.parseLong(value(args, ++i, arg));
                case "--shots" -> shots = Options.positive(value(args, ++i, arg), arg);
                default -> {
                    if (arg.startsWith("--") || folder != null) {
                        throw new IllegalArgumentException("unexpected argument: " + arg);
                    }
                    folder = Path.of(arg);
                }
            }
        }
        if (folder == null) {
            return usage(err);
        }
        try {
            List<SyntheticSetGenerator.Entry> entries = new SyntheticSetGenerator(kind, seed, shots).write(folder, scenes);
            out.println("wrote " + entries.size() + " pictures of " + scenes + " scenes and "
                    + SyntheticSetGenerator.GROUND_TRUTH + " to " + folder);
            return EXIT_OK;
        } catch (IOException e) {
            err.println(folder + ": " + e.getMessage());
            return EXIT_FILE_ERROR;
        }
    }

    static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(i);
    }

    private static int usage(PrintStream err) {
        err.print(USAGE);
        return EXIT_USAGE;
    }

    /** Shared parsing helpers. */
    static final class Options {
        private Options() {
        }

        static int positive(String value, String option) {
            try {
                int n = Integer.parseInt(value);
                if (n > 0) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException(option + " must be a positive whole number: " + value);
        }

        static List<Path> paths(List<String> values) {
            List<Path> paths = new ArrayList<>();
            for (String v : values) {
                paths.add(Path.of(v));
            }
            return paths;
        }
    }
}
