package org.vidcase.media.api;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An upload whose need-to-know check runs before its body is read: a multipart body is spooled to
 * disk as it is parsed, so a caller who may not upload to the exhibit must be refused first.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface CheckedBeforeBody {
}
