package dev.newsdesk.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/** {@code --version}: the build's version and the git commit it was built from, so a bug report names the code. */
final class VersionProvider implements CommandLine.IVersionProvider {
    static final String RESOURCE = "/newsdesk-version.properties";

    @Override
    public String[] getVersion() {
        Properties p = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream(RESOURCE)) {
            if (in != null) p.load(in);
        } catch (IOException e) {
            // an unreadable resource only costs the details: the line still says what it cannot tell
        }
        return new String[] {line(p.getProperty("version"), p.getProperty("commit")),
                "java " + Runtime.version() + " (" + System.getProperty("java.vendor", "unknown vendor") + ")"};
    }

    /** A value the build did not fill in (no git checkout, or run from unfiltered sources) reads "unknown". */
    static String line(String version, String commit) {
        return "newsdesk " + known(version) + " (commit " + known(commit) + ")";
    }

    private static String known(String value) {
        return value == null || value.isBlank() || value.contains("${") ? "unknown" : value.strip();
    }
}
