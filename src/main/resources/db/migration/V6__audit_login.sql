-- Which login a consultation came from: the token's session id (Keycloak's `sid`) and how the
-- user authenticated (`acr` and `amr`). Both are part of the event's hash when present.
ALTER TABLE audit_event ADD COLUMN session_id VARCHAR(100);
ALTER TABLE audit_event ADD COLUMN authentication VARCHAR(200);
