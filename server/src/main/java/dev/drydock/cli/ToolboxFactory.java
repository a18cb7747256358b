package dev.drydock.cli;

import dev.drydock.tools.Toolbox;

import java.nio.file.Path;

/** Builds the tools for a project; {@code Main} provides the one implementation. */
@FunctionalInterface
public interface ToolboxFactory {
    Toolbox open(Path project, String databaseUrl);
}
