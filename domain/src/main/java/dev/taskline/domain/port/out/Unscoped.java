package dev.taskline.domain.port.out;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a repository method that legitimately takes no owner; {@link #value()} says why. The
 * owner-parameter architecture rule skips methods carrying it, so every exception is explicit.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Unscoped {

    /** Why this method cannot be scoped to an owner. */
    String value();
}
