package dev.htsgd.cli;

import picocli.CommandLine.IVersionProvider;

/** Reads the project version that Maven filtered into {@code version.properties}. */
public final class VersionProvider implements IVersionProvider {

    /** The htsgd version string, for {@code --version} and provenance. */
    public static String version() {
        return dev.htsgd.run.Version.version();
    }

    @Override
    public String[] getVersion() {
        return new String[] {
            "htsgd " + version(),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"};
    }
}
