package dev.drydock.migrate;

import dev.drydock.db.DatabaseUrl;
import dev.drydock.testing.TestPostgres;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything a migration can change in a database's user schemas, one line per fact, sorted: two
 * states are equal exactly when no table, column, constraint, index, policy, trigger, type, function,
 * view, sequence, schema, extension, publication membership, comment, RLS flag or privilege differs. Privileges are compared as they apply
 * (a NULL ACL is the owner's defaults), since a GRANT then REVOKE leaves the same rights spelled out.
 */
final class CatalogState {
    private static final String USER = "not in ('pg_catalog', 'information_schema', 'pg_toast')";
    private static final String QUERY = """
            SELECT 'relation ' || n.nspname || '.' || c.relname || ' ' || c.relkind::text || ' rls=' || c.relrowsecurity
                   || ' force=' || c.relforcerowsecurity || ' acl='
                   || coalesce(c.relacl, acldefault(CASE c.relkind WHEN 'S' THEN 's'::"char" ELSE 'r'::"char" END, c.relowner))::text
              FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname %1$s AND c.relkind <> 't'
            UNION ALL
            SELECT 'column ' || table_schema || '.' || table_name || '.' || column_name || ' ' || data_type || '('
                   || coalesce(character_maximum_length::text, '') || coalesce(numeric_precision::text, '') || ') null='
                   || is_nullable || ' default=' || coalesce(column_default, '') || ' identity=' || is_identity
              FROM information_schema.columns WHERE table_schema %1$s
            UNION ALL
            SELECT 'constraint ' || k.conrelid::regclass || '.' || k.conname || ' ' || pg_get_constraintdef(k.oid)
                   || ' valid=' || k.convalidated
              FROM pg_constraint k JOIN pg_namespace n ON n.oid = k.connamespace WHERE n.nspname %1$s
            UNION ALL
            SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname %1$s
            UNION ALL
            SELECT 'policy ' || schemaname || '.' || tablename || '.' || policyname || ' ' || permissive || ' ' || cmd
                   || ' ' || roles::text || ' ' || coalesce(qual, '') || ' ' || coalesce(with_check, '') FROM pg_policies
            UNION ALL
            SELECT 'trigger ' || pg_get_triggerdef(t.oid) FROM pg_trigger t WHERE NOT t.tgisinternal
            UNION ALL
            SELECT 'type ' || n.nspname || '.' || t.typname || ' ' || t.typtype::text
              FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
             WHERE n.nspname %1$s AND t.typtype IN ('e', 'd') OR n.nspname %1$s AND t.typtype = 'c'
               AND (SELECT relkind FROM pg_class WHERE oid = t.typrelid) = 'c'
            UNION ALL
            SELECT 'enum ' || enumtypid::regtype || ' ' || enumlabel FROM pg_enum
            UNION ALL
            SELECT 'function ' || pg_get_functiondef(p.oid) || ' acl=' || coalesce(p.proacl, acldefault('f', p.proowner))::text
              FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname %1$s AND p.prokind IN ('f', 'p')
            UNION ALL
            SELECT 'view ' || n.nspname || '.' || c.relname || ' ' || pg_get_viewdef(c.oid)
              FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname %1$s AND c.relkind IN ('v', 'm')
            UNION ALL
            SELECT 'schema ' || nspname || ' acl=' || coalesce(nspacl, acldefault('n', nspowner))::text FROM pg_namespace
             WHERE nspname %1$s AND nspname NOT LIKE 'pg_%%'
            UNION ALL
            SELECT 'extension ' || extname FROM pg_extension
            UNION ALL
            SELECT 'publication ' || pubname || ' ' || schemaname || '.' || tablename FROM pg_publication_tables
            UNION ALL
            SELECT 'comment ' || pg_describe_object(classoid, objoid, objsubid) || ' ' || description
              FROM pg_description WHERE objoid >= 16384
            ORDER BY 1""".formatted(USER);

    private CatalogState() {
    }

    static List<String> of(DatabaseUrl db) {
        List<String> lines = new ArrayList<>();
        try (Connection c = TestPostgres.connect(db); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(QUERY)) {
            while (rs.next()) {
                lines.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return lines;
    }
}
