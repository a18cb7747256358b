package dev.drydock.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code drydock branch create|list|reset|delete|rebase}: the branch tools on the command line. */
@Command(name = "branch", mixinStandardHelpOptions = true,
        description = "Throwaway branch databases built from the project's migrations: create, list, reset, delete, rebase, "
                + "merge.")
final class BranchCommand implements Runnable {
    private final PrintWriter out;

    private BranchCommand(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void run() {
        new CommandLine(this).usage(out);
    }

    static CommandLine commandLine(ToolboxFactory factory, PrintWriter out, PrintWriter err) {
        return new CommandLine(new BranchCommand(out))
                .addSubcommand(new Create(factory, out, err))
                .addSubcommand(new ListBranches(factory, out, err))
                .addSubcommand(new Reset(factory, out, err))
                .addSubcommand(new Delete(factory, out, err))
                .addSubcommand(new Rebase(factory, out, err))
                .addSubcommand(new Merge(factory, out, err));
    }

    /** What every branch subcommand shares: the project, --json, and the call of one tool. */
    abstract static class Sub implements Callable<Integer> {
        private final ToolboxFactory factory;
        private final PrintWriter out;
        private final PrintWriter err;

        @Mixin
        ProjectOptions project;

        @Option(names = "--json", description = "Print the result as JSON (the tool's structuredContent).")
        boolean json;

        Sub(ToolboxFactory factory, PrintWriter out, PrintWriter err) {
            this.factory = factory;
            this.out = out;
            this.err = err;
        }

        abstract String tool();

        abstract Map<String, Object> arguments();

        @Override
        public Integer call() throws Exception {
            return ToolCommand.run(factory, project, tool(), arguments(), json, out, err);
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create a branch from the project's migrations and seed (create_branch).")
    static final class Create extends Sub {
        @Parameters(paramLabel = "NAME", description = "1 to 40 lower-case letters, digits, _ and -.")
        String name;

        @Option(names = "--no-seed", description = "Do not load the seed file.")
        boolean noSeed;

        Create(ToolboxFactory f, PrintWriter out, PrintWriter err) {
            super(f, out, err);
        }

        @Override
        String tool() {
            return "create_branch";
        }

        @Override
        Map<String, Object> arguments() {
            return Map.of("name", name, "seed", !noSeed);
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List branches, cached templates and leftover databases (list_branches).")
    static final class ListBranches extends Sub {
        ListBranches(ToolboxFactory f, PrintWriter out, PrintWriter err) {
            super(f, out, err);
        }

        @Override
        String tool() {
            return "list_branches";
        }

        @Override
        Map<String, Object> arguments() {
            return Map.of();
        }
    }

    @Command(name = "reset", mixinStandardHelpOptions = true,
            description = "Rebuild a branch from the project's history, up to a version or the head (reset_branch).")
    static final class Reset extends Sub {
        @Parameters(paramLabel = "NAME")
        String name;

        @Option(names = "--version", paramLabel = "V", description = "Rebuild up to and including this migration version.")
        String version;

        Reset(ToolboxFactory f, PrintWriter out, PrintWriter err) {
            super(f, out, err);
        }

        @Override
        String tool() {
            return "reset_branch";
        }

        @Override
        Map<String, Object> arguments() {
            Map<String, Object> args = new LinkedHashMap<>();
            args.put("branch", name);
            if (version != null) {
                args.put("version", version);
            }
            return args;
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true,
            description = "Delete a branch, or a template or leftover database by name (delete_branch).")
    static final class Delete extends Sub {
        @Parameters(paramLabel = "NAME")
        String name;

        Delete(ToolboxFactory f, PrintWriter out, PrintWriter err) {
            super(f, out, err);
        }

        @Override
        String tool() {
            return "delete_branch";
        }

        @Override
        Map<String, Object> arguments() {
            return Map.of("branch", name);
        }
    }

    @Command(name = "rebase", mixinStandardHelpOptions = true,
            description = "Rebuild a branch from the current history and re-apply its own migrations (rebase_branch).")
    static final class Rebase extends Sub {
        @Parameters(paramLabel = "NAME")
        String name;

        Rebase(ToolboxFactory f, PrintWriter out, PrintWriter err) {
            super(f, out, err);
        }

        @Override
        String tool() {
            return "rebase_branch";
        }

        @Override
        Map<String, Object> arguments() {
            return Map.of("branch", name);
        }
    }

    @Command(name = "merge", mixinStandardHelpOptions = true,
            description = "Write the branch's proved migrations into the project (byte for byte as tested) and, with "
                    + "--target, apply them through apply_migration's guards.")
    static final class Merge extends Sub {
        @Parameters(paramLabel = "NAME")
        String name;

        @Option(names = "--target", paramLabel = "NAME", description = "Also apply them to this target.")
        String target;

        Merge(ToolboxFactory f, PrintWriter out, PrintWriter err) {
            super(f, out, err);
        }

        @Override
        String tool() {
            return "merge_branch";
        }

        @Override
        Map<String, Object> arguments() {
            Map<String, Object> args = new java.util.LinkedHashMap<>();
            args.put("branch", name);
            if (target != null) {
                args.put("target", target);
            }
            return args;
        }
    }
}
