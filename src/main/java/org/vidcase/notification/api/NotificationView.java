package org.vidcase.notification.api;

import java.time.Instant;
import java.util.UUID;
import org.vidcase.notification.domain.Notification;

public record NotificationView(UUID id, String kind, String title, String body, UUID caseId, Instant createdAt,
                               Instant readAt) {

    public static NotificationView of(Notification n) {
        return new NotificationView(n.id, n.kind, n.title, n.body, n.caseId, n.createdAt, n.readAt);
    }
}
