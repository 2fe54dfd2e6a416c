package org.vidcase.shared.security;

/** Realm roles of keycloak-realm/vid-realm.json; the only names used in {@code @RolesAllowed}. */
public final class Roles {
    public static final String OFFICER = "vid-officer";
    public static final String INVESTIGATOR = "investigator";
    public static final String LIAISON = "liaison-officer";
    public static final String SUPERVISOR = "supervisor";
    public static final String AUDITOR = "auditor";
    public static final String HUB_NODE = "hub-node";
    /** Administers the exchange hub: its node registry, conflict review, statistics, baseline exports. */
    public static final String HUB_ADMIN = "hub-admin";

    private Roles() {
    }
}
