package org.vidcase.shared.units;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.Config;

/**
 * The units of this deployment and how to reach them: {@code vidcase.units.contacts.<unit>} is the
 * contact point another unit is given when a cross-case hit concerns this one (a desk, a phone
 * number, a functional mailbox: never a person's case details). Units themselves are Keycloak
 * groups under {@code /units}.
 */
@ApplicationScoped
public class UnitDirectory {

    private final Config config;

    public UnitDirectory(Config config) {
        this.config = config;
    }

    /** The unit's contact point, or a text naming the unit, so that a message is never empty. */
    public String contactOf(String unit) {
        if (unit == null) {
            return "the deployment's operators (the case has no unit)";
        }
        return config.getOptionalValue("vidcase.units.contacts." + unit, String.class).filter(c -> !c.isBlank())
                .orElse("unit " + unit + " (no contact point configured)");
    }
}
