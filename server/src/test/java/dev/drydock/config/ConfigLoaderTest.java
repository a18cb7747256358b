package dev.drydock.config;

import dev.drydock.DrydockException;
import dev.drydock.ErrorCode;
import dev.drydock.db.Target;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ConfigLoaderTest {
    private static final Path DIR = Path.of("/project");
    private static final Map<String, String> ENV = Map.of("PROD_PASSWORD", "s3cr3t-Pa55", "STAGING_URL",
            "postgres://app:stagingpw@staging.internal:5432/app");

    private static DrydockConfig parse(String yaml) {
        return ConfigLoader.parse(DIR, DIR.resolve("drydock.yaml"), yaml, null, ENV::get);
    }

    private static String problems(String yaml) {
        DrydockException e = catchThrowableOfType(DrydockException.class, () -> parse(yaml));
        assertThat(e).as("expected the configuration to be refused").isNotNull();
        assertThat(e.code()).isEqualTo(ErrorCode.CONFIG_INVALID);
        return e.getMessage();
    }

    @Test
    void noConfigurationMeansTheEmbeddedLocalTarget() {
        DrydockConfig config = ConfigLoader.parse(DIR, null, null, null, k -> null);
        assertThat(config.targets()).containsExactly(Target.embeddedLocal());
        assertThat(config.defaultTarget()).isEqualTo("local");
        assertThat(config.readStatementTimeout()).isEqualTo(Duration.ofSeconds(15));
        assertThat(config.policy().approvalTtl()).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void approvalTtlIsReadAndChecked() {
        assertThat(parse("policy:\n  approvalTtl: 10m\n").policy().approvalTtl()).isEqualTo(Duration.ofMinutes(10));
        assertThat(problems("policy:\n  approvalTtl: 0s\n")).contains("line 2: policy.approvalTtl must be longer than 0");
        assertThat(problems("policy:\n  approvalTtl: 25h\n")).contains("policy.approvalTtl must be at most 24h");
        assertThat(problems("policy:\n  approvalTtl: forever\n")).contains("policy.approvalTtl must be a duration");
    }

    @Test
    void fullConfigurationIsRead() {
        DrydockConfig config = parse("""
                defaultTarget: staging
                targets:
                  staging:
                    url: ${STAGING_URL}
                  prod:
                    url: postgres://postgres:${PROD_PASSWORD}@db.example.supabase.co:5432/postgres?sslmode=require
                    readUrl: postgres://reader:${READER_PASSWORD:-readerpw}@db.example.supabase.co:5432/postgres
                    protected: true
                branchServer:
                  url: postgres://postgres:branchpw@127.0.0.1:5433/postgres
                policy:
                  readStatementTimeout: 2m
                """);
        assertThat(config.targetNames()).containsExactly("staging", "prod");
        assertThat(config.defaultTarget()).isEqualTo("staging");
        Target prod = config.resolveTarget("prod");
        assertThat(prod.isProtected()).isTrue();
        assertThat(prod.url().password()).isEqualTo("s3cr3t-Pa55");
        assertThat(prod.url().params()).containsEntry("sslmode", "require");
        assertThat(prod.readUrl().user()).isEqualTo("reader");
        assertThat(config.readStatementTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(config.secrets()).contains("s3cr3t-Pa55", "readerpw", "stagingpw", "branchpw");
    }

    @Test
    void everyProblemIsReportedWithItsKeyAndLine() {
        String message = problems("""
                targets:
                  prod:
                    url: mysql://nope
                    protected: maybe
                    colour: blue
                policy:
                  readStatementTimeout: soon
                branchServr:
                  url: postgres://x@y/z
                """);
        assertThat(message)
                .contains("5 problems")
                .contains("line 3: targets.prod.url: Invalid database URL")
                .contains("line 4: targets.prod.protected must be true or false, not 'maybe'")
                .contains("line 5: unknown key 'targets.prod.colour'")
                .contains("line 7: policy.readStatementTimeout must be a duration")
                .contains("line 8: unknown key 'branchServr'");
    }

    @Test
    void wrongShapesAreRefused() {
        assertThat(problems("targets: [a, b]\n")).contains("line 1: targets must be a mapping");
        assertThat(problems("targets:\n  prod:\n    url:\n      nested: 1\n")).contains("targets.prod.url must be a single url value");
        assertThat(problems("targets:\n  Prod:\n    url: postgres://h/db\n")).contains("target name 'Prod'");
        assertThat(problems("targets:\n  prod:\n    protected: true\n")).contains("target 'prod' has no url");
        assertThat(problems("- a\n- b\n")).contains("top level must be a mapping");
        assertThat(problems("targets: {prod: {url: [unclosed\n")).contains("not valid YAML");
    }

    @Test
    void problemsAreSortedByLineAndATargetWithoutUrlIsNamedAtItsOwnLine() {
        String message = problems("""
                policy:
                  readStatementTimeout: 0s
                targets:
                  staging:
                    protected: yes
                  big:
                    url: postgres://h/db
                branchServer:
                  url: nope://x
                defaultTarget: staging
                """);
        assertThat(message).containsSubsequence("line 2: policy.readStatementTimeout must be longer than 0",
                "line 4: target 'staging' has no url", "line 5: targets.staging.protected must be true or false",
                "line 9: branchServer.url");
        assertThat(problems("policy:\n  readStatementTimeout: 1000h\n")).contains("must be at most 24h");
        assertThat(problems("policy:\n  readStatementTimeout: 99999999999999999999s\n"))
                .contains("line 2: policy.readStatementTimeout must be a duration");
    }

    @Test
    void wellKnownDefaultPasswordsAreNotTreatedAsSecrets() {
        DrydockConfig config = ConfigLoader.parse(DIR, null,
                "targets:\n  local2:\n    url: postgres://postgres:postgres@127.0.0.1:54322/postgres\n"
                        + "  other:\n    url: postgres://app:app@h/db\n", null, k -> null);
        assertThat(config.secrets()).doesNotContain("postgres", "app");
        assertThat(config.redactor().redact("database \"postgres\" as app")).isEqualTo("database \"postgres\" as app");
    }

    @Test
    void missingEnvironmentVariableIsNamed() {
        assertThat(problems("targets:\n  prod:\n    url: ${NOT_SET_ANYWHERE}\n"))
                .contains("line 3: targets.prod.url uses ${NOT_SET_ANYWHERE}, which is not set");
    }

    @Test
    void defaultTargetMustExist() {
        assertThat(problems("defaultTarget: nope\ntargets:\n  a:\n    url: postgres://h/db\n"))
                .contains("defaultTarget 'nope' is not a configured target");
    }

    @Test
    void branchServerMustNotBeAProtectedTarget() {
        assertThat(problems("""
                targets:
                  prod:
                    url: postgres://u:p@db.example.com:5432/postgres
                    protected: true
                branchServer:
                  url: postgres://other:q@db.example.com:5432/postgres
                """)).contains("branchServer.url points at protected target 'prod'");
    }

    @Test
    void databaseUrlFlagDefinesTargetDefault() {
        DrydockConfig config = ConfigLoader.parse(DIR, null, null, "postgres://u:pw123@h:5432/db", k -> null);
        assertThat(config.targetNames()).containsExactly("default");
        assertThat(config.defaultTarget()).isEqualTo("default");
        assertThat(config.secrets()).contains("pw123");
    }

    @Test
    void databaseUrlEnvironmentVariableIsUsedOnlyWithoutConfiguredTargets() {
        Map<String, String> env = Map.of("DATABASE_URL", "postgres://u:envpw@envhost/db");
        assertThat(ConfigLoader.parse(DIR, null, null, null, env::get).targetNames()).containsExactly("default");
        DrydockConfig configured = ConfigLoader.parse(DIR, null, "targets:\n  a:\n    url: postgres://h/db\n", null, env::get);
        assertThat(configured.targetNames()).containsExactly("a");
    }

    @Test
    void databaseUrlFlagMustNotCollideWithAConfiguredDefaultTarget() {
        DrydockException e = catchThrowableOfType(DrydockException.class, () -> ConfigLoader.parse(DIR, null,
                "targets:\n  default:\n    url: postgres://h/db\n", "postgres://other/db", k -> null));
        assertThat(e.getMessage()).contains("--database-url defines target 'default'");
    }

    @Test
    void unknownTargetNamesTheConfiguredOnes() {
        DrydockException e = catchThrowableOfType(DrydockException.class,
                () -> parse("targets:\n  a:\n    url: postgres://h/db\n").resolveTarget("prod"));
        assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_TARGET);
        assertThat(e.getMessage()).contains("'prod'").contains("[a]");
    }

    @Test
    void typesSectionGivesTheFileSchemasAndLanguage() {
        DrydockConfig config = parse("types:\n  out: src/types/database.ts\n  schemas: [public, billing]\n  lang: java\n  package: app.db\n");
        assertThat(config.types()).isEqualTo(new DrydockConfig.Types("src/types/database.ts", java.util.List.of("public", "billing"),
                "java", "app.db", null));
        assertThat(parse("").types()).isEqualTo(DrydockConfig.Types.defaults());
        DrydockException e = catchThrowableOfType(DrydockException.class, () -> parse("types:\n  lang: rust\n"));
        assertThat(e.getMessage()).contains("line 2").contains("types.lang must be typescript or java");
    }
}
