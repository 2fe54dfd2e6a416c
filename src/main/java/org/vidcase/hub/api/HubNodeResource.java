package org.vidcase.hub.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.vidcase.hub.service.NodeRegistry;
import org.vidcase.shared.security.Roles;

@Path("/api/hub/nodes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Exchange hub")
@SecurityRequirement(name = "keycloak")
public class HubNodeResource {

    private final NodeRegistry registry;

    public HubNodeResource(NodeRegistry registry) {
        this.registry = registry;
    }

    @GET
    @RolesAllowed(Roles.HUB_ADMIN)
    @Operation(summary = "Registered nodes with their countries and keys")
    public List<NodeView> list() {
        return registry.list();
    }

    @PUT
    @Path("/{clientId}")
    @RolesAllowed(Roles.HUB_ADMIN)
    @Operation(summary = "Register a node (its Keycloak client id) or change it",
            description = "A node's country does not change once it has keys.")
    public NodeView put(@PathParam("clientId") String clientId, NodeRequest request) {
        return registry.put(clientId, request);
    }

    @POST
    @Path("/{clientId}/keys")
    @RolesAllowed(Roles.HUB_ADMIN)
    @Operation(summary = "Register a public signing key of the node (EC P-256 JWK with a kid unique at the hub)")
    public NodeView addKey(@PathParam("clientId") String clientId, KeyRequest request) {
        return registry.addKey(clientId, request);
    }

    @POST
    @Path("/{clientId}/keys/{keyId}/revocation")
    @RolesAllowed(Roles.HUB_ADMIN)
    @Operation(summary = "Revoke a key: packages it signed are refused from now on, replays included")
    public NodeView revokeKey(@PathParam("clientId") String clientId, @PathParam("keyId") String keyId,
                              KeyRevocationRequest request) {
        return registry.revokeKey(clientId, keyId, request);
    }
}
