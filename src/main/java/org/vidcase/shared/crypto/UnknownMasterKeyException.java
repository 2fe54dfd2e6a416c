package org.vidcase.shared.crypto;

/**
 * A wrapped data key names a master key that the keyring does not hold — typically a retired key
 * removed from the configuration while data wrapped under it still exists.
 */
public class UnknownMasterKeyException extends IllegalStateException {

    private final String keyId;

    public UnknownMasterKeyException(String keyId, Iterable<String> configuredIds) {
        super("No master key with id '" + keyId + "' in the keyring (configured: " + configuredIds
                + "); keep retired keys configured until everything wrapped under them is re-wrapped");
        this.keyId = keyId;
    }

    public String keyId() {
        return keyId;
    }
}
