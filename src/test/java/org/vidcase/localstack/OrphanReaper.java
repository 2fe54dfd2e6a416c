package org.vidcase.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Stops what a run left behind when it had no chance to clean up (SIGKILL, a crashed JVM): every
 * process whose command line points into the folder of a run whose owning JVM is gone.
 */
final class OrphanReaper {

    private OrphanReaper() {
    }

    static void reap(Path runsDir) throws IOException {
        if (!Files.isDirectory(runsDir)) {
            return;
        }
        List<Path> stale;
        try (Stream<Path> runs = Files.list(runsDir)) {
            stale = runs.filter(run -> !ownerAlive(run)).toList();
        }
        for (Path run : stale) {
            // The run's folder name (owner pid and start time) appears in every service's command line,
            // also for files kept outside the checkout.
            String marker = "/" + run.getFileName() + "/";
            ProcessHandle.allProcesses()
                    .filter(p -> p.info().commandLine().orElse("").contains(marker))
                    .forEach(ProcessHandle::destroyForcibly);
            LocalStack.deleteRecursively(run);
            LocalStack.deleteRecursively(ElasticsearchService.SHARED_RUNS.resolve(run.getFileName().toString()));
        }
    }

    /** Run folders are named {@code <owner pid>-<start millis>}. */
    private static boolean ownerAlive(Path run) {
        String name = run.getFileName().toString();
        int dash = name.indexOf('-');
        try {
            long pid = dash > 0 ? Long.parseLong(name.substring(0, dash)) : -1;
            return pid > 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
