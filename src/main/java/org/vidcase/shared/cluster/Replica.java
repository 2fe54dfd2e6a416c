package org.vidcase.shared.cluster;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.InetAddress;
import java.util.UUID;

/**
 * This server process among the replicas sharing one database: its name (host, process id and a
 * random part, so that a restarted process is a new replica) is what job leases and the reference
 * index's confirmations carry.
 */
@ApplicationScoped
public class Replica {

    private final String name = newName();

    public String name() {
        return name;
    }

    private static String newName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "host";
        }
        return host + "-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
