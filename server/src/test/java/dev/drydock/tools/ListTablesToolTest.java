package dev.drydock.tools;

import dev.drydock.db.DatabaseUrl;
import dev.drydock.testing.TestPostgres;
import dev.drydock.testing.ToolHarness;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ListTablesToolTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> table(Map<String, Object> result, String name) {
        return ((List<Map<String, Object>>) result.get("tables")).stream()
                .filter(t -> t.get("name").equals(name)).findFirst().orElseThrow();
    }

    @Test
    void terseListingOfTheExampleProject() throws Exception {
        try (ToolHarness tools = ToolHarness.on(TestPostgres.exampleDatabase(), null)) {
            var r = tools.call("list_tables", Map.of());
            assertThat(r.isError()).as(r.text()).isFalse();
            assertThat(r.structured().get("tables")).asList().extracting("name")
                    .containsExactly("memberships", "organizations", "posts", "profiles");
            Map<String, Object> posts = table(r.structured(), "posts");
            assertThat(posts).containsEntry("rls", true).containsEntry("primaryKey", List.of("id"))
                    .containsEntry("kind", "table").doesNotContainKey("columns");
            assertThat((Integer) posts.get("policyCount")).isPositive();
            assertThat(table(r.structured(), "memberships").get("primaryKey")).asList()
                    .containsExactly("organization_id", "user_id");
            assertThat(r.structured().get("views")).asList().extracting("name").containsExactly("published_posts");
            assertThat(r.text()).contains("public.posts").contains("VIEW");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void verboseListingShowsColumnsKeysIndexesChecksAndPolicies() throws Exception {
        DatabaseUrl db = TestPostgres.exampleDatabase();
        TestPostgres.execute(db, "ALTER TABLE posts ADD CONSTRAINT title_not_blank CHECK (title <> '') NOT VALID",
                "ALTER TABLE posts ADD COLUMN slug text GENERATED ALWAYS AS (lower(title)) STORED");
        try (ToolHarness tools = ToolHarness.on(db, null)) {
            var r = tools.call("list_tables", Map.of("verbose", true, "schemas", List.of("public")));
            Map<String, Object> posts = table(r.structured(), "posts");
            List<Map<String, Object>> columns = (List<Map<String, Object>>) posts.get("columns");
            assertThat(columns.get(0)).containsEntry("name", "id").containsEntry("type", "bigint")
                    .containsEntry("identity", "ALWAYS").containsEntry("nullable", false);
            assertThat(columns).anySatisfy(c -> assertThat(c).containsEntry("name", "slug")
                    .containsEntry("generated", "lower(title)"));
            assertThat(posts.get("foreignKeys")).asList().extracting("table").contains("organizations");
            assertThat(table(r.structured(), "organizations").get("referencedBy")).asList().extracting("table")
                    .contains("posts", "memberships");
            assertThat(posts.get("indexes")).asList().extracting("primary").contains(true);
            assertThat(posts.get("checks")).asList().anySatisfy(c -> assertThat((Map<String, Object>) c)
                    .containsEntry("name", "title_not_blank").containsEntry("validated", false));
            assertThat(posts.get("policies")).asList().isNotEmpty().allSatisfy(p ->
                    assertThat((Map<String, Object>) p).containsKeys("name", "command", "roles"));
            assertThat(r.structured().get("views")).asList().first().extracting("columns").asList().isNotEmpty();
        }
    }

    @Test
    void otherSchemasAreBoundNotConcatenated() throws Exception {
        DatabaseUrl db = TestPostgres.exampleDatabase();
        try (ToolHarness tools = ToolHarness.on(db, null)) {
            var auth = tools.call("list_tables", Map.of("schemas", List.of("auth")));
            assertThat(auth.structured().get("tables")).asList().extracting("name").containsExactly("users");
            var injection = tools.call("list_tables", Map.of("schemas", List.of("public') or ('1'='1")));
            assertThat(injection.isError()).isFalse();
            assertThat(injection.structured().get("tables")).asList().isEmpty();
        }
    }

    @Test
    void terseOutputFor200TablesStaysUnder40Kilobytes() throws Exception {
        DatabaseUrl db = TestPostgres.emptyDatabase();
        StringBuilder ddl = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            ddl.append("CREATE TABLE public.customer_order_line_").append(i)
                    .append(" (id bigint generated always as identity primary key, order_id bigint not null, note text);")
                    .append("COMMENT ON TABLE public.customer_order_line_").append(i).append(" IS 'Order lines, part ")
                    .append(i).append("';");
        }
        TestPostgres.execute(db, ddl.toString());
        try (ToolHarness tools = ToolHarness.on(db, null)) {
            var r = tools.call("list_tables", Map.of());
            assertThat(r.structured().get("tables")).asList().hasSize(200);
            int bytes = dev.drydock.tools.Json.mapper().writeValueAsString(r.structured()).getBytes(StandardCharsets.UTF_8).length;
            assertThat(bytes).as("terse JSON for 200 tables").isLessThan(40 * 1024);
        }
    }
}
