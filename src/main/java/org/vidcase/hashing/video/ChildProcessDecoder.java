package org.vidcase.hashing.video;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

/**
 * Decodes and hashes one video in a child JVM, so that a crash, hang or runaway allocation in native
 * FFmpeg code costs that process and not the caller: the child's heap and direct memory are capped
 * by JVM flags, its whole address space (native allocations included) by {@code prlimit} where the
 * system has it, its time by a kill timer. Whatever goes wrong comes back as a
 * {@link VideoHashResult.Failed} with the reason; this class never throws for a file's content.
 */
public final class ChildProcessDecoder {

    /**
     * @param java              the java executable
     * @param classPath         the child's class path ({@link DecoderClassPath#discover})
     * @param heap              the child's heap ({@code -Xmx}), e.g. {@code 512m}
     * @param addressSpaceBytes RLIMIT_AS of the child (0: none); needs {@code prlimit}
     * @param javacppCacheDir   where JavaCPP unpacks FFmpeg's libraries (must be writable)
     * @param workDir           where the child writes its result (private to the server)
     * @param timeout           the kill timer
     */
    public record Settings(Path java, List<Path> classPath, String heap, long addressSpaceBytes, Path javacppCacheDir,
                           Path workDir, Duration timeout, DecodeSettings decode) {

        public static Path currentJava() {
            return Path.of(System.getProperty("java.home"), "bin", "java");
        }
    }

    private static final int STDERR_TAIL = 4096;
    private static final Path PRLIMIT = findPrlimit();

    private final Settings settings;

    public ChildProcessDecoder(Settings settings) {
        this.settings = settings;
    }

    /** Whether the address-space limit is in force here (prlimit found). */
    public static boolean addressSpaceLimitAvailable() {
        return PRLIMIT != null;
    }

    public VideoHashResult hash(Path video, LongConsumer progress, BooleanSupplier cancelled) throws IOException {
        Files.createDirectories(settings.workDir());
        Path result = Files.createTempFile(settings.workDir(), "vpdq-", ".result");
        try {
            Process process = new ProcessBuilder(command(video, result))
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            Thread progressReader = daemon("video-decoder-progress", () -> readProgress(process.getInputStream(), progress));
            StderrTail stderr = new StderrTail(process.getErrorStream());
            Thread errorReader = daemon("video-decoder-stderr", stderr);
            String stopped = await(process, cancelled);
            progressReader.join(2000);
            errorReader.join(2000);
            if (stopped != null) {
                return new VideoHashResult.Failed(null, stopped);
            }
            VideoHashResult outcome;
            try (InputStream in = Files.newInputStream(result)) {
                outcome = DecoderProtocol.read(in);
            }
            int exit = process.exitValue();
            if (outcome instanceof VideoHashResult.Failed failed && exit != 0 && failed.reason().startsWith("the decoder")) {
                return new VideoHashResult.Failed(failed.info(), "the decoder crashed (" + exitDescription(exit) + ")"
                        + stderr.summary());
            }
            return outcome;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new VideoHashResult.Failed(null, "interrupted");
        } finally {
            Files.deleteIfExists(result);
        }
    }

    List<String> command(Path video, Path result) {
        List<String> command = new ArrayList<>();
        if (settings.addressSpaceBytes() > 0 && PRLIMIT != null) {
            command.add(PRLIMIT.toString());
            command.add("--as=" + settings.addressSpaceBytes());
            command.add("--");
        }
        command.add(settings.java().toString());
        command.add("-Xmx" + settings.heap());
        command.add("-XX:MaxDirectMemorySize=" + settings.heap());
        command.add("-XX:+UseSerialGC");
        command.add("-XX:ReservedCodeCacheSize=64m");
        command.add("-XX:CompressedClassSpaceSize=64m");
        command.add("-XX:MaxMetaspaceSize=128m");
        command.add("-XX:+ExitOnOutOfMemoryError");
        command.add("-Xss1m");
        command.add("-Djava.awt.headless=true");
        command.add("-Dorg.bytedeco.javacpp.cachedir=" + settings.javacppCacheDir());
        command.add("-cp");
        command.add(DecoderClassPath.join(settings.classPath()));
        command.add(DecoderClassPath.MAIN_CLASS);
        command.add(video.toAbsolutePath().toString());
        command.add(result.toAbsolutePath().toString());
        command.addAll(settings.decode().toArguments());
        return command;
    }

    /** Waits for the child; null when it exited by itself, else why it was stopped. */
    private String await(Process process, BooleanSupplier cancelled) throws InterruptedException {
        long deadline = System.nanoTime() + settings.timeout().toNanos();
        while (!process.waitFor(200, TimeUnit.MILLISECONDS)) {
            if (cancelled.getAsBoolean()) {
                kill(process);
                return "cancelled";
            }
            if (System.nanoTime() > deadline) {
                kill(process);
                return "took longer than " + settings.timeout().toSeconds() + " s to decode (time limit); stopped";
            }
        }
        return null;
    }

    private static void kill(Process process) throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    private static void readProgress(InputStream in, LongConsumer progress) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("progress ")) {
                    try {
                        progress.accept(Long.parseLong(line.substring(9).strip()));
                    } catch (NumberFormatException ignored) {
                        // Not a line of ours (native code may print to standard output).
                    }
                }
            }
        } catch (IOException ignored) {
            // The child went away; its exit status says why.
        }
    }

    private static String exitDescription(int exit) {
        return exit > 128 ? "killed by signal " + (exit - 128) : "exit status " + exit;
    }

    private static Thread daemon(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static Path findPrlimit() {
        for (String dir : new String[] {"/usr/bin", "/bin", "/usr/sbin", "/sbin"}) {
            Path p = Path.of(dir, "prlimit");
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    /** Keeps the last few KiB of the child's standard error, for the reason of a crash. */
    private static final class StderrTail implements Runnable {
        private final InputStream in;
        private final byte[] tail = new byte[STDERR_TAIL];
        private int length;

        StderrTail(InputStream in) {
            this.in = in;
        }

        @Override
        public void run() {
            byte[] buffer = new byte[8192];
            try (in) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    synchronized (this) {
                        int keep = Math.min(n, STDERR_TAIL);
                        int shift = Math.max(0, length + keep - STDERR_TAIL);
                        System.arraycopy(tail, shift, tail, 0, length - shift);
                        length -= shift;
                        System.arraycopy(buffer, n - keep, tail, length, keep);
                        length += keep;
                    }
                }
            } catch (IOException ignored) {
                // The child went away.
            }
        }

        synchronized String summary() {
            String text = new String(tail, 0, length, StandardCharsets.UTF_8).strip();
            if (text.isEmpty()) {
                return "";
            }
            int lastLine = text.lastIndexOf('\n');
            String last = lastLine < 0 ? text : text.substring(lastLine + 1);
            return ": " + (last.length() > 300 ? last.substring(0, 300) : last);
        }
    }
}
