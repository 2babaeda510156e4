package dev.iobuf.uring;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class the kernel matrix runs on every kernel it boots (scripts/kernel-matrix.sh selects the tag
 * {@code kernel}): it needs no Docker and no child JVM, and a feature the kernel predates makes it skip
 * with the reason ({@link KernelSkip}) rather than fail.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("kernel")
@ExtendWith(KernelSkip.class)
public @interface KernelTest {
}
