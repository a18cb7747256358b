package dev.drydock.tools;

import dev.drydock.DrydockException;
import dev.drydock.ErrorCode;
import dev.drydock.config.DrydockConfig;
import dev.drydock.db.Databases;
import dev.drydock.db.Redactor;
import dev.drydock.db.SqlErrors;
import dev.drydock.db.Target;
import dev.drydock.migrate.ProjectPaths;
import dev.drydock.typegen.TypeGeneration;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** {@code generate_types}: Supabase-identical TypeScript, or Java records, for a target's schemas. */
public final class GenerateTypesTool implements ToolHandler {
    private final DrydockConfig config;
    private final Databases databases;
    private final Redactor redactor;

    private final BranchTargets branches;

    public GenerateTypesTool(DrydockConfig config, Databases databases, Redactor redactor, BranchTargets branches) {
        this.branches = branches;
        this.config = config;
        this.databases = databases;
        this.redactor = redactor;
    }

    @Override
    public String name() {
        return "generate_types";
    }

    @Override
    public GenerateTypesResult call(Arguments args) {
        Target target = args.target(config, branches);
        DrydockConfig.Types defaults = config.types();
        List<String> schemas = args.strings("schemas", defaults.schemas());
        TypeGeneration.Lang lang = TypeGeneration.Lang.parse(args.string("lang", defaults.lang()));
        String javaPackage = args.string("package", defaults.javaPackage());
        if (!javaPackage.isEmpty() && !javaPackage.matches("[a-zA-Z_][a-zA-Z0-9_]*(\\.[a-zA-Z_][a-zA-Z0-9_]*)*")) {
            throw new DrydockException(ErrorCode.INVALID_ARGUMENT, "package '" + javaPackage
                    + "' is not a Java package name.", "Use dotted identifiers, such as com.example.db.");
        }
        String postgrestVersion = args.string("postgrest_version", defaults.postgrestVersion());
        String out = args.string("out", null);
        Path file = out == null ? null : ProjectPaths.inside(config.projectDir(), out, false, "src/types/database.ts");
        TypeGeneration.Generated g;
        try (Connection c = databases.openForRead(target)) {
            g = TypeGeneration.generate(c, schemas, lang, javaPackage, postgrestVersion);
        } catch (SQLException e) {
            throw SqlErrors.translate(e, target.name(), redactor);
        }
        GenerateTypesResult.Counts counts = new GenerateTypesResult.Counts(g.tables(), g.views(), g.functions(),
                g.enums(), g.compositeTypes());
        if (file == null) {
            return new GenerateTypesResult(lang.toString(), target.name(), schemas, g.sha256(), counts, g.source(), null,
                    true);
        }
        boolean changed = write(file, g.source());
        return new GenerateTypesResult(lang.toString(), target.name(), schemas, g.sha256(), counts, null,
                config.projectDir().toAbsolutePath().normalize().relativize(file).toString(), changed);
    }

    /** Writes through a temporary file and a rename, so a reader never sees half a file; false when unchanged. */
    private static boolean write(Path file, String source) {
        try {
            if (Files.isRegularFile(file) && Files.readString(file).equals(source)) {
                return false;
            }
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), ".drydock-types", ".tmp");
            Files.writeString(tmp, source, StandardCharsets.UTF_8);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (IOException e) {
            throw new DrydockException(ErrorCode.INVALID_ARGUMENT, "Cannot write " + file + ": " + e.getMessage(),
                    "Check that the directory is writable.");
        }
    }
}
