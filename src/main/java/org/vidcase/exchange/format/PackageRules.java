package org.vidcase.exchange.format;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules of format version 1 beyond JSON types: hash lengths and digits, the international
 * category scheme, country codes, dates, pseudonym form, sizes. Every violation is reported with
 * its JSON pointer, so a sender can correct all of them at once.
 */
public final class PackageRules {

    private static final Pattern HEX = Pattern.compile("[0-9a-f]+");
    /** An HMAC-SHA256 in base64url without padding: 32 bytes, 43 characters. */
    private static final Pattern PSEUDONYM = Pattern.compile("[A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]");
    private static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

    private PackageRules() {
    }

    /** Every rule the package breaks; empty when it may be accepted. {@code today} is the receiver's date. */
    public static List<Violation> check(HashPackage p, PackageLimits limits, LocalDate today) {
        List<Violation> out = new ArrayList<>();
        if (p.packageId() == null) {
            out.add(new Violation("/packageId", "is required"));
        }
        if (!Countries.isCode(p.issuingCountry())) {
            out.add(new Violation("/issuingCountry", "must be an ISO 3166-1 alpha-2 code in upper case"));
        }
        date(p.created(), "/created", today, out);
        if (p.isEmpty()) {
            out.add(new Violation("", "the package holds no entries, feedback, revocations or identification counts"));
        }
        size(p.entries().size(), "/entries", limits, out);
        size(p.feedback().size(), "/feedback", limits, out);
        size(p.revocations().size(), "/revocations", limits, out);
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < p.entries().size() && i < limits.maxEntries(); i++) {
            entry(p.entries().get(i), "/entries/" + i, p, limits, today, keys, out);
        }
        Set<String> judged = new HashSet<>();
        for (int i = 0; i < p.feedback().size() && i < limits.maxEntries(); i++) {
            Feedback f = p.feedback().get(i);
            String at = "/feedback/" + i;
            key(f.key(), at, judged, out);
            category(f.category(), at + "/category", out);
            if (f.proposed() != null) {
                if (f.agree()) {
                    out.add(new Violation(at + "/proposed", "is given only with agree: false"));
                } else {
                    category(f.proposed(), at + "/proposed", out);
                    if (f.proposed().equals(f.category())) {
                        out.add(new Violation(at + "/proposed", "disagreeing with a category cannot propose the same one"));
                    }
                }
            }
        }
        Set<String> revoked = new HashSet<>();
        for (int i = 0; i < p.revocations().size() && i < limits.maxEntries(); i++) {
            Revocation r = p.revocations().get(i);
            String at = "/revocations/" + i;
            boolean hashes = r.md5() != null || r.sha1() != null || r.sha256() != null;
            if (r.packageId() != null && hashes) {
                out.add(new Violation(at, "names either a packageId or an entry's hashes, not both"));
            } else if (r.packageId() != null) {
                if (r.packageId().equals(p.packageId())) {
                    out.add(new Violation(at + "/packageId", "a package cannot revoke itself"));
                }
                if (!revoked.add("package:" + r.packageId())) {
                    out.add(new Violation(at, "revokes the same package twice"));
                }
            } else {
                key(r.key(), at, revoked, out);
            }
        }
        Set<String> counted = new HashSet<>();
        for (int i = 0; i < p.identifications().size(); i++) {
            IdentificationCount c = p.identifications().get(i);
            String at = "/identifications/" + i;
            if (c.year() < 1900 || c.year() > today.getYear() + 1) {
                out.add(new Violation(at + "/year", "must be a year from 1900 to " + (today.getYear() + 1)));
            }
            if (c.count() < 0 || c.count() > 1_000_000) {
                out.add(new Violation(at + "/count", "must be from 0 to 1000000"));
            }
            if (!counted.add(c.kind() + "/" + c.year())) {
                out.add(new Violation(at, "gives " + c.kind() + " " + c.year() + " twice"));
            }
        }
        if (p.identifications().size() > 1000) {
            out.add(new Violation("/identifications", "holds more than 1000 counts"));
        }
        return out;
    }

    private static void entry(PackageEntry e, String at, HashPackage p, PackageLimits limits, LocalDate today,
                              Set<String> keys, List<Violation> out) {
        hex(e.md5(), 32, at + "/md5", out);
        hex(e.sha1(), 40, at + "/sha1", out);
        hex(e.sha256(), 64, at + "/sha256", out);
        hex(e.pdq(), 64, at + "/pdq", out);
        hex(e.photoDna(), 288, at + "/photoDna", out);
        if (e.pdqQuality() != null) {
            if (e.pdq() == null) {
                out.add(new Violation(at + "/pdqQuality", "is given only with pdq"));
            } else if (e.pdqQuality() < 0 || e.pdqQuality() > 100) {
                out.add(new Violation(at + "/pdqQuality", "must be from 0 to 100"));
            }
        }
        if (e.vpdq().size() > limits.maxFramesPerEntry()) {
            out.add(new Violation(at + "/vpdq", "holds more than " + limits.maxFramesPerEntry() + " frames"));
        } else {
            for (int f = 0; f < e.vpdq().size(); f++) {
                VpdqFrame frame = e.vpdq().get(f);
                String fat = at + "/vpdq/" + f;
                hex(frame.pdq(), 64, fat + "/pdq", out);
                if (frame.frame() < 0) {
                    out.add(new Violation(fat + "/frame", "must not be negative"));
                }
                if (frame.millis() < 0) {
                    out.add(new Violation(fat + "/millis", "must not be negative"));
                }
                if (frame.quality() < 0 || frame.quality() > 100) {
                    out.add(new Violation(fat + "/quality", "must be from 0 to 100"));
                }
            }
        }
        boolean anyHash = e.md5() != null || e.sha1() != null || e.sha256() != null || e.pdq() != null
                || e.photoDna() != null || !e.vpdq().isEmpty();
        if (!anyHash) {
            out.add(new Violation(at, "an entry needs at least one hash"));
        }
        String key = e.key().strongest() != null ? e.key().strongest()
                : e.photoDna() != null ? "photodna:" + e.photoDna() : e.pdq() != null ? "pdq:" + e.pdq() : null;
        if (key != null && !keys.add(key)) {
            out.add(new Violation(at, "repeats an entry of this package (" + key.substring(0, key.indexOf(':')) + ")"));
        }
        category(e.category(), at + "/category", out);
        if (e.series() != null && !PSEUDONYM.matcher(e.series()).matches()) {
            out.add(new Violation(at + "/series", "must be a series pseudonym: HMAC-SHA256 in base64url, 43 characters"));
        }
        if (e.mediaType() == null) {
            out.add(new Violation(at + "/mediaType", "is required"));
        }
        date(e.submitted(), at + "/submitted", today, out);
        if (e.submitted() != null && p.created() != null && e.submitted().isAfter(p.created())) {
            out.add(new Violation(at + "/submitted", "is after the package was created"));
        }
        if (e.submittingCountry() != null && !e.submittingCountry().equals(p.issuingCountry())) {
            out.add(new Violation(at + "/submittingCountry", "must be the issuing country " + p.issuingCountry()
                    + ": a node submits only its own entries"));
        }
    }

    private static void key(HashKey k, String at, Set<String> seen, List<Violation> out) {
        hex(k.md5(), 32, at + "/md5", out);
        hex(k.sha1(), 40, at + "/sha1", out);
        hex(k.sha256(), 64, at + "/sha256", out);
        if (k.strongest() == null) {
            out.add(new Violation(at, "needs at least one of md5, sha1, sha256"));
        } else if (!seen.add(k.strongest())) {
            out.add(new Violation(at, "names the same entry twice"));
        }
    }

    private static void category(String code, String at, List<Violation> out) {
        if (code != null && !InternationalCategories.defines(code)) {
            out.add(new Violation(at, "unknown category '" + shorten(code) + "'; the international scheme has "
                    + InternationalCategories.codes().keySet()));
        }
    }

    private static void hex(String value, int length, String at, List<Violation> out) {
        if (value != null && (value.length() != length || !HEX.matcher(value).matches())) {
            out.add(new Violation(at, "must be " + length + " lower-case hex digits"));
        }
    }

    private static void date(LocalDate d, String at, LocalDate today, List<Violation> out) {
        if (d != null && (d.isAfter(today.plusDays(1)) || d.isBefore(EARLIEST))) {
            out.add(new Violation(at, "must be a date from " + EARLIEST + " to today"));
        }
    }

    private static void size(int n, String at, PackageLimits limits, List<Violation> out) {
        if (n > limits.maxEntries()) {
            out.add(new Violation(at, "holds " + n + " items; at most " + limits.maxEntries() + " are allowed"));
        }
    }

    private static String shorten(String value) {
        return value.length() > 20 ? value.substring(0, 20) + "..." : value;
    }
}
