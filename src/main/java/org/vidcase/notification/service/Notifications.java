package org.vidcase.notification.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.UUID;
import org.vidcase.notification.domain.Notification;
import org.vidcase.notification.domain.NotificationRepository;

/** Puts notifications in users' inboxes, in the caller's transaction. */
@ApplicationScoped
public class Notifications {

    private final NotificationRepository notifications;

    public Notifications(NotificationRepository notifications) {
        this.notifications = notifications;
    }

    public void tell(Collection<String> usernames, String kind, String title, String body, UUID caseId) {
        Instant now = Instant.now();
        for (String username : usernames) {
            Notification n = new Notification();
            n.id = UUID.randomUUID();
            n.username = username;
            n.kind = kind;
            n.title = title;
            n.body = body;
            n.caseId = caseId;
            n.createdAt = now;
            notifications.persist(n);
        }
    }
}
