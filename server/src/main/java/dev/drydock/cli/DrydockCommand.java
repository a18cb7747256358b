package dev.drydock.cli;

import dev.drydock.DrydockException;
import dev.drydock.Version;
import dev.drydock.db.Redactor;
import dev.drydock.tools.ErrorOutput;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * {@code drydock}: the command line. Every subcommand is a thin call into the same tools the MCP
 * server exposes. Exit codes: 0 success, 1 the operation failed, 2 usage error.
 */
@Command(name = "drydock", mixinStandardHelpOptions = true, versionProvider = DrydockCommand.VersionProvider.class,
        description = "Safe PostgreSQL and Supabase schema changes for AI agents: an MCP server and a CLI.",
        subcommands = CommandLine.HelpCommand.class)
public final class DrydockCommand implements Runnable {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    private final PrintWriter out;

    DrydockCommand(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void run() {
        new CommandLine(this).usage(out);
    }

    /** Parses {@code args} and runs the command; returns the exit code. */
    public static int run(String[] args, OutputStream stdout, ToolboxFactory factory) {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(stdout, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        Optional<ServeOptions> serve = ServeOptions.quickParse(args);
        if (serve.isPresent()) {
            try {
                return ServeCommand.serve(serve.get(), factory, stdout, err);
            } catch (DrydockException e) {
                err.println(Redactor.none().redact(ErrorOutput.of(e).text()));
                return FAILED;
            } catch (Exception e) {
                err.println(Redactor.none().stackTrace(e));
                return FAILED;
            }
        }
        CommandLine cli = new CommandLine(new DrydockCommand(out))
                .addSubcommand(new ServeCommand(factory, stdout, err))
                .addSubcommand(new StatusCommand(factory, out, err))
                .addSubcommand(new TablesCommand(factory, out, err))
                .addSubcommand(new ValidateCommand(factory, out, err))
                .addSubcommand(new PlanCommand(factory, out, err))
                .addSubcommand(new TypesCommand(factory, out, err))
                .addSubcommand("branch", BranchCommand.commandLine(factory, out, err))
                .addSubcommand(new TestCommand(factory, out, err))
                .addSubcommand(ApproveCommand.create(out, err))
                .addSubcommand(new MigrationsCommand(factory, out, err))
                .addSubcommand(new AuditCommand(factory, out, err))
                .addSubcommand(new ApplyCommand(factory, out, err))
                .addSubcommand(new RollbackCommand(factory, out, err));
        cli.setOut(out).setErr(err);
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof DrydockException de) {
                err.println(Redactor.none().redact(ErrorOutput.of(de).text()));
                return FAILED;
            }
            throw e;
        });
        return cli.execute(args);
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"drydock " + Version.current()};
        }
    }
}
