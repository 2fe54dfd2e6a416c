package org.vidcase.exchange.format;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * {@code ./vidcase exchange-key KID [CURRENT_SET_FILE]}: a new ES256 signing key for a node. Prints
 * the private key set (the new key added to the current set, when given, so that retired keys stay)
 * for {@code VIDCASE_EXCHANGE_SIGNING_KEYS}, the public JWK and its thumbprint to register at the
 * hub, and a fresh series-pseudonym secret for a node that has none yet.
 */
public final class KeyTool {

    private KeyTool() {
    }

    public static void main(String[] args) throws IOException, ParseException, JOSEException {
        PrintStream out = System.out;
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: ./vidcase exchange-key KID [CURRENT_SET_FILE]");
            System.exit(2);
        }
        ECKey key = SigningKeys.generate(args[0]);
        List<JWK> keys = new ArrayList<>();
        if (args.length == 2) {
            for (JWK existing : JWKSet.parse(Files.readString(Path.of(args[1]))).getKeys()) {
                if (args[0].equals(existing.getKeyID())) {
                    System.err.println("key id " + args[0] + " is in the current set already");
                    System.exit(2);
                }
                keys.add(existing);
            }
        }
        keys.add(key);
        String set = new JWKSet(keys).toString(false);
        SigningKeys.parse(set, args[0]);
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        out.println("# VIDCASE_EXCHANGE_SIGNING_KEYS (secret: private keys; retired keys stay in it):");
        out.println(set);
        out.println("# VIDCASE_EXCHANGE_SIGNING_KEY_ID:");
        out.println(args[0]);
        out.println("# Public key to register at the hub (POST /api/hub/nodes/{clientId}/keys as {\"jwk\": ...}),");
        out.println("# thumbprint " + key.computeThumbprint() + ":");
        out.println(key.toPublicJWK().toJSONString());
        out.println("# VIDCASE_EXCHANGE_SERIES_SECRET, only for a node that has none (never change an existing one):");
        out.println(Base64.getEncoder().encodeToString(secret));
    }
}
