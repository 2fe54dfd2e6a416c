package org.vidcase.media.service;

import java.time.Instant;
import org.vidcase.shared.request.StorableText;

/**
 * Where an uploaded file came from on the seized device, as the uploader states it: its name and
 * the folder it was in ({@code path}). A name is required: a location without one tells an
 * investigator nothing.
 */
public record UploadedFile(String fileName, String path, Instant created, Instant modified, Instant accessed) {

    public UploadedFile {
        if (fileName == null || fileName.isBlank()) {
            throw new IllegalArgumentException("fileName is required: the file's name on the device, e.g. "
                    + "IMG_0001.jpg (a raw body: the query parameter fileName; multipart: the part's filename), with "
                    + "its folder in path, e.g. /DCIM/100APPLE");
        }
        check("fileName", fileName, 1000);
        check("path", path, 4000);
    }

    /**
     * A name given with its folders ({@code DCIM/IMG_0001.jpg}, as browsers send the files of an
     * uploaded folder) is split: the folders go to the path, after any path given with it.
     */
    public static UploadedFile of(String fileName, String path, Instant created, Instant modified, Instant accessed) {
        if (fileName != null) {
            int slash = fileName.lastIndexOf('/');
            if (slash >= 0 && slash < fileName.length() - 1) {
                String folders = fileName.substring(0, slash);
                String relative = folders.replaceFirst("^/+", "");
                String joined;
                if (path == null || path.isEmpty()) {
                    joined = folders.isEmpty() ? "/" : folders;
                } else if (relative.isEmpty()) {
                    joined = path;
                } else {
                    joined = path.endsWith("/") ? path + relative : path + "/" + relative;
                }
                return new UploadedFile(fileName.substring(slash + 1), joined, created, modified, accessed);
            }
        }
        return new UploadedFile(fileName, path, created, modified, accessed);
    }

    /**
     * A U+FFFD is what a form's file name holds where its bytes were not UTF-8 (the multipart parser
     * replaces them): storing it would record a name the device never had.
     */
    private static void check(String field, String value, int max) {
        if (value != null && (value.length() > max || value.indexOf('\uFFFD') >= 0 || !StorableText.isStorable(value))) {
            throw new IllegalArgumentException(field + " must be at most " + max + " characters of UTF-8 text, without "
                    + "NUL or U+FFFD (bytes that were not text)");
        }
    }
}
