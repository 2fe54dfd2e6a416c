package org.vidcase.media.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.vidcase.media.service.MediaIngestService;

/**
 * Checks that the caller may upload to the exhibit before a multipart body is read (request filters
 * run before the form is parsed and spooled): an outsider is answered 404, a reader 403, and not one
 * byte of their file reaches the disk.
 */
public class UploadAccessFilter {

    private final MediaIngestService ingest;

    public UploadAccessFilter(MediaIngestService ingest) {
        this.ingest = ingest;
    }

    @ServerRequestFilter
    @CheckedBeforeBody
    public void beforeBody(ContainerRequestContext request, UriInfo uri) {
        UUID caseId;
        UUID seizureId;
        try {
            caseId = UUID.fromString(uri.getPathParameters().getFirst("caseId"));
            seizureId = UUID.fromString(uri.getPathParameters().getFirst("seizureId"));
        } catch (IllegalArgumentException | NullPointerException e) {
            return; // Not ids: the resource answers 404 as for any malformed path.
        }
        ingest.checkCanUpload(caseId, seizureId);
    }
}
