package org.vidcase.exchange.format;

/**
 * How large a package may be: the compact JWS in bytes, its payload once inflated, its entries (and
 * feedback and revocations, each), and the vPDQ frames of one entry.
 */
public record PackageLimits(long maxPackageBytes, long maxPayloadBytes, int maxEntries, int maxFramesPerEntry) {

    public static final PackageLimits DEFAULT = new PackageLimits(32L << 20, 128L << 20, 100_000, 10_000);
}
