package org.vidcase.exchange.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.vidcase.exchange.domain.PackageState;
import org.vidcase.exchange.service.PackageComposer;
import org.vidcase.exchange.service.PackageDelivery;
import org.vidcase.exchange.service.PackageReads;
import org.vidcase.exchange.service.PackageReview;
import org.vidcase.exchange.service.RevocationComposer;
import org.vidcase.shared.security.Roles;

@Path("/api/exchange")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Exchange (node)", description = "Anonymised, signed hash packages for the international hub: composed "
        + "by a liaison officer, approved by another person (a supervisor), sent or written to a file; all audited "
        + "as disclosures")
@SecurityRequirement(name = "keycloak")
public class ExchangePackageResource {

    private static final String JOSE = "application/jose";

    private final PackageComposer composer;
    private final RevocationComposer revocations;
    private final PackageReview review;
    private final PackageDelivery delivery;
    private final PackageReads reads;

    public ExchangePackageResource(PackageComposer composer, RevocationComposer revocations, PackageReview review,
                                   PackageDelivery delivery, PackageReads reads) {
        this.composer = composer;
        this.revocations = revocations;
        this.review = review;
        this.delivery = delivery;
        this.reads = reads;
    }

    @POST
    @Path("/packages")
    @RolesAllowed(Roles.LIAISON)
    @Operation(summary = "Compose a package from a selection",
            description = "Items a person categorised, in the cases the caller may read; items the hub already knows "
                    + "go as feedback. Nothing leaves before a supervisor who is not the composer approves it.")
    @APIResponse(responseCode = "201", description = "Composed; awaiting approval")
    @APIResponse(responseCode = "422", description = "Nothing matches, a category is never exchanged, or too many entries")
    public Response compose(ComposeRequest request) {
        PackageView created = composer.compose(request);
        return Response.created(java.net.URI.create("/api/exchange/packages/" + created.id())).entity(created).build();
    }

    @POST
    @Path("/revocations")
    @RolesAllowed(Roles.LIAISON)
    @Operation(summary = "Compose a revocation of packages or entries this node sent",
            description = "Goes through the same approval and sending as any package.")
    @APIResponse(responseCode = "201", description = "Composed; awaiting approval")
    public Response revoke(RevocationRequest request) {
        PackageView created = revocations.compose(request);
        return Response.created(java.net.URI.create("/api/exchange/packages/" + created.id())).entity(created).build();
    }

    @GET
    @Path("/packages")
    @RolesAllowed({Roles.LIAISON, Roles.SUPERVISOR})
    @Operation(summary = "The node's packages, newest first")
    public List<PackageView> list(@QueryParam("state") PackageState state,
                                  @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                  @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return reads.list(state, page, size);
    }

    @GET
    @Path("/packages/{id}")
    @RolesAllowed({Roles.LIAISON, Roles.SUPERVISOR})
    @Operation(summary = "A package: counts, who composed and decided, where it went")
    public PackageView get(@PathParam("id") UUID id) {
        return reads.get(id);
    }

    @GET
    @Path("/packages/{id}/payload")
    @RolesAllowed({Roles.LIAISON, Roles.SUPERVISOR})
    @Operation(summary = "The payload exactly as it is signed and leaves (canonical JSON)")
    public Response payload(@PathParam("id") UUID id) {
        return Response.ok(reads.payload(id), MediaType.APPLICATION_JSON).build();
    }

    @POST
    @Path("/packages/{id}/approval")
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(summary = "Approve and sign a package (four eyes: not its composer)")
    @APIResponse(responseCode = "409", description = "Already approved or refused")
    @APIResponse(responseCode = "422", description = "The caller composed it")
    public PackageView approve(@PathParam("id") UUID id) {
        return review.approve(id);
    }

    @POST
    @Path("/packages/{id}/refusal")
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(summary = "Refuse a package (four eyes: not its composer); the reason stays at the node")
    public PackageView refuse(@PathParam("id") UUID id, RefusalRequest request) {
        return review.refuse(id, request);
    }

    @POST
    @Path("/packages/{id}/sending")
    @RolesAllowed({Roles.LIAISON, Roles.SUPERVISOR})
    @Operation(summary = "Send an approved package to the hub as the node's service account",
            description = "Sending again is harmless: the hub says it has the package and changes nothing.")
    @APIResponse(responseCode = "409", description = "Not approved")
    @APIResponse(responseCode = "422", description = "The hub refused it (its reason in the detail)")
    @APIResponse(responseCode = "503", description = "The hub cannot be reached")
    public PackageView send(@PathParam("id") UUID id) {
        return delivery.send(id);
    }

    @POST
    @Path("/packages/{id}/file")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({JOSE, MediaType.APPLICATION_JSON})
    @RolesAllowed(Roles.LIAISON)
    @Operation(summary = "Disclose the signed package as a file (compact JWS) for a hub reached by other means",
            description = "A disclosure, recorded with its recipient and audited; answers the file.")
    public Response file(@PathParam("id") UUID id, DisclosureRequest request) {
        return Response.ok(delivery.file(id, request == null ? null : request.recipient()), JOSE)
                .header("Content-Disposition", "attachment; filename=\"vidcase-package-" + id + ".jws\"")
                .header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("/packages/{id}/icse-csv")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({"text/csv", MediaType.APPLICATION_JSON})
    @RolesAllowed(Roles.LIAISON)
    @Operation(summary = "Disclose the package's entries as an ICSE hash-set CSV (16 columns; investigation and agency empty)",
            description = "A disclosure, recorded with its recipient and audited; answers the CSV.")
    public Response icse(@PathParam("id") UUID id, DisclosureRequest request) {
        return Response.ok(delivery.icse(id, request == null ? null : request.recipient()), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"vidcase-package-" + id + "-icse.csv\"")
                .header("Cache-Control", "no-store").build();
    }

    @GET
    @Path("/keys")
    @Produces({"application/jwk-set+json", MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.LIAISON, Roles.SUPERVISOR})
    @Operation(summary = "The public halves of the node's signing keys (JWK set), to register at the hub")
    public Response keys() {
        return Response.ok(reads.publicKeys(), "application/jwk-set+json").build();
    }
}
