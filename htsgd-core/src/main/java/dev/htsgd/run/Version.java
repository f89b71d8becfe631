package dev.htsgd.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The htsgd version that Maven filtered into {@code version.properties}, for provenance and {@code --version}. */
public final class Version {

    private Version() {
    }

    /** The project version, or {@code unknown} outside a Maven build. */
    public static String version() {
        Properties p = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.getProperty("version", "unknown");
    }
}
