package dev.drydock.cli;

import dev.drydock.DrydockException;
import dev.drydock.db.Redactor;
import dev.drydock.lint.Finding;
import dev.drydock.lint.LintResult;
import dev.drydock.lint.Severity;
import dev.drydock.lint.Validator;
import dev.drydock.tools.ErrorOutput;
import dev.drydock.tools.Json;
import dev.drydock.tools.Toolbox;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code drydock validate}: lint migration files like a compiler, for people, pre-commit hooks and
 * CI. Needs no database unless {@code --target} names one. Exit codes: 0 no error (with
 * {@code --strict}, no warning either), 1 findings that fail, 2 usage or I/O errors.
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
            report = toolbox.validator().validate(new Validator.Request(null, absolute, false, target, pgVersion));
        } catch (DrydockException e) {
            // Bad paths, configuration or target: not a verdict on the SQL, so not exit 1.
            err.println(Redactor.none().redact(ErrorOutput.of(e).text()));
            return DrydockCommand.USAGE;
        }
        LintResult result = report.result();
        List<Finding> findings = result.findings().stream().map(f -> display(f, projectDir, cwd)).toList();
        List<Finding> blocked = result.blocked().stream().map(f -> display(f, projectDir, cwd)).toList();
        List<String> files = report.files().stream().map(f -> display(f, projectDir, cwd)).toList();
        switch (format) {
            case json -> out.println(Json.mapper().writerWithDefaultPrettyPrinter()
                    .writeValueAsString(json(report, findings, blocked, files)));
            case sarif -> out.println(Json.mapper().writerWithDefaultPrettyPrinter()
                    .writeValueAsString(SarifReport.build(findings)));
            case text -> text(result, findings, blocked);
        }
        out.flush();
        return result.ok(strict) ? DrydockCommand.OK : DrydockCommand.FAILED;
    }

    private void text(LintResult result, List<Finding> findings, List<Finding> blocked) {
        for (Finding f : findings) {
            out.println((f.file() == null ? "<sql>" : f.file()) + ":" + Math.max(1, f.line()) + ":"
                    + Math.max(1, f.column()) + ": " + f.severity().id() + " " + f.rule() + ": " + f.message());
            if (f.fix() != null && !f.fix().isBlank()) {
                out.println("    fix: " + f.fix());
            }
        }
        if (!blocked.isEmpty()) {
            out.println("blocked by policy: " + String.join(", ",
                    blocked.stream().map(Finding::rule).distinct().toList()));
        }
        out.println(summary(result));
    }

    static String summary(LintResult result) {
        return result.statementCount() + " statements, " + result.count(Severity.ERROR) + " errors, "
                + result.count(Severity.WARNING) + " warnings, " + result.count(Severity.INFO) + " info";
    }

    private Map<String, Object> json(Validator.Report report, List<Finding> findings, List<Finding> blocked,
                                     List<String> files) {
        LintResult result = report.result();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("errors", result.count(Severity.ERROR));
        summary.put("warnings", result.count(Severity.WARNING));
        summary.put("info", result.count(Severity.INFO));
        summary.put("blocked", blocked.size());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ok", result.ok(strict));
        m.put("strict", strict);
        m.put("summary", summary);
        m.put("statementCount", result.statementCount());
        m.put("pgVersion", report.pgVersion());
        m.put("target", report.target());
        m.put("files", files);
        m.put("findings", findings.stream().map(ValidateCommand::finding).toList());
        m.put("blocked", blocked.stream().map(ValidateCommand::finding).toList());
        return m;
    }

    private static Map<String, Object> finding(Finding f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rule", f.rule());
        m.put("severity", f.severity().id());
        m.put("message", f.message());
        m.put("fix", f.fix());
        m.put("file", f.file());
        m.put("statementIndex", f.statementIndex());
        m.put("line", f.line());
        m.put("column", f.column());
        m.put("object", f.object());
        return m;
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
