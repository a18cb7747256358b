package dev.drydock.cli;

import dev.drydock.CallContext;
import dev.drydock.config.DrydockConfig;
import dev.drydock.migrate.ProjectPaths;
import dev.drydock.tools.ToolRunner;
import dev.drydock.tools.Toolbox;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code drydock types}: generate_types on the command line. Writes the project's types file
 * ({@code --out}, else {@code types.out} in drydock.yaml; without either, prints the source);
 * {@code --check} writes nothing and exits 1 when the file is missing or stale (for CI).
 */
@Command(name = "types", mixinStandardHelpOptions = true,
        description = "Generate TypeScript (identical to `supabase gen types typescript`) or Java types; --check for CI.")
final class TypesCommand implements Callable<Integer> {
    private final ToolboxFactory factory;
    private final PrintWriter out;
    private final PrintWriter err;

    @Mixin
    ProjectOptions project;

    @Option(names = "--target", paramLabel = "NAME", description = "Target to read. Default: the default target.")
    String target;

    @Option(names = "--branch", paramLabel = "NAME", description = "Branch to read instead of a target.")
    String branch;

    @Option(names = "--schema", paramLabel = "SCHEMA", description = "Schema to generate; repeat for several. Default: types.schemas, else public.")
    List<String> schemas = new ArrayList<>();

    @Option(names = "--lang", paramLabel = "LANG", description = "typescript or java. Default: types.lang, else typescript.")
    String lang;

    @Option(names = "--package", paramLabel = "PACKAGE", description = "Java package (with --lang java). Default: types.package, else db.")
    String javaPackage;

    @Option(names = "--postgrest-version", paramLabel = "VERSION",
            description = "Record this PostgREST version for supabase-js (TypeScript). Default: types.postgrestVersion.")
    String postgrestVersion;

    @Option(names = "--out", paramLabel = "FILE", description = "File to write, relative to the project. Default: types.out.")
    String outFile;

    @Option(names = "--check", description = "Write nothing; exit 1 when the file is missing or differs from what the schema generates.")
    boolean check;

    TypesCommand(ToolboxFactory factory, PrintWriter out, PrintWriter err) {
        this.factory = factory;
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws Exception {
        try (Toolbox toolbox = factory.open(project.projectDir(), project.databaseUrl)) {
            DrydockConfig config = toolbox.config();
            String file = outFile != null ? outFile : config.types().out();
            if (check && file == null) {
                err.println("INVALID_ARGUMENT: --check needs a file: give --out, or types.out in drydock.yaml.");
                return DrydockCommand.USAGE;
            }
            Map<String, Object> args = arguments(check ? null : file);
            ToolRunner.Response r = toolbox.call("generate_types", args, CallContext.CLI);
            if (r.isError()) {
                err.println(r.text());
                return DrydockCommand.FAILED;
            }
            if (check) {
                return check(config, file, (String) r.structured().get("source"));
            }
            if (file == null) {
                out.print(r.structured().get("source"));
            } else {
                out.println((Boolean.TRUE.equals(r.structured().get("changed")) ? "Wrote " : "Up to date: ")
                        + r.structured().get("path"));
            }
            out.flush();
            return DrydockCommand.OK;
        }
    }

    private Map<String, Object> arguments(String file) {
        Map<String, Object> args = new LinkedHashMap<>();
        if (target != null) {
            args.put("target", target);
        }
        if (branch != null) {
            args.put("branch", branch);
        }
        if (!schemas.isEmpty()) {
            args.put("schemas", schemas);
        }
        if (lang != null) {
            args.put("lang", lang);
        }
        if (javaPackage != null) {
            args.put("package", javaPackage);
        }
        if (postgrestVersion != null) {
            args.put("postgrest_version", postgrestVersion);
        }
        if (file != null) {
            args.put("out", file);
        }
        return args;
    }

    private int check(DrydockConfig config, String file, String generated) throws Exception {
        Path path = ProjectPaths.inside(config.projectDir(), file, false, "src/types/database.ts");
        if (!Files.isRegularFile(path)) {
            err.println("STALE: " + file + " does not exist. Run `drydock types` to write it.");
            return DrydockCommand.FAILED;
        }
        if (!Files.readString(path).equals(generated)) {
            err.println("STALE: " + file + " differs from the types the schema generates. Run `drydock types` to rewrite it.");
            return DrydockCommand.FAILED;
        }
        out.println("Up to date: " + file);
        return DrydockCommand.OK;
    }
}
