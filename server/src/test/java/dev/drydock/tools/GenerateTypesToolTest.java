package dev.drydock.tools;

import dev.drydock.testing.TestPostgres;
import dev.drydock.testing.ToolHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class GenerateTypesToolTest {

    @Test
    void typescriptForTheExampleProjectWithCountsAndAStableHash() throws Exception {
        try (ToolHarness tools = ToolHarness.on(TestPostgres.exampleDatabase(), null)) {
            var r = tools.call("generate_types", Map.of());
            assertThat(r.isError()).as(r.text()).isFalse();
            String source = (String) r.structured().get("source");
            assertThat(source).contains("export type Database = {").contains("posts: {").contains("export const Constants");
            assertThat(r.structured().get("counts")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                    .containsEntry("tables", 4).containsEntry("views", 1);
            var again = tools.call("generate_types", Map.of());
            assertThat(again.structured().get("sha256")).isEqualTo(r.structured().get("sha256"));
        }
    }

    @Test
    void outWritesInsideTheProjectOnlyWhenChangedAndRefusesPathsOutside() throws Exception {
        try (ToolHarness tools = ToolHarness.on(TestPostgres.exampleDatabase(), null)) {
            var first = tools.call("generate_types", Map.of("out", "src/types/database.ts"));
            assertThat(first.structured()).containsEntry("path", "src/types/database.ts").containsEntry("changed", true);
            assertThat(first.structured().get("source")).isNull();
            var second = tools.call("generate_types", Map.of("out", "src/types/database.ts"));
            assertThat(second.structured()).containsEntry("changed", false);
            var outside = tools.call("generate_types", Map.of("out", "../../escape.ts"));
            assertThat(outside.isError()).isTrue();
            assertThat(outside.structured().get("code")).isEqualTo("INVALID_ARGUMENT");
        }
    }

    @Test
    void javaRecordsCompile(@TempDir Path dir) throws Exception {
        try (ToolHarness tools = ToolHarness.on(TestPostgres.exampleDatabase(), null)) {
            var r = tools.call("generate_types", Map.of("lang", "java", "package", "com.example.db"));
            assertThat(r.isError()).as(r.text()).isFalse();
            String source = (String) r.structured().get("source");
            assertThat(source).contains("package com.example.db;").contains("public record Posts(")
                    .contains("public record Insert(").contains("public enum MemberRole");
            Path file = Files.createDirectories(dir.resolve("com/example/db")).resolve("Database.java");
            Files.writeString(file, source);
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            ByteArrayOutputStream errors = new ByteArrayOutputStream();
            String classpath = System.getProperty("java.class.path");
            int status = javac.run(null, null, errors, "-d", dir.resolve("classes").toString(), "-cp", classpath,
                    file.toString());
            assertThat(status).as(errors.toString()).isZero();
        }
    }

    @Test
    void badArgumentsAreRefused() throws Exception {
        try (ToolHarness tools = ToolHarness.on(TestPostgres.exampleDatabase(), null)) {
            var lang = tools.call("generate_types", Map.of("lang", "rust"));
            assertThat(lang.structured().get("code")).isEqualTo("INVALID_ARGUMENT");
            var pkg = tools.call("generate_types", Map.of("lang", "java", "package", "not a package"));
            assertThat(pkg.structured().get("code")).isEqualTo("INVALID_ARGUMENT");
            var schemas = tools.call("generate_types", Map.of("schemas", List.of()));
            assertThat(schemas.isError()).isTrue();
        }
    }
}
