package org.vidcase.notification.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.vidcase.audit.service.AuditAction;
import org.vidcase.audit.service.AuditObject;
import org.vidcase.audit.service.Audited;
import org.vidcase.notification.api.NotificationView;
import org.vidcase.notification.domain.Notification;
import org.vidcase.notification.domain.NotificationRepository;
import org.vidcase.shared.error.ResourceNotFoundException;
import org.vidcase.shared.security.CurrentUser;

/** The caller's own inbox; nobody reads another's. */
@ApplicationScoped
public class InboxService {

    private final NotificationRepository notifications;
    private final CurrentUser user;

    public InboxService(NotificationRepository notifications, CurrentUser user) {
        this.notifications = notifications;
        this.user = user;
    }

    @Audited(AuditAction.NOTIFICATION_LIST)
    public List<NotificationView> list(boolean unreadOnly, int page, int size) {
        return notifications.of(user.name(), unreadOnly, page, size).stream().map(NotificationView::of).toList();
    }

    public long unread() {
        return notifications.unread(user.name());
    }

    @Audited(AuditAction.NOTIFICATION_READ)
    public NotificationView markRead(@AuditObject UUID id) {
        Notification n = notifications.ofUser(id, user.name()).orElseThrow(() -> new ResourceNotFoundException("Notification", id));
        if (n.readAt == null) {
            n.readAt = Instant.now();
        }
        return NotificationView.of(n);
    }

    @Audited(AuditAction.NOTIFICATION_READ)
    public int markAllRead() {
        return notifications.markAllRead(user.name(), Instant.now());
    }
}
