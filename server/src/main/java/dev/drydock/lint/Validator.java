package dev.drydock.lint;

import dev.drydock.DrydockException;
import dev.drydock.ErrorCode;
import dev.drydock.config.DrydockConfig;
import dev.drydock.db.Databases;
import dev.drydock.db.Redactor;
import dev.drydock.db.SqlErrors;
import dev.drydock.db.Target;
import dev.drydock.migrate.ProjectLayout;
import dev.drydock.migrate.ProjectPaths;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Validation as validate_sql and {@code drydock validate} offer it: SQL text or files, an optional
 * target for context and version, an optional PostgreSQL version. One behaviour for both.
 */
public final class Validator {
    private final Linter linter;
    private final DrydockConfig config;
    private final Databases databases;
    private final Redactor redactor;
    private final DynamicCheck dynamic;

    /** @param dynamic the dynamic check, or null where there is no branch server */
    public Validator(Linter linter, DrydockConfig config, Databases databases, Redactor redactor, DynamicCheck dynamic) {
        this.linter = linter;
        this.config = config;
        this.databases = databases;
        this.redactor = redactor;
        this.dynamic = dynamic;
    }

    /**
     * @param sql           SQL text, or null when {@code paths} are given
     * @param paths         files or directories (of *.sql, by name); empty with no sql = the migrations directory
     * @param insideProject refuse paths outside the project (true for agents; the CLI user may lint anything)
     * @param target        a configured target to read context and version from, or null
     * @param pgVersion     the version to assume, or null (the target's, else 17)
     * @param dynamic       run the dynamic check; null for its default
     */
    public record Request(String sql, List<String> paths, boolean insideProject, String target, Integer pgVersion,
                          Boolean dynamic) {
    }

    /** The result with what was validated: the files (project-relative), the version assumed, the dynamic check. */
    public record Report(LintResult result, List<String> files, int pgVersion, String target,
                         DynamicCheck.Outcome dynamic) {
    }

    public Report validate(Request request) {
        List<Linter.Source> sources = sources(request);
        TargetFacts facts = request.target() == null ? null : facts(config.resolveTarget(request.target()));
        int version = request.pgVersion() != null ? request.pgVersion()
                : facts != null ? facts.version() : LintOptions.DEFAULT_PG_VERSION;
        List<Linter.Analyzed> analyzed = linter.analyze(sources);
        DynamicCheck.Outcome outcome = runDynamic(request, sources, analyzed);
        LintResult result = linter.lint(analyzed, new LintOptions(version, facts), outcome.findings());
        return new Report(result, sources.stream().map(Linter.Source::path).filter(p -> p != null).toList(), version,
                facts == null ? null : facts.target(), outcome);
    }

    private DynamicCheck.Outcome runDynamic(Request request, List<Linter.Source> sources, List<Linter.Analyzed> analyzed) {
        if (dynamic == null) {
            return DynamicCheck.Outcome.notRun(Boolean.TRUE.equals(request.dynamic()),
                    "No branch server here, so no scratch database to run the SQL on.");
        }
        boolean wanted = request.dynamic() != null ? request.dynamic() : dynamic.onByDefault();
        if (!wanted) {
            return DynamicCheck.Outcome.notRun(false, request.dynamic() != null ? "Not requested."
                    : "Off by default without branchServer.url or a local embedded target, since it would start the "
                    + "embedded PostgreSQL; ask for it with dynamic: true (drydock validate --dynamic).");
        }
        List<Path> validated = sources.stream().filter(s -> s.path() != null)
                .map(s -> config.projectDir().toAbsolutePath().normalize().resolve(s.path()).normalize()).toList();
        return dynamic.run(analyzed, validated);
    }

    private TargetFacts facts(Target target) {
        try (Connection c = databases.openForRead(target)) {
            return TargetFactsReader.read(target.name(), c);
        } catch (SQLException e) {
            throw SqlErrors.translate(e, target.name(), redactor);
        }
    }

    private List<Linter.Source> sources(Request request) {
        if (request.sql() != null) {
            if (!request.paths().isEmpty()) {
                throw new DrydockException(ErrorCode.INVALID_ARGUMENT, "Give `sql` or `path`, not both.",
                        "Validate text with `sql`, or files with `path`.");
            }
            return List.of(new Linter.Source(null, request.sql()));
        }
        List<String> paths = request.paths().isEmpty()
                ? List.of(config.projectDir().relativize(ProjectLayout.of(config).migrationsDir()).toString())
                : request.paths();
        List<Linter.Source> sources = new ArrayList<>();
        for (String p : paths) {
            for (Path file : files(resolve(p, request.insideProject()))) {
                sources.add(new Linter.Source(display(file), read(file)));
            }
        }
        return sources;
    }

    private Path resolve(String path, boolean insideProject) {
        if (insideProject) {
            return ProjectPaths.inside(config.projectDir(), path, true, "supabase/migrations");
        }
        Path resolved = config.projectDir().toAbsolutePath().normalize().resolve(path).normalize();
        if (!Files.exists(resolved)) {
            throw new DrydockException(ErrorCode.INVALID_ARGUMENT, "Path '" + path + "' does not exist.",
                    "Give an existing file or directory.");
        }
        return resolved;
    }

    private static List<Path> files(Path path) {
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        try (Stream<Path> s = Files.list(path)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".sql") && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            throw new DrydockException(ErrorCode.INVALID_ARGUMENT, "Cannot list '" + path + "': " + e.getMessage(),
                    "Check the directory's permissions.");
        }
    }

    private String display(Path file) {
        Path project = config.projectDir().toAbsolutePath().normalize();
        return file.startsWith(project) ? project.relativize(file).toString() : file.toString();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new DrydockException(ErrorCode.INVALID_ARGUMENT, "Cannot read '" + file + "': " + e.getMessage(),
                    "Check the file's permissions and that it is UTF-8 text.");
        }
    }
}
