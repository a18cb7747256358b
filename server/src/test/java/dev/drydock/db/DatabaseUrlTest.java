package dev.drydock.db;

import dev.drydock.DrydockException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseUrlTest {

    @Test
    void supabaseStyleUrlKeepsCredentialsApart() {
        DatabaseUrl url = DatabaseUrl.parse(
                "postgresql://postgres.abcdefgh:p%40ss%3Aw0rd%2F@aws-0-eu-west-1.pooler.supabase.com:6543/postgres?sslmode=require");
        assertThat(url.user()).isEqualTo("postgres.abcdefgh");
        assertThat(url.password()).isEqualTo("p@ss:w0rd/");
        assertThat(url.hosts()).isEqualTo("aws-0-eu-west-1.pooler.supabase.com:6543");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://aws-0-eu-west-1.pooler.supabase.com:6543/postgres?sslmode=require");
        assertThat(url.redacted()).isEqualTo("postgres://postgres.abcdefgh:***@aws-0-eu-west-1.pooler.supabase.com:6543/postgres?sslmode=require");
        assertThat(url.toString()).doesNotContain("p@ss");
    }

    @Test
    void jdbcUrlWithCredentialsInTheQuery() {
        DatabaseUrl url = DatabaseUrl.parse("jdbc:postgresql://localhost:5432/app?user=me&password=hunter22&ssl=true");
        assertThat(url.user()).isEqualTo("me");
        assertThat(url.password()).isEqualTo("hunter22");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/app?ssl=true");
        assertThat(url.redacted()).doesNotContain("hunter22");
    }

    @Test
    void passwordParametersAreSecretsToo() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://u:pw1@h/db?sslmode=verify-full&sslpassword=KeyPass-9911");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://h/db?sslmode=verify-full");
        assertThat(url.credentials()).containsEntry("sslpassword", "KeyPass-9911");
        assertThat(url.redacted()).isEqualTo("postgres://u:***@h/db?sslmode=verify-full&sslpassword=***");
        assertThat(url.secrets()).containsExactly("pw1", "KeyPass-9911");
    }

    @Test
    void missingDatabaseMeansPostgresAndIpv6HostsSurvive() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://[::1]:5432");
        assertThat(url.database()).isEqualTo("postgres");
        assertThat(url.hosts()).isEqualTo("[::1]:5432");
    }

    @Test
    void malformedUrlsAreRefusedWithoutEchoingThem() {
        assertThatThrownBy(() -> DatabaseUrl.parse("mysql://root:topsecret@h/db"))
                .isInstanceOf(DrydockException.class)
                .hasMessageContaining("does not start with postgres://")
                .hasMessageNotContaining("topsecret");
        assertThatThrownBy(() -> DatabaseUrl.parse("postgres:///db")).hasMessageContaining("names no host");
        assertThatThrownBy(() -> DatabaseUrl.parse("  ")).hasMessageContaining("empty");
    }
}
