package org.vidcase.hashset.service;

import java.util.UUID;
import org.vidcase.hashset.importer.HashSetFormat;

/** What a hash-set import job needs: the set and its stored (encrypted) source file. */
public record HashSetImportParameters(UUID setId, int indexId, HashSetFormat format, String objectKey,
                                      String wrappedKey, String fileSha256, long fileSize, String fileName) {
}
