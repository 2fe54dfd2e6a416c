package org.vidcase.media;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.vidcase.localstack.LocalStackTestResource;
import org.vidcase.testsupport.Api;
import org.vidcase.testsupport.CaseFixture;
import org.vidcase.testsupport.MediaFixture;

/**
 * Pictures for the triage screen are rendered by the server: a small blurred greyscale preview
 * (audited as a preview) and, with a justification, the picture in colour (audited as content
 * access); neither is ever cached, and neither is shown outside the case team.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, restrictToAnnotatedClass = false)
class MediaPictureTest {

    @Test
    void aPreviewIsSmallGreyAndBlurredARevealNeedsAJustificationAndBothAreAudited() throws Exception {
        UUID caseId = CaseFixture.openCase("officer");
        CaseFixture.addMember(caseId, "officer", "liaison", "OBSERVER");
        UUID seizure = MediaFixture.seizure(caseId, "officer");
        String item = MediaFixture.uploadUnique(caseId, seizure, "officer");
        String base = "/api/cases/" + caseId + "/media/" + item;

        Response preview = Api.as("liaison").get(base + "/preview").then().statusCode(200)
                .contentType("image/png").header("Cache-Control", "no-store").extract().response();
        BufferedImage small = ImageIO.read(new ByteArrayInputStream(preview.asByteArray()));
        assertThat(Math.max(small.getWidth(), small.getHeight())).isEqualTo(160);
        assertThat(small.getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
        assertThat(neighbourContrast(small)).as("blurred: neighbouring pixels barely differ").isLessThan(4.0);

        Api.as("officer").get(base + "/reveal").then().statusCode(400).contentType("application/problem+json");
        Api.as("liaison").queryParam("justification", "x").get(base + "/reveal").then().statusCode(403);
        Response revealed = Api.as("officer").queryParam("justification", "Triage: the metadata does not settle it")
                .get(base + "/reveal").then().statusCode(200).contentType("image/png").header("Cache-Control", "no-store")
                .extract().response();
        BufferedImage colour = ImageIO.read(new ByteArrayInputStream(revealed.asByteArray()));
        assertThat(colour.getWidth()).isEqualTo(320);
        assertThat(colour.getColorModel().getNumColorComponents()).isEqualTo(3);

        Api.as("officer2").get(base + "/preview").then().statusCode(404);
        Api.as("officer2").queryParam("justification", "curious").get(base + "/reveal").then().statusCode(404);

        List<Map<String, Object>> events = Api.as("auditor").get("/api/audit/events?caseId=" + caseId + "&objectId=" + item
                + "&size=50").then().statusCode(200).extract().jsonPath().getList("");
        assertThat(events).filteredOn(e -> "media.preview".equals(e.get("action")) && "SUCCESS".equals(e.get("outcome")))
                .singleElement().satisfies(e -> assertThat(e.get("actor")).isEqualTo("liaison"));
        assertThat(events).filteredOn(e -> "officer2".equals(e.get("actor"))).extracting(e -> e.get("outcome"))
                .containsOnly("DENIED").hasSize(2);
        assertThat(events).filteredOn(e -> "media.reveal".equals(e.get("action")) && "SUCCESS".equals(e.get("outcome")))
                .singleElement().satisfies(e -> {
                    assertThat(e.get("actor")).isEqualTo("officer");
                    assertThat(e.get("justification")).isEqualTo("Triage: the metadata does not settle it");
                });
    }

    /** Mean absolute difference between horizontally neighbouring pixels. */
    private static double neighbourContrast(BufferedImage grey) {
        long sum = 0;
        long n = 0;
        var raster = grey.getRaster();
        for (int y = 0; y < grey.getHeight(); y++) {
            for (int x = 1; x < grey.getWidth(); x++) {
                sum += Math.abs(raster.getSample(x, y, 0) - raster.getSample(x - 1, y, 0));
                n++;
            }
        }
        return (double) sum / n;
    }
}
