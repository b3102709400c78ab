package dev.bpf4j.kernel;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test class that needs the real kernel: tagged {@code kernel}, skipped with the reason when not
 * root or bpf(2) is unavailable, but failed instead when {@code BPF4J_REQUIRE_KERNEL=1} (as CI sets), and
 * checked after every test for leaked BPF file descriptors.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag("kernel")
@ExtendWith(KernelExtension.class)
public @interface KernelTest {
}
