package dev.drydock.migrate;

import dev.drydock.sql.AlterAction;
import dev.drydock.sql.Detail;
import dev.drydock.sql.StatementInfo;
import dev.drydock.sql.StatementKind;
import dev.drydock.sql.Token;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Names that only exist when an extension is installed, and features that need a PostgreSQL
 * version, recognised on analysed statements and their tokens (never on raw text).
 */
final class KnownExtensions {
    /** Column types an extension provides. */
    private static final Map<String, String> TYPES = Map.ofEntries(Map.entry("citext", "citext"),
            Map.entry("hstore", "hstore"), Map.entry("ltree", "ltree"), Map.entry("lquery", "ltree"),
            Map.entry("vector", "vector"), Map.entry("halfvec", "vector"), Map.entry("sparsevec", "vector"),
            Map.entry("geometry", "postgis"), Map.entry("geography", "postgis"), Map.entry("cube", "cube"));
    /** Functions (a word followed by an opening parenthesis). */
    private static final Map<String, String> FUNCTIONS = Map.ofEntries(Map.entry("uuid_generate_v4", "uuid-ossp"),
            Map.entry("uuid_generate_v1", "uuid-ossp"), Map.entry("uuid_generate_v1mc", "uuid-ossp"),
            Map.entry("similarity", "pg_trgm"), Map.entry("word_similarity", "pg_trgm"), Map.entry("crypt", "pgcrypto"),
            Map.entry("gen_salt", "pgcrypto"), Map.entry("digest", "pgcrypto"), Map.entry("hmac", "pgcrypto"),
            Map.entry("pgp_sym_encrypt", "pgcrypto"), Map.entry("pgp_sym_decrypt", "pgcrypto"),
            Map.entry("st_makepoint", "postgis"), Map.entry("st_distance", "postgis"), Map.entry("st_dwithin", "postgis"),
            Map.entry("unaccent", "unaccent"), Map.entry("moddatetime", "moddatetime"),
            Map.entry("earth_distance", "earthdistance"), Map.entry("ll_to_earth", "earthdistance"));
    /** Operator classes, unambiguous wherever they appear. */
    private static final Map<String, String> OPCLASSES = Map.of("gin_trgm_ops", "pg_trgm", "gist_trgm_ops", "pg_trgm",
            "vector_cosine_ops", "vector", "vector_l2_ops", "vector", "vector_ip_ops", "vector");

    record Feature(String what, int version) {
    }

    private KnownExtensions() {
    }

    /** Extensions the statement (or a statement inside it) relies on. */
    static Set<String> used(StatementInfo s) {
        Set<String> out = new LinkedHashSet<>();
        for (Detail.Column c : columns(s)) {
            String type = c.type().toLowerCase(Locale.ROOT).replace("[]", "");
            int cut = type.indexOf('(');
            type = (cut < 0 ? type : type.substring(0, cut)).strip();
            type = type.substring(type.lastIndexOf('.') + 1);
            if (TYPES.containsKey(type)) {
                out.add(TYPES.get(type));
            }
        }
        words(s, out);
        s.nested().forEach(n -> out.addAll(used(n)));
        return out;
    }

    private static void words(StatementInfo s, Set<String> out) {
        List<Token> tokens = s.statement().significantTokens();
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.type() != Token.Type.WORD) {
                continue;
            }
            String word = t.text().toLowerCase(Locale.ROOT);
            boolean call = i + 1 < tokens.size() && tokens.get(i + 1).isPunct("(");
            if (call && FUNCTIONS.containsKey(word)) {
                out.add(FUNCTIONS.get(word));
            } else if (OPCLASSES.containsKey(word)) {
                out.add(OPCLASSES.get(word));
            }
        }
    }

    private static List<Detail.Column> columns(StatementInfo s) {
        List<Detail.Column> out = new ArrayList<>();
        if (s.detail() instanceof Detail.Table t) {
            out.addAll(t.columns());
        } else if (s.detail() instanceof Detail.Alter a) {
            a.actions().stream().map(AlterAction::columnDef).filter(c -> c != null).forEach(out::add);
        }
        return out;
    }

    /** The newest feature the statement uses that not every supported version has, or null. */
    static Feature versionNeeded(StatementInfo s, boolean inTransaction) {
        List<Token> t = s.statement().significantTokens();
        if (s.kind() == StatementKind.MERGE) {
            return new Feature("MERGE", 15);
        }
        if (phrase(t, "NULLS", "NOT", "DISTINCT")) {
            return new Feature("NULLS NOT DISTINCT", 15);
        }
        if (phrase(t, "CREATE", "OR", "REPLACE", "TRIGGER")) {
            return new Feature("CREATE OR REPLACE TRIGGER", 14);
        }
        if (s.detail() instanceof Detail.Alter a && a.actions().stream()
                .anyMatch(x -> x.kind() == StatementKind.DETACH_PARTITION && x.concurrently())) {
            return new Feature("DETACH PARTITION … CONCURRENTLY", 14);
        }
        if (s.kind() == StatementKind.REINDEX && s.detail() instanceof Detail.Objects o && o.concurrently()) {
            return new Feature("REINDEX CONCURRENTLY", 12);
        }
        if (columns(s).stream().anyMatch(Detail.Column::generatedStored)) {
            return new Feature("a GENERATED … STORED column", 12);
        }
        if (s.kind() == StatementKind.ADD_ENUM_VALUE && inTransaction) {
            return new Feature("ALTER TYPE … ADD VALUE inside a transaction", 12);
        }
        return null;
    }

    private static boolean phrase(List<Token> tokens, String... words) {
        outer:
        for (int i = 0; i + words.length <= tokens.size(); i++) {
            for (int j = 0; j < words.length; j++) {
                if (!tokens.get(i + j).isWord(words[j])) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
