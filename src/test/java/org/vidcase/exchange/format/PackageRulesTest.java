package org.vidcase.exchange.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PackageRulesTest {

    private static List<Violation> check(HashPackage p) {
        return PackageRules.check(p, PackageLimits.DEFAULT, PackageFixture.TODAY);
    }

    private static HashPackage with(PackageEntry e) {
        HashPackage p = PackageFixture.withEntries(0);
        return new HashPackage(p.packageId(), "NL", p.created(), List.of(e), List.of(), List.of(), List.of());
    }

    @Test
    void aWellFormedPackageBreaksNoRule() {
        assertThat(check(PackageFixture.withEntries(20))).isEmpty();
    }

    @Test
    void anUnknownCategoryIsNamedWithTheScheme() {
        PackageEntry e = PackageFixture.entry(1);
        assertThat(check(with(new PackageEntry(e.md5(), e.sha1(), e.sha256(), e.pdq(), e.pdqQuality(), null, List.of(), "A",
                false, e.series(), null, null, null, MediaKind.IMAGE, e.submitted(), "NL")))).extracting(Violation::toString)
                .containsExactly("/entries/0/category: unknown category 'A'; the international scheme has [1, 2, 3]");
    }

    @Test
    void malformedHashesSeriesAndCountriesAreEachReported() {
        PackageEntry bad = new PackageEntry("ABCDEF0123456789ABCDEF0123456789", "12", null, PackageFixture.hex(1, 63),
                101, "zz", List.of(new VpdqFrame(-1, "x", 101, -5)), "1", false, "My series name", null, null, null,
                null, PackageFixture.TODAY.plusDays(30), "DE");
        assertThat(check(with(bad))).extracting(Violation::pointer).containsExactlyInAnyOrder(
                "/entries/0/md5", "/entries/0/sha1", "/entries/0/pdq", "/entries/0/pdqQuality", "/entries/0/photoDna",
                "/entries/0/vpdq/0/pdq", "/entries/0/vpdq/0/frame", "/entries/0/vpdq/0/millis", "/entries/0/vpdq/0/quality",
                "/entries/0/series", "/entries/0/mediaType", "/entries/0/submitted", "/entries/0/submitted",
                "/entries/0/submittingCountry");
    }

    @Test
    void anEntryWithoutHashesAndRepeatedEntriesAreRefused() {
        PackageEntry none = new PackageEntry(null, null, null, null, null, null, List.of(), "1", false, null, null, null,
                null, MediaKind.IMAGE, PackageFixture.TODAY, "NL");
        assertThat(check(with(none))).extracting(Violation::message).contains("an entry needs at least one hash");
        HashPackage twice = new HashPackage(UUID.randomUUID(), "NL", PackageFixture.TODAY,
                List.of(PackageFixture.entry(1), PackageFixture.entry(1)), List.of(), List.of(), List.of());
        assertThat(check(twice)).extracting(Violation::toString).containsExactly(
                "/entries/1: repeats an entry of this package (sha256)");
    }

    @Test
    void feedbackRevocationsAndCountsFollowTheirRules() {
        HashPackage p = new HashPackage(UUID.randomUUID(), "nl", PackageFixture.TODAY, List.of(),
                List.of(new Feedback(null, null, null, "1", true, "2"), new Feedback(PackageFixture.hex(1, 32), null, null,
                        "1", false, "1")),
                List.of(new Revocation(UUID.randomUUID(), PackageFixture.hex(1, 32), null, null, RevocationReason.RELEASED)),
                List.of(new IdentificationCount(IdentificationCount.Kind.VICTIM, 1800, -1),
                        new IdentificationCount(IdentificationCount.Kind.VICTIM, 1800, 2)));
        assertThat(check(p)).extracting(Violation::toString).containsExactlyInAnyOrder(
                "/issuingCountry: must be an ISO 3166-1 alpha-2 code in upper case",
                "/feedback/0: needs at least one of md5, sha1, sha256",
                "/feedback/0/proposed: is given only with agree: false",
                "/feedback/1/proposed: disagreeing with a category cannot propose the same one",
                "/revocations/0: names either a packageId or an entry's hashes, not both",
                "/identifications/0/year: must be a year from 1900 to 2027",
                "/identifications/0/count: must be from 0 to 1000000",
                "/identifications/1/year: must be a year from 1900 to 2027",
                "/identifications/1: gives VICTIM 1800 twice");
    }

    @Test
    void anOversizeEntryIsRefusedWithoutEchoingItsContent() {
        PackageEntry e = PackageFixture.entry(1);
        List<VpdqFrame> frames = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            frames.add(new VpdqFrame(i, PackageFixture.hex(i, 64), 100, i * 1000L));
        }
        String huge = "9".repeat(100_000);
        PackageEntry big = new PackageEntry(e.md5(), null, null, null, null, null, frames, huge, false, huge, null, null,
                null, MediaKind.VIDEO, PackageFixture.TODAY, "NL");
        List<Violation> violations = PackageRules.check(with(big), new PackageLimits(1 << 20, 1 << 20, 10, 5),
                PackageFixture.TODAY);
        assertThat(violations).extracting(Violation::pointer).containsExactlyInAnyOrder("/entries/0/vpdq",
                "/entries/0/category", "/entries/0/series");
        assertThat(violations).allSatisfy(v -> assertThat(v.message().length()).isLessThan(200));
    }

    @Test
    void anEmptyPackageIsRefused() {
        assertThat(check(new HashPackage(UUID.randomUUID(), "NL", PackageFixture.TODAY, List.of(), List.of(), List.of(),
                List.of()))).extracting(Violation::message)
                .containsExactly("the package holds no entries, feedback, revocations or identification counts");
    }
}
