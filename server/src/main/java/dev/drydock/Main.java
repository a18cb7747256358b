package dev.drydock;

import dev.drydock.audit.AuditLog;
import dev.drydock.branch.BranchCycle;
import dev.drydock.branch.BranchServer;
import dev.drydock.branch.BranchStore;
import dev.drydock.branch.Branches;
import dev.drydock.branch.ScratchDatabase;
import dev.drydock.branch.SupabaseCompat;
import dev.drydock.db.Target;
import dev.drydock.tools.ApplyOnBranchTool;
import dev.drydock.tools.AuditTrail;
import dev.drydock.tools.BranchTest;
import dev.drydock.tools.BranchTargets;
import dev.drydock.tools.CreateBranchTool;
import dev.drydock.tools.DeleteBranchTool;
import dev.drydock.tools.ListBranchesTool;
import dev.drydock.tools.ListMigrationsTool;
import dev.drydock.tools.ApplyMigrationTool;
import dev.drydock.tools.MergeBranchTool;
import dev.drydock.tools.RollbackTool;
import dev.drydock.policy.ApprovalGate;
import dev.drydock.policy.Approvals;
import dev.drydock.policy.BranchMerge;
import dev.drydock.policy.Promoter;
import dev.drydock.migrate.ApplyEngine;
import dev.drydock.tools.RebaseBranchTool;
import dev.drydock.tools.ResetBranchTool;
import dev.drydock.cli.DrydockCommand;
import dev.drydock.config.ConfigLoader;
import dev.drydock.config.DrydockConfig;
import dev.drydock.db.Databases;
import dev.drydock.db.EmbeddedServer;
import dev.drydock.db.ReadOnlyQuery;
import dev.drydock.db.Redactor;
import dev.drydock.migrate.LocalBootstrap;
import dev.drydock.migrate.LocalDatabase;
import dev.drydock.migrate.MigrationPlanner;
import dev.drydock.migrate.ProjectLayout;
import dev.drydock.lint.BlockedCheck;
import dev.drydock.lint.DynamicCheck;
import dev.drydock.lint.LintPolicy;
import dev.drydock.lint.Linter;
import dev.drydock.lint.Validator;
import dev.drydock.sql.StatementAnalyzer;
import dev.drydock.tools.ExecuteSqlTool;
import dev.drydock.tools.GenerateTypesTool;
import dev.drydock.tools.ValidateSqlTool;
import dev.drydock.tools.Json;
import dev.drydock.tools.ListTablesTool;
import dev.drydock.tools.PlanMigrationTool;
import dev.drydock.tools.StatusTool;
import dev.drydock.tools.ToolRunner;
import dev.drydock.tools.Toolbox;

