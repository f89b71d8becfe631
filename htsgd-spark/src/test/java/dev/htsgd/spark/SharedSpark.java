package dev.htsgd.spark;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * {@code @ExtendWith(SharedSpark.class)}: the sweeps of a test class run on the shared local context
 * ({@link TestSpark}) instead of starting their own, and {@link CountingKind} is reset before and after each test
 * (registration, injected failures). Public for htsgd-app's tests.
 */
public final class SharedSpark implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        SparkSweep.share(TestSpark.context());
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        CountingKind.reset();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        CountingKind.reset();
    }
}
