package org.vidcase.hub.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.vidcase.hub.service.PackageIntake;
import org.vidcase.shared.security.Roles;

@Path("/api/hub")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Exchange hub", description = "The international hub: signed packages in, merged entries and deltas out "
        + "(vidcase.exchange.mode=hub; docs/exchange-protocol.md)")
@SecurityRequirement(name = "keycloak")
public class HubPackageResource {

    private final PackageIntake intake;

    public HubPackageResource(PackageIntake intake) {
        this.intake = intake;
    }

    @POST
    @Path("/packages")
    @Consumes({"application/jose", MediaType.TEXT_PLAIN})
    @RolesAllowed(Roles.HUB_NODE)
    @Operation(summary = "Submit a signed package as a node",
            description = "The body is the compact JWS. The token's client must be a registered node, the key one of "
                    + "its keys, the issuing country its country. 201 when merged; 200 with replay: true when the "
                    + "package was accepted before (nothing changes).")
    @APIResponse(responseCode = "201", description = "Accepted and merged")
    @APIResponse(responseCode = "200", description = "Accepted before: a replay, nothing changed")
    @APIResponse(responseCode = "400", description = "Malformed, unsigned, not canonical: errors name the JSON pointers")
    @APIResponse(responseCode = "403", description = "The client is no active node, or submits as another country")
    @APIResponse(responseCode = "409", description = "The package id was used for other content")
    @APIResponse(responseCode = "413", description = "Larger than the package limits")
    @APIResponse(responseCode = "422", description = "Unknown or revoked key, bad signature, or a rule of the format broken")
    public Response submit(String body) {
        PackageIntake.Received received = intake.receive(body);
        return Response.status(received.created() ? 201 : 200).entity(received.receipt()).build();
    }

    @POST
    @Path("/package-files")
    @Consumes({"application/jose", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    @RolesAllowed(Roles.HUB_ADMIN)
    @Operation(summary = "Take in a package that reached the hub by other means (a file)",
            description = "Same checks as a node's submission; the key that signed it names the node.")
    @APIResponse(responseCode = "201", description = "Accepted and merged")
    @APIResponse(responseCode = "200", description = "Accepted before: a replay, nothing changed")
    public Response file(String body) {
        PackageIntake.Received received = intake.receiveFile(body);
        return Response.status(received.created() ? 201 : 200).entity(received.receipt()).build();
    }
}