import tools.jackson.databind.json.JsonMapper;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Entry point, and the one place where objects are wired together. The first thing it does is
 * take the real stdout for itself and point {@code System.out} at stderr, so that in stdio mode no
 * library can ever write a stray line into the JSON-RPC stream.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        OutputStream stdout = new FileOutputStream(FileDescriptor.out);
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
        System.exit(DrydockCommand.run(args, stdout, Main::toolbox));
    }

    /** Builds every tool for {@code project}; touches no database (pools and the embedded server are lazy). */
    public static Toolbox toolbox(Path project, String databaseUrl) {
        return toolbox(ConfigLoader.load(project, databaseUrl, System::getenv));
    }

    /** Builds every tool for a parsed configuration. */
    public static Toolbox toolbox(DrydockConfig config) {
        Path project = config.projectDir();
        Redactor redactor = config.redactor();
        ProjectLayout layout = ProjectLayout.of(config);
        EmbeddedServer embedded = config.hasEmbeddedTarget() || config.branchServerUrl() == null
                ? new EmbeddedServer(project) : null;
        LocalDatabase local = config.hasEmbeddedTarget()
                ? new LocalDatabase(embedded, layout, SupabaseCompat.preamble(layout), redactor) : null;
        Databases databases = new Databases(() -> local.url(), redactor);
        JsonMapper json = Json.mapper();
        AuditLog audit = new AuditLog(project, redactor, name -> databases.openForRead(config.resolveTarget(name)));
        ToolRunner runner = new ToolRunner(json, redactor, new AuditTrail(audit));
        StatementAnalyzer analyzer = new StatementAnalyzer();
        LintPolicy policy = LintPolicy.from(config.policy());
        BranchServer branchServer = config.branchServerUrl() != null
                ? new BranchServer(config::branchServerUrl, config.branchServerUrl().redacted(), redactor)
                : new BranchServer(local != null ? local::url : embedded::start, "embedded", redactor);
        Branches branches = new Branches(branchServer, new BranchStore(branchServer, json), () -> ProjectLayout.of(config),
                analyzer);
        // On by default where a branch server runs anyway; elsewhere it would start the embedded one just for this.
        DynamicCheck dynamic = new DynamicCheck(new ScratchDatabase(branches),
                config.branchServerUrl() != null || config.hasEmbeddedTarget(), redactor);
        Linter linter = new Linter(analyzer, policy);
        Validator validator = new Validator(linter, config, databases, redactor, dynamic);
        MigrationPlanner planner = new MigrationPlanner(analyzer, linter, config, databases, redactor, Clock.systemUTC());
        BranchTargets branchTargets = name -> new Target(BranchTargets.PREFIX + name,
                branches.url(branches.require(name)), null, false);
        BranchCycle cycle = new BranchCycle(branches, analyzer, Clock.systemUTC());
        DrydockConfig.Promotion promotion = config.promotion();
        Approvals approvals = new Approvals(config.stateDirectory(), Clock.systemUTC());
        Promoter promoter = new Promoter(config, databases, branches::store, analyzer, new BlockedCheck(analyzer, policy),
                planner, new ApprovalGate(approvals, config.policy().approvalTtl(), System.getProperty("user.name")),
                approvals, audit, new ApplyEngine(new ApplyEngine.Settings(promotion.lockTimeout(), promotion.lockRetries(),
                promotion.statementTimeout(), promotion.targetLockWait()), redactor, json));
        List<dev.drydock.tools.ToolHandler> handlers = List.of(
                new StatusTool(config, databases, () -> local == null ? LocalBootstrap.Outcome.skipped() : local.bootstrapOutcome(),
                        redactor),
                new ListTablesTool(config, databases, redactor, branchTargets),
                new ExecuteSqlTool(config, databases, new ReadOnlyQuery(json), redactor, new BlockedCheck(analyzer, policy),
                        branchTargets),
                new ValidateSqlTool(validator),
                new PlanMigrationTool(planner),
                new GenerateTypesTool(config, databases, redactor, branchTargets),
                new CreateBranchTool(branches),
                new ListBranchesTool(branches),
                new ResetBranchTool(branches),
                new DeleteBranchTool(branches),
                new RebaseBranchTool(branches),
                new ApplyOnBranchTool(cycle, branches, config),
                new ListMigrationsTool(config, databases, redactor, branches),
                new ApplyMigrationTool(promoter),
                new RollbackTool(promoter),
                new MergeBranchTool(new BranchMerge(branches, promoter)));
        // The embedded server starts a second after the MCP server is up, so that it does not compete
        // with initialize and tools/list for the CPU; a tool call that needs it earlier starts it at once.
        Runnable warmUp = () -> {
            if (local != null) {
                CompletableFuture.runAsync(local::start, CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS));
            }
        };
        AutoCloseable resources = () -> {
            analyzer.close();
            databases.close();
            if (local != null) {
                local.close();
            } else if (embedded != null) {
                embedded.close();
            }
        };
        return new Toolbox(handlers, runner, warmUp, resources, validator, config, new BranchTest(cycle, branches));
    }
}
