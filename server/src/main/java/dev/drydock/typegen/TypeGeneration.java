package dev.drydock.typegen;

import dev.drydock.DrydockException;
import dev.drydock.ErrorCode;
import dev.drydock.migrate.Checksums;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

/** Types for the schemas of one database, in one language: what generate_types and `drydock types` share. */
public final class TypeGeneration {
    public static final String DEFAULT_JAVA_PACKAGE = "db";

    private TypeGeneration() {
    }

    public enum Lang {
        TYPESCRIPT, JAVA;

        public static Lang parse(String text) {
            try {
                return valueOf(text.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new DrydockException(ErrorCode.INVALID_ARGUMENT, "lang must be typescript or java, not '" + text + "'.",
                        "Use typescript (Supabase-compatible Database types) or java (records).");
            }
        }

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Object counts over the generated schemas, and a SHA-256 of the source to tell whether anything changed. */
    public record Generated(Lang lang, List<String> schemas, String source, String sha256, int tables, int views,
                            int functions, int enums, int compositeTypes) {
    }

    public static Generated generate(Connection c, List<String> schemas, Lang lang, String javaPackage)
            throws SQLException {
        return generate(c, schemas, lang, javaPackage, null);
    }

    /** @param postgrestVersion TypeScript only: the PostgREST version to record for supabase-js, or null */
    public static Generated generate(Connection c, List<String> schemas, Lang lang, String javaPackage,
                                     String postgrestVersion) throws SQLException {
        TypeCatalog catalog = TypeCatalogReader.read(c, schemas);
        String source = lang == Lang.JAVA ? JavaRecords.generate(catalog, javaPackage)
                : TypeScriptTypes.generate(catalog, schemas.contains("public") ? "public" : schemas.get(0),
                postgrestVersion);
        int tables = (int) catalog.relations().stream().filter(TypeCatalog.Relation::isTable).count();
        int views = catalog.relations().size() - tables;
        int enums = (int) catalog.enums().stream().filter(e -> schemas.contains(e.schema())).count();
        int composites = (int) catalog.composites().stream().filter(t -> schemas.contains(t.schema())).count();
        return new Generated(lang, schemas, source, Checksums.sha256(source), tables, views, catalog.functions().size(), enums,
                composites);
    }
}
