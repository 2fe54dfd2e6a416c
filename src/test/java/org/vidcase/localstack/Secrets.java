package org.vidcase.localstack;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Fresh credentials for each local run; nothing local shares a password with anything real. */
final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    static String random() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
