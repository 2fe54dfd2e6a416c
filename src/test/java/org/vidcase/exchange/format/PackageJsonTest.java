package org.vidcase.exchange.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PackageJsonTest {

    @Test
    void theCanonicalFormSortsMembersLeavesOutNullsAndEmptyArraysAndHasNoWhitespace() {
        PackageEntry e = new PackageEntry("0123456789abcdef0123456789abcdef", null, null, null, null, null, List.of(),
                "1", true, null, true, null, false, MediaKind.IMAGE, PackageFixture.TODAY, "NL");
        HashPackage p = new HashPackage(UUID.fromString("6f1d2c3b-4a59-4e8f-9a0b-1c2d3e4f5a6b"), "NL",
                PackageFixture.TODAY, List.of(e), List.of(), List.of(), List.of());
        assertThat(new String(PackageJson.canonical(p), StandardCharsets.UTF_8)).isEqualTo(
                "{\"created\":\"2026-12-04\",\"entries\":[{\"baseline\":true,\"category\":\"1\",\"distributed\":false,"
                        + "\"md5\":\"0123456789abcdef0123456789abcdef\",\"mediaType\":\"IMAGE\",\"submitted\":\"2026-12-04\","
                        + "\"submittingCountry\":\"NL\",\"victimIdentified\":true}],\"format\":\"vidcase-hash-package\","
                        + "\"issuingCountry\":\"NL\",\"packageId\":\"6f1d2c3b-4a59-4e8f-9a0b-1c2d3e4f5a6b\",\"version\":1}");
    }

    @Test
    void whatIsWrittenReadsBackEqual() throws Exception {
        HashPackage p = PackageFixture.withEntries(5);
        HashPackage withAll = new HashPackage(p.packageId(), p.issuingCountry(), p.created(),
                List.of(new PackageEntry(null, null, PackageFixture.hex(9, 64), null, null, PackageFixture.hex(3, 288),
                        List.of(new VpdqFrame(0, PackageFixture.hex(4, 64), 100, 0),
                                new VpdqFrame(30, PackageFixture.hex(5, 64), 88, 1001)), "3", false, null, null, null, null,
                        MediaKind.VIDEO, PackageFixture.TODAY, "NL")),
                List.of(new Feedback(PackageFixture.hex(1, 32), null, null, "1", false, "2")),
                List.of(Revocation.ofPackage(UUID.randomUUID(), RevocationReason.RELEASED),
                        Revocation.ofEntry(new HashKey(null, PackageFixture.hex(2, 40), null), RevocationReason.WRONG_CATEGORY)),
                p.identifications());
        for (HashPackage pkg : List.of(p, withAll)) {
            byte[] json = PackageJson.canonical(pkg);
            assertThat(PackageJson.read(json)).isEqualTo(pkg);
        }
    }

    @Test
    void duplicateMembersAreRefused() {
        byte[] json = "{\"format\":\"vidcase-hash-package\",\"format\":\"x\"}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> PackageJson.read(json)).isInstanceOf(PackageRejectedException.class)
                .hasMessageContaining("Duplicate field 'format'");
    }

    @Test
    void unknownMembersWrongTypesAndNullsAreNamedByTheirPointer() {
        String canonical = new String(PackageJson.canonical(PackageFixture.withEntries(2)), StandardCharsets.UTF_8);
        String changed = canonical.replaceFirst("\"baseline\":false", "\"agency\":\"X\",\"baseline\":\"no\"")
                .replaceFirst("\"pdqQuality\":90", "\"pdqQuality\":null");
        PackageRejectedException e = rejected(changed);
        assertThat(e.reason()).isEqualTo(PackageRejectedException.Reason.MALFORMED);
        assertThat(e.violations()).extracting(Violation::toString).contains(
                "/entries/0/agency: is not a member of this format version",
                "/entries/0/baseline: must be true or false",
                "/entries/0/pdqQuality: must be left out rather than null");
    }

    @Test
    void aPayloadThatIsNotInCanonicalFormIsRefused() {
        String canonical = new String(PackageJson.canonical(PackageFixture.withEntries(1)), StandardCharsets.UTF_8);
        assertThat(rejected(canonical.replace(",", ", ")).reason()).isEqualTo(PackageRejectedException.Reason.NOT_CANONICAL);
        assertThat(rejected(canonical.replace("\"created\":\"2026-12-04\",", "") .replace("\"version\":1",
                "\"version\":1,\"created\":\"2026-12-04\"")).reason()).isEqualTo(PackageRejectedException.Reason.NOT_CANONICAL);
        assertThat(rejected(canonical.replace("\"NL\"", "\"\\u004eL\"")).reason())
                .isEqualTo(PackageRejectedException.Reason.NOT_CANONICAL);
    }

    @Test
    void notJsonOrNotAnObjectIsMalformed() {
        assertThat(rejected("[1,2]").reason()).isEqualTo(PackageRejectedException.Reason.MALFORMED);
        assertThat(rejected("{\"format\":").reason()).isEqualTo(PackageRejectedException.Reason.MALFORMED);
        assertThat(rejected("{\"format\":\"vidcase-hash-package\",\"version\":2}").violations())
                .extracting(Violation::pointer).contains("/version", "/packageId", "/issuingCountry", "/created");
    }

    private static PackageRejectedException rejected(String json) {
        try {
            PackageJson.read(json.getBytes(StandardCharsets.UTF_8));
        } catch (PackageRejectedException e) {
            return e;
        }
        throw new AssertionError("accepted: " + json);
    }
}
