package dev.drydock.cli;

import dev.drydock.DrydockException;
import dev.drydock.db.Redactor;
import dev.drydock.lint.Finding;
import dev.drydock.lint.LintResult;
import dev.drydock.lint.Validator;
import dev.drydock.tools.ErrorOutput;
import dev.drydock.tools.Json;
import dev.drydock.tools.Toolbox;
import dev.drydock.tools.ValidateSqlResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code drydock validate}: lint migration files like a compiler, for people, pre-commit hooks and
 * CI. Needs no database unless {@code --target} names one or {@code --dynamic} asks for the dynamic
 * check. Exit codes: 0 no error (with {@code --strict}, no warning either), 1 findings that fail,
 * 2 usage or I/O errors.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Lint SQL migrations: locks, rewrites, destructive changes, RLS. "
                + "Without PATH, the project's migrations directory.")
final class ValidateCommand implements Callable<Integer> {
    enum Format { text, json, sarif }

    private final ToolboxFactory factory;
    private final PrintWriter out;
    private final PrintWriter err;

    @Mixin
    ProjectOptions project;

    @Parameters(paramLabel = "PATH", arity = "0..*",
            description = "SQL files or directories (their *.sql files), relative to the working directory or absolute.")
    List<String> paths = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Output: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
    Format format;

    @Option(names = "--pg-version", paramLabel = "N",
            description = "PostgreSQL major version to assume. Default: the target's, else 17.")
    Integer pgVersion;

    @Option(names = "--strict", description = "Fail on warnings too.")
    boolean strict;

    @Option(names = "--dynamic", description = "Also run the SQL on a scratch clone of the project's history (less the "
            + "files validated) on the branch server, in a transaction that is rolled back; PostgreSQL's errors become "
            + "findings. Default: off.")
    boolean dynamic;

    @Option(names = "--target", paramLabel = "NAME",
            description = "Read context (existing tables, indexes, version) from this target. Default: none, no database.")
    String target;

    ValidateCommand(ToolboxFactory factory, PrintWriter out, PrintWriter err) {
        this.factory = factory;
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws Exception {
        Path cwd = Path.of("").toAbsolutePath().normalize();
        List<String> absolute = new ArrayList<>();
        for (String p : paths) {
            Path path = cwd.resolve(p).normalize();
            if (!Files.exists(path)) {
                err.println("drydock validate: " + p + ": no such file or directory");
                return DrydockCommand.USAGE;
            }
            absolute.add(path.toString());
        }
        Validator.Report report;
        Path projectDir = project.projectDir();
        try (Toolbox toolbox = factory.open(projectDir, project.databaseUrl)) {
            report = toolbox.validator().validate(new Validator.Request(null, absolute, false, target, pgVersion,
                    dynamic));
        } catch (DrydockException e) {
            // Bad paths, configuration or target: not a verdict on the SQL, so not exit 1.
            err.println(Redactor.none().redact(ErrorOutput.of(e).text()));
            return DrydockCommand.USAGE;
        }
        LintResult result = report.result();
        LintResult shown = new LintResult(result.statementCount(),
                result.findings().stream().map(f -> display(f, projectDir, cwd)).toList(),
                result.blocked().stream().map(f -> display(f, projectDir, cwd)).toList(), result.paths());
        List<String> files = report.files().stream().map(f -> display(f, projectDir, cwd)).toList();
        // the same result, and the same text, as the validate_sql tool gives: nothing capped here
        ValidateSqlResult same = ValidateSqlResult.of(new Validator.Report(shown, files, report.pgVersion(),
                report.target(), report.dynamic()), Integer.MAX_VALUE);
        switch (format) {
            case json -> out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(same));
            case sarif -> out.println(Json.mapper().writerWithDefaultPrettyPrinter()
                    .writeValueAsString(SarifReport.build(shown.findings())));
            case text -> out.println(same.text());
        }
        out.flush();
        return result.ok(strict) ? DrydockCommand.OK : DrydockCommand.FAILED;
    }

    private static Finding display(Finding f, Path projectDir, Path cwd) {
        return new Finding(f.rule(), f.severity(), f.message(), f.fix(), display(f.file(), projectDir, cwd),
                f.statementIndex(), f.line(), f.column(), f.object());
    }

    /** A file as the user sees it: relative to the working directory when under it, else absolute. */
    private static String display(String file, Path projectDir, Path cwd) {
        if (file == null) {
            return null;
        }
        Path path = projectDir.resolve(file).normalize();
        return path.startsWith(cwd) && !path.equals(cwd) ? cwd.relativize(path).toString() : path.toString();
    }
}
