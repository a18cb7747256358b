package dev.drydock.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What {@code drydock serve} was asked to do.
 *
 * @param httpPort null for stdio
 */
record ServeOptions(Path project, String databaseUrl, Integer httpPort, String bind, List<String> allowedOrigins) {

    static final String DEFAULT_BIND = "127.0.0.1";

    ServeOptions {
        project = project.toAbsolutePath().normalize();
        allowedOrigins = List.copyOf(allowedOrigins);
    }

    /**
     * The invocation MCP clients use at every session start — {@code serve} with at most
     * {@code --project} and {@code --database-url}, each once, as {@code --opt value} or
     * {@code --opt=value} — parsed without picocli; empty for anything else, which picocli parses.
     * picocli costs about a third of a cold start (its classes target Java 5 and cannot be stored
     * in a class-data archive); {@code ServeOptionsTest} proves this parse agrees with picocli's.
     */
    static Optional<ServeOptions> quickParse(String[] args) {
        if (args.length == 0 || !args[0].equals("serve")) {
            return Optional.empty();
        }
        String project = null;
        String databaseUrl = null;
        for (int i = 1; i < args.length; i++) {
            String name = args[i];
            String value;
            int eq = name.indexOf('=');
            if (eq > 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else if (i + 1 < args.length && !args[i + 1].startsWith("-")) {
                value = args[++i];
            } else {
                return Optional.empty();
            }
            if (value.isEmpty()) {
                return Optional.empty();
            }
            if (name.equals("--project") && project == null) {
                project = value;
            } else if (name.equals("--database-url") && databaseUrl == null) {
                databaseUrl = value;
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(new ServeOptions(Path.of(project == null ? "." : project), databaseUrl, null, DEFAULT_BIND,
                List.of()));
    }
}
