package org.vidcase.exchange.format;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Packages for the format's tests: synthetic hashes, no real material. */
public final class PackageFixture {

    public static final LocalDate TODAY = LocalDate.of(2026, 12, 4);
    public static final String PSEUDONYM = new SeriesPseudonym(new byte[32]).of(UUID.fromString(
            "00000000-0000-0000-0000-000000000001"));

    private PackageFixture() {
    }

    public static PackageEntry entry(int n) {
        return new PackageEntry(hex(n, 32), hex(n, 40), hex(n, 64), hex(n + 7, 64), 90, null, List.of(), "1", n % 2 == 0,
                PSEUDONYM, true, null, false, MediaKind.IMAGE, TODAY, "NL");
    }

    public static HashPackage withEntries(int count) {
        List<PackageEntry> entries = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            entries.add(entry(i + 1));
        }
        return new HashPackage(UUID.fromString("6f1d2c3b-4a59-4e8f-9a0b-1c2d3e4f5a6b"), "NL", TODAY, entries, List.of(),
                List.of(), List.of(new IdentificationCount(IdentificationCount.Kind.VICTIM, 2026, 3)));
    }

    /** A lower-case hex string of the given length, different for every n. */
    public static String hex(int n, int digits) {
        StringBuilder s = new StringBuilder(digits);
        long x = 0x9E3779B97F4A7C15L * (n + 1);
        while (s.length() < digits) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
            s.append(Long.toHexString(x & 0xF));
        }
        return s.toString();
    }
}
