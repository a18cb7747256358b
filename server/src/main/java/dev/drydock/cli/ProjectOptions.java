package dev.drydock.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Options every command that reads a project takes. */
public final class ProjectOptions {
    @Option(names = "--project", paramLabel = "DIR", defaultValue = ".",
            description = "Project root: where drydock.yaml and supabase/ (or migrations/) live. Default: the working directory.")
    Path project;

    @Option(names = "--database-url", paramLabel = "URL",
            description = "Defines target `default` (postgres://… or jdbc:postgresql://…). "
                    + "Without it, DATABASE_URL is used when drydock.yaml defines no targets.")
    String databaseUrl;

    Path projectDir() {
        return project.toAbsolutePath().normalize();
    }
}
