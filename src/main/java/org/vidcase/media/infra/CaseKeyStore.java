package org.vidcase.media.infra;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.UUID;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.vidcase.shared.error.ServiceUnavailableException;

/**
 * The key store (datasource {@code keys}, migrations in {@code db/keys}): each case's key-encryption
 * key, wrapped under a master key. It is a database of its own so that its backups can be kept far
 * shorter than the main database's: once a destroyed key has left them, nothing can decrypt what only
 * that case held (docs/operations.md, "Retention and disposal").
 */
@ApplicationScoped
public class CaseKeyStore {

    private static final Logger LOG = Logger.getLogger(CaseKeyStore.class);

    private final AgroalDataSource keys;

    public CaseKeyStore(@DataSource("keys") AgroalDataSource keys) {
        this.keys = keys;
    }

    /** The case's wrapped key, if it has one. */
    public Optional<String> find(UUID caseId) {
        try (Connection c = keys.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT wrapped_key FROM case_key WHERE case_id = ?")) {
            s.setObject(1, caseId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /**
     * Stores {@code wrappedKey} for the case unless it has a key already (then the existing one wins),
     * and returns the case's key.
     *
     * @throws DestroyedCaseKeyException if the case's key was destroyed: it is never made again
     */
    public String putIfAbsent(UUID caseId, String wrappedKey) {
        try (Connection c = keys.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM destroyed_case_key WHERE case_id = ?")) {
                s.setObject(1, caseId);
                try (ResultSet r = s.executeQuery()) {
                    if (r.next()) {
                        throw new DestroyedCaseKeyException(caseId);
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO case_key (case_id, wrapped_key) VALUES (?, ?) ON CONFLICT (case_id) DO NOTHING")) {
                s.setObject(1, caseId);
                s.setString(2, wrappedKey);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("SELECT wrapped_key FROM case_key WHERE case_id = ?")) {
                s.setObject(1, caseId);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        throw new DestroyedCaseKeyException(caseId);
                    }
                    return r.getString(1);
                }
            }
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /**
     * Destroys the case's key: the row is deleted, the case is marked so that no key is made for it
     * again, and the table is vacuumed so that the row leaves its pages at once. Idempotent.
     *
     * @return whether a key was there to destroy
     */
    public boolean destroy(UUID caseId) {
        boolean destroyed;
        try (Connection c = keys.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement mark = c.prepareStatement(
                    "INSERT INTO destroyed_case_key (case_id) VALUES (?) ON CONFLICT (case_id) DO NOTHING");
                 PreparedStatement delete = c.prepareStatement("DELETE FROM case_key WHERE case_id = ?")) {
                mark.setObject(1, caseId);
                mark.executeUpdate();
                delete.setObject(1, caseId);
                destroyed = delete.executeUpdate() > 0;
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
            c.setAutoCommit(true);
            try (Statement vacuum = c.createStatement()) {
                vacuum.execute("VACUUM case_key");
            } catch (SQLException e) {
                // Without the MAINTAIN privilege (PostgreSQL before 17) autovacuum does it later.
                LOG.debugf("case_key not vacuumed after destroying a key: %s", e.getMessage());
            }
        } catch (SQLException e) {
            throw unavailable(e);
        }
        return destroyed;
    }

    public boolean isDestroyed(UUID caseId) {
        try (Connection c = keys.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT 1 FROM destroyed_case_key WHERE case_id = ?")) {
            s.setObject(1, caseId);
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    private static ServiceUnavailableException unavailable(SQLException e) {
        LOG.warnf("Key store unavailable: %s", e.getMessage());
        return new ServiceUnavailableException("The evidence key store is unavailable; nothing was changed. Try again later.");
    }
}
