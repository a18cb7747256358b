package dev.drydock;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DESIGN.md's dependency rules, checked on the sources: only {@code mcp} imports the MCP SDK, only
 * {@code cli} imports picocli, and no domain package imports {@code cli} or {@code mcp}, so the CLI and
 * the MCP server share every line of behaviour.
 */
class ArchitectureTest {
    private static final Path SOURCES = Path.of("src/main/java/dev/drydock");
    private static final Set<String> FRONT_ENDS = Set.of("cli", "mcp");

    private record Import(String pkg, Path file, String imported) {
    }

    private static List<Import> imports() throws IOException {
        List<Import> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Path rel = SOURCES.relativize(file);
                String pkg = rel.getNameCount() > 1 ? rel.getName(0).toString() : "";
                for (String line : Files.readAllLines(file)) {
                    if (line.startsWith("import ")) {
                        out.add(new Import(pkg, rel, line.substring(7).replace("static ", "").replace(";", "").strip()));
                    }
                }
            }
        }
        return out;
    }

    @Test
    void onlyMcpImportsTheSdkAndOnlyCliImportsPicocli() throws IOException {
        assertThat(imports()).filteredOn(i -> i.imported().startsWith("io.modelcontextprotocol"))
                .allSatisfy(i -> assertThat(i.pkg()).as(i.file().toString()).isEqualTo("mcp"));
        assertThat(imports()).filteredOn(i -> i.imported().startsWith("picocli"))
                .allSatisfy(i -> assertThat(i.pkg()).as(i.file().toString()).isEqualTo("cli"));
    }

    @Test
    void domainPackagesNeverImportTheFrontEnds() throws IOException {
        assertThat(imports()).filteredOn(i -> !i.pkg().isEmpty() && !FRONT_ENDS.contains(i.pkg()))
                .allSatisfy(i -> assertThat(i.imported()).as(i.file().toString())
                        .doesNotStartWith("dev.drydock.cli").doesNotStartWith("dev.drydock.mcp"));
    }
}
