package org.vidcase.media;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.vidcase.localstack.LocalStackTestResource;
import org.vidcase.testsupport.CaseFixture;
import org.vidcase.testsupport.MediaFixture;
import org.vidcase.testsupport.Tokens;

/**
 * A multipart upload is checked for need-to-know before its body is read (and so before any of it
 * is spooled to disk): over a raw socket, a request announcing 5 MB but sending only its first
 * 64 kB is answered 404 at once for an outsider, while for the case's own officer the server goes
 * on waiting for the rest of the body.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, restrictToAnnotatedClass = false)
class UploadNeedToKnowBeforeBodyTest {

    private static final int ANNOUNCED = 5 * 1024 * 1024;

    @Test
    void anOutsiderIsRefusedBeforeTheBodyIsRead() throws Exception {
        UUID caseId = CaseFixture.openCase("officer");
        UUID seizureId = MediaFixture.seizure(caseId, "officer");
        String path = "/api/cases/" + caseId + "/seizures/" + seizureId + "/media";

        String outsider = partialUpload(path, Tokens.of("officer2"));
        assertThat(outsider).startsWith("HTTP/1.1 404").contains("application/problem+json");

        // The team's own officer: nothing is answered until the body has come (the server is reading it).
        assertThat(partialUpload(path, Tokens.of("officer"))).isNull();
    }

    /** Sends the headers and 64 kB of an announced 5 MB multipart body; the answer within 3 s, or null. */
    private static String partialUpload(String path, String token) throws IOException {
        int port = RestAssured.port;
        String boundary = "b" + UUID.randomUUID().toString().replace("-", "");
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(3_000);
            OutputStream out = socket.getOutputStream();
            String head = "POST " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Type: multipart/form-data; boundary=" + boundary + "\r\nContent-Length: " + ANNOUNCED
                    + "\r\n\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.bin\"\r\n"
                    + "Content-Type: application/octet-stream\r\n\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[64 * 1024]);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    answer.write(buffer, 0, n);
                    if (answer.toString(StandardCharsets.UTF_8).contains("}")) {
                        break;
                    }
                }
            } catch (SocketTimeoutException waiting) {
                // Nothing (more) within the time.
            } catch (IOException closed) {
                // The server closed the connection after answering.
            }
            return answer.size() == 0 ? null : answer.toString(StandardCharsets.UTF_8);
        }
    }
}
