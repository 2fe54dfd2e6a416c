package org.vidcase.localstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** A service process with its log file; stopping it stops its whole process tree. */
final class ManagedProcess {

    private final String name;
    private final Process process;
    private final Path log;

    private ManagedProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    static ManagedProcess start(String name, ProcessBuilder builder, Path log) throws IOException {
        Files.createDirectories(log.getParent());
        builder.redirectErrorStream(true).redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
        Process process = builder.start();
        return new ManagedProcess(name, process, log);
    }

    private static java.io.File nullDevice() {
        return new java.io.File("/dev/null");
    }

    /** Polls until ready; fails early, with the log's tail, if the process dies or time runs out. */
    void awaitReady(BooleanSupplier ready, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new LocalStackException(name + " exited with code " + process.exitValue()
                        + " while starting. Last lines of " + log + ":\n" + tail(40));
            }
            try {
                if (ready.getAsBoolean()) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // Connection refused and the like: keep polling.
            }
            sleep(500);
        }
        throw new LocalStackException(name + " was not ready after " + timeout.toSeconds() + " s. Last lines of "
                + log + ":\n" + tail(40));
    }

    /** Waits for a one-off command (a build step) and fails with its log's tail unless it exits 0. */
    void awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            stop(Duration.ofSeconds(5));
            throw new LocalStackException(name + " did not finish within " + timeout.toSeconds() + " s. Last lines of "
                    + log + ":\n" + tail(40));
        }
        if (process.exitValue() != 0) {
            throw new LocalStackException(name + " failed with exit code " + process.exitValue() + ". Last lines of "
                    + log + ":\n" + tail(40));
        }
    }

    /** SIGTERM to the tree, children first; what is still alive after the grace period gets SIGKILL. */
    void stop(Duration grace) {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.sort(Comparator.comparingLong(ProcessHandle::pid).reversed());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle handle : tree) {
            long left = Math.max(0, deadline - System.nanoTime());
            try {
                handle.onExit().get(left, TimeUnit.NANOSECONDS);
            } catch (Exception timedOut) {
                handle.destroyForcibly();
            }
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    /** SIGSTOP (or SIGCONT) to the whole tree: the service stops answering without going away. */
    void signal(String signal) {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        for (ProcessHandle handle : tree) {
            try {
                new ProcessBuilder("kill", "-" + signal, Long.toString(handle.pid())).start().waitFor(10, TimeUnit.SECONDS);
            } catch (IOException e) {
                throw new LocalStackException("could not send " + signal + " to " + name + ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LocalStackException("interrupted while signalling " + name);
            }
        }
    }

    String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | RuntimeException e) {
            return "(log not readable: " + e.getMessage() + ")";
        }
    }

    Path log() {
        return log;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalStackException("interrupted while starting the local stack");
        }
    }
}
