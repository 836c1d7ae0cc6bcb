package io.neuralplayground.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test that asserts how long something takes. Wall-clock bounds depend on the machine and on whatever else it
 * runs, so these tests are not part of {@code mvn verify}; {@code mvn -Pperformance verify} runs them, and only
 * them. A test whose result also matters for correctness keeps that part in an untagged test.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag(Performance.TAG)
public @interface Performance {
    /** The JUnit tag, as the pom's surefire configuration names it. */
    String TAG = "performance";
}
