package dev.drydock.typegen;

import dev.drydock.config.DrydockConfig;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Whether the project's types file ({@code types.out} in drydock.yaml) still matches a database's
 * schema: generated in memory with the configured schemas and language, compared byte for byte.
 */
public final class TypesFreshness {

    /**
     * @param file  the configured file, relative to the project
     * @param stale true when the file is missing or differs from what the database now generates
     */
    public record Report(String file, boolean stale) {
    }

    private TypesFreshness() {
    }

    /** Null when no types file is configured. */
    public static Report check(DrydockConfig config, Connection c) throws SQLException {
        DrydockConfig.Types types = config.types();
        if (types.out() == null) {
            return null;
        }
        TypeGeneration.Generated g = TypeGeneration.generate(c, types.schemas(), TypeGeneration.Lang.parse(types.lang()),
                types.javaPackage(), types.postgrestVersion());
        Path file = config.projectDir().resolve(types.out());
        try {
            boolean same = Files.isRegularFile(file) && Files.readString(file, StandardCharsets.UTF_8).equals(g.source());
            return new Report(types.out(), !same);
        } catch (IOException e) {
            return new Report(types.out(), true);
        }
    }
}
