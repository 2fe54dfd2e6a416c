package org.vidcase.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Elasticsearch refuses to run as root. When this JVM is root, services that need it run as an
 * unprivileged system user created on first use; otherwise they run as the current user.
 */
final class ServiceUser {

    static final String NAME = "vidcase-svc";

    private ServiceUser() {
    }

    static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    static void ensureExists() throws IOException, InterruptedException {
        if (run("id", "-u", NAME) == 0) {
            return;
        }
        int status = run("useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", NAME);
        if (status != 0 && run("id", "-u", NAME) != 0) {
            throw new LocalStackException("Could not create the unprivileged user " + NAME
                    + " that Elasticsearch needs when started as root (useradd exit " + status + ")");
        }
    }

    /** Prefixes a command so that it runs as the service user when we are root. */
    static List<String> asServiceUser(List<String> command) {
        if (!isRoot()) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("runuser", "-u", NAME, "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    static void giveTree(Path dir) throws IOException {
        if (!isRoot()) {
            return;
        }
        UserPrincipal owner = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(NAME);
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.toList()) {
                Files.setOwner(p, owner);
            }
        }
    }

    /** Whether the service user can read and run files at {@code path} (every parent folder searchable). */
    static boolean canUse(Path executable) throws IOException, InterruptedException {
        return !isRoot() || run("runuser", "-u", NAME, "--", "test", "-x", executable.toString()) == 0;
    }

    private static int run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }
}
