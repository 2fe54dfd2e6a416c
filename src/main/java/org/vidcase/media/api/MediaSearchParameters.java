package org.vidcase.media.api;

import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.vidcase.media.domain.ReviewFilter;
import org.vidcase.search.service.MediaQuery;

/** What GET /media and GET /media/facets filter by; the ones marked "index" need the search index. */
public class MediaSearchParameters {

    @QueryParam("q")
    @Size(max = 500)
    @Parameter(description = "index: words that must all occur in a file name, folder, note, tag, series or camera "
            + "field, accents and case ignored; word* is a prefix, -word excludes", example = "holiday img_00*")
    public String q;

    @QueryParam("seizureId")
    public UUID seizureId;

    @QueryParam("category")
    public String category;

    @QueryParam("review")
    public ReviewFilter review;

    @QueryParam("stacks")
    @DefaultValue("false")
    @Parameter(description = "One representative per stack of near-duplicates, with its size")
    public boolean stacks;

    @QueryParam("hashOnlyFirst")
    @DefaultValue("false")
    @Parameter(description = "Items known by hash only (no file) before those with a file, each in arrival order: "
            + "what can be decided from hashes and metadata comes first. Lists without words or index filters only")
    public boolean hashOnlyFirst;

    @QueryParam("tag")
    @Parameter(description = "index: carries this tag")
    public String tag;

    @QueryParam("make")
    @Parameter(description = "index: EXIF camera make, exactly as a facet shows it")
    public String make;

    @QueryParam("model")
    @Parameter(description = "index: EXIF camera model, exactly as a facet shows it")
    public String model;

    @QueryParam("serial")
    @Parameter(description = "index: EXIF camera body serial number")
    public String serial;

    @QueryParam("folder")
    @Parameter(description = "index: in this folder or below, case and accents ignored, / or \\", example = "/DCIM")
    public String folder;

    @QueryParam("extension")
    @Parameter(description = "index: file-name extension", example = "jpg")
    public String extension;

    @QueryParam("mediaType")
    @Parameter(description = "index: MIME type", example = "image/jpeg")
    public String mediaType;

    @QueryParam("seriesId")
    @Parameter(description = "index: a member (suggested or confirmed) of this series")
    public UUID seriesId;

    @QueryParam("categorisedBy")
    @Parameter(description = "index: categorised by this user or hash set")
    public String categorisedBy;

    public MediaQuery query(UUID caseId) {
        return new MediaQuery(caseId, q, seizureId, category, null, null, stacks, blankToNull(tag), blankToNull(make),
                blankToNull(model), blankToNull(serial), blankToNull(folder), blankToNull(extension),
                blankToNull(mediaType), seriesId, blankToNull(categorisedBy));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
