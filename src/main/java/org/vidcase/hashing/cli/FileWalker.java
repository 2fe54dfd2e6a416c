package org.vidcase.hashing.cli;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Lists the files below a directory in sorted path order, so that output is reproducible.
 * Symbolic links to directories are not followed (no cycles); links to files are listed.
 */
public final class FileWalker {

    /** The files found and the paths that could not be read. */
    public record Listing(List<Path> files, List<String> errors) {
    }

    private FileWalker() {
    }

    public static Listing walk(Path root) {
        List<Path> files = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (attributes.isRegularFile() || Files.isRegularFile(file)) {
                        files.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    errors.add(file + ": unreadable: " + e.getMessage());
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            errors.add(root + ": unreadable: " + e.getMessage());
        }
        Collections.sort(files);
        return new Listing(files, errors);
    }
}
