package org.vidcase.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class NotificationRepository implements PanacheRepositoryBase<Notification, UUID> {

    public List<Notification> of(String username, boolean unreadOnly, int page, int size) {
        Sort sort = Sort.by("createdAt").descending().and("id");
        return (unreadOnly ? find("username = ?1 and readAt is null", sort, username) : find("username", sort, username))
                .page(page, size).list();
    }

    public long unread(String username) {
        return count("username = ?1 and readAt is null", username);
    }

    public Optional<Notification> ofUser(UUID id, String username) {
        return find("id = ?1 and username = ?2", id, username).firstResultOptional();
    }

    public int markAllRead(String username, Instant at) {
        return update("readAt = ?1 where username = ?2 and readAt is null", at, username);
    }
}
