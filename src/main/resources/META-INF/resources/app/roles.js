// The realm roles (keycloak-realm/vid-realm.json), as the server's Roles class names them.
export const ROLES = {
  officer: 'vid-officer',
  investigator: 'investigator',
  liaison: 'liaison-officer',
  supervisor: 'supervisor',
  auditor: 'auditor',
  hubAdmin: 'hub-admin',
};
