package be.mhealth.pyramid.e2e;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One running platform for every end-to-end class of the run (starting one costs about a minute and a half): started
 * by the first class that needs it, stopped ({@code ./pyramid down}) when the whole run ends.
 */
final class SharedPlatform implements BeforeAllCallback {

    private static volatile Platform platform;

    /** The running platform (after the extension started it). */
    static Platform platform() {
        if (platform == null) {
            throw new IllegalStateException("annotate the class with @ExtendWith(SharedPlatform.class)");
        }
        return platform;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).computeIfAbsent(SharedPlatform.class, key -> {
            platform = Platform.start();
            return (AutoCloseable) () -> platform.stop();
        }, AutoCloseable.class);
    }
}
