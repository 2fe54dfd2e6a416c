package org.vidcase.hashing;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The PDQ hashes of all eight {@link Dihedral} transforms of one image, sharing one quality score.
 */
public record DihedralHashes(Map<Dihedral, PdqHash> hashes, int quality) {

    public DihedralHashes {
        if (hashes.size() != Dihedral.values().length) {
            throw new IllegalArgumentException("expected all " + Dihedral.values().length + " transforms");
        }
        hashes = Collections.unmodifiableMap(new EnumMap<>(hashes));
    }

    public PdqHash get(Dihedral transform) {
        return hashes.get(transform);
    }

    public PdqResult result(Dihedral transform) {
        return new PdqResult(get(transform), quality);
    }
}
