package dev.drydock.tools;

import dev.drydock.DrydockException;
import dev.drydock.ErrorCode;
import dev.drydock.lint.Validator;

import java.util.List;

/**
 * {@code validate_sql}: lint findings for SQL text or project files, and, with a branch server,
 * PostgreSQL's own errors from running the SQL on a scratch clone of the project (rolled back).
 */
public final class ValidateSqlTool implements ToolHandler {
    public static final int DEFAULT_MAX_FINDINGS = 200;

    private final Validator validator;

    public ValidateSqlTool(Validator validator) {
        this.validator = validator;
    }

    @Override
    public String name() {
        return "validate_sql";
    }

    @Override
    public ValidateSqlResult call(Arguments args) {
        String sql = args.string("sql", null);
        String path = args.string("path", null);
        if (sql == null && path == null) {
            throw new DrydockException(ErrorCode.INVALID_ARGUMENT,
                    "validate_sql needs `sql` (the SQL text) or `path` (a file or directory in the project).",
                    "Pass the migration's SQL as `sql`.", "call validate_sql with sql set to the migration text");
        }
        String target = args.string("target", null);
        Integer pgVersion = args.has("pg_version") ? args.integer("pg_version", 17, 9, 30) : null;
        int max = args.integer("max_findings", DEFAULT_MAX_FINDINGS, 1, 1000);
        Boolean dynamic = args.has("dynamic") ? args.bool("dynamic", false) : null;
        Validator.Report report = validator.validate(new Validator.Request(sql, path == null ? List.of() : List.of(path),
                true, target, pgVersion, dynamic));
        return ValidateSqlResult.of(report, max);
    }
}
