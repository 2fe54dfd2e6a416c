package org.vidcase.media.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.vidcase.shared.category.CategoryScheme;
import org.vidcase.shared.security.Roles;

@Path("/api/categories")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Categories", description = "The categorisation scheme in force")
@SecurityRequirement(name = "keycloak")
public class CategoryResource {

    private final CategoryScheme scheme;

    public CategoryResource(CategoryScheme scheme) {
        this.scheme = scheme;
    }

    @GET
    @RolesAllowed({Roles.OFFICER, Roles.INVESTIGATOR, Roles.LIAISON, Roles.SUPERVISOR, Roles.AUDITOR})
    @Operation(summary = "The active categorisation scheme",
            description = "Every code an officer may send as 'category' when categorising, with its label, what "
                    + "belongs in it and whether it counts as an alert. Configuration, not case data: not audited.")
    public CategorySchemeView scheme() {
        return new CategorySchemeView(scheme.profile(), scheme.categories().stream().map(CategoryView::of).toList());
    }
}
