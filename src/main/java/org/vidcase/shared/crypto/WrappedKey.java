package org.vidcase.shared.crypto;

import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A data key wrapped under the master key {@code keyId}. Stored beside the object it encrypts in
 * its {@link #storageForm() storage form}, {@code keyId:base64}: at most 89 characters for an
 * AES-256 data key (32-character id, 56 characters of Base64).
 */
public record WrappedKey(String keyId, byte[] wrapped) {

    static final String KEY_ID_RULE = "1 to 32 characters of [A-Za-z0-9._-]";

    /** Bounded so that a key pasted into the id field is refused rather than echoed in a message. */
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._-]{1,32}");

    public WrappedKey {
        if (!isValidKeyId(keyId)) {
            throw new IllegalArgumentException("Master key id must be " + KEY_ID_RULE);
        }
        Objects.requireNonNull(wrapped, "wrapped");
        if (wrapped.length == 0) {
            throw new IllegalArgumentException("Wrapped data key is empty");
        }
        wrapped = wrapped.clone();
    }

    /** Parses the {@link #storageForm() storage form}. */
    public static WrappedKey parse(String storageForm) {
        Objects.requireNonNull(storageForm, "storageForm");
        int colon = storageForm.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("Wrapped data key is not of the form keyId:base64");
        }
        byte[] wrapped;
        try {
            wrapped = Base64.getDecoder().decode(storageForm.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Wrapped data key is not valid Base64 after its key id");
        }
        return new WrappedKey(storageForm.substring(0, colon), wrapped);
    }

    static boolean isValidKeyId(String keyId) {
        return keyId != null && KEY_ID.matcher(keyId).matches();
    }

    @Override
    public byte[] wrapped() {
        return wrapped.clone();
    }

    /** {@code keyId:base64}, for a database column. */
    public String storageForm() {
        return keyId + ':' + Base64.getEncoder().encodeToString(wrapped);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WrappedKey that && keyId.equals(that.keyId) && Arrays.equals(wrapped, that.wrapped);
    }

    @Override
    public int hashCode() {
        return 31 * keyId.hashCode() + Arrays.hashCode(wrapped);
    }

    /** The storage form: a wrapped key reveals nothing without its master key. */
    @Override
    public String toString() {
        return storageForm();
    }
}
