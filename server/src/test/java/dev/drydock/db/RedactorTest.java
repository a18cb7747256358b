package dev.drydock.db;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RedactorTest {
    private final Redactor redactor = new Redactor(List.of("Sup3r$ecret!", "tok_abc123"));

    @Test
    void configuredSecretsAreMaskedRawAndUrlEncoded() {
        assertThat(redactor.redact("password authentication failed: Sup3r$ecret! and Sup3r%24ecret%21"))
                .doesNotContain("Sup3r").contains("***");
    }

    @Test
    void credentialShapesAreMaskedEvenWhenUnknown() {
        assertThat(redactor.redact("connect to postgres://admin:unknownpw@host:5432/db failed"))
                .isEqualTo("connect to postgres://admin:***@host:5432/db failed");
        assertThat(redactor.redact("jdbc:postgresql://h/db?user=a&password=letmein&ssl=true"))
                .doesNotContain("letmein");
        assertThat(redactor.redact("CREATE ROLE app LOGIN PASSWORD 'it''s-secret'"))
                .isEqualTo("CREATE ROLE app LOGIN PASSWORD '***'");
        assertThat(redactor.redact("Authorization: Bearer eyJhbGciOi.x.y")).doesNotContain("eyJhbGciOi");
        assertThat(redactor.redact("token=tok_zzz999")).doesNotContain("tok_zzz999");
        assertThat(redactor.redact("relation \"password=x\" does not exist")).isEqualTo("relation \"password=***\" does not exist");
    }

    @Test
    void secretsAreMaskedOnlyAsWholeTokens() {
        Redactor r = new Redactor(List.of("blue"));
        assertThat(r.redact("password is blue.")).isEqualTo("password is ***.");
        assertThat(r.redact("blueprint and skyblue")).isEqualTo("blueprint and skyblue");
    }

    @Test
    void dataKeepsCredentialShapesButLosesConfiguredSecrets() {
        assertThat(redactor.redactSecrets("password=hunter2 and postgres://a:b@h/db"))
                .isEqualTo("password=hunter2 and postgres://a:b@h/db");
        assertThat(redactor.redactSecrets("the token is tok_abc123")).isEqualTo("the token is ***");
    }

    @Test
    void ordinaryTextIsLeftAlone() {
        String text = "relation \"posts\" does not exist (SQLSTATE 42P01)";
        assertThat(redactor.redact(text)).isEqualTo(text);
        assertThat(redactor.redact(null)).isNull();
    }

    @Test
    void stackTracesAreRedactedThroughTheCauseChain() {
        Exception e = new IllegalStateException("outer Sup3r$ecret!", new RuntimeException("inner tok_abc123"));
        assertThat(redactor.stackTrace(e)).doesNotContain("Sup3r$ecret!").doesNotContain("tok_abc123")
                .contains("Caused by: java.lang.RuntimeException");
    }
}
