package dev.drydock.migrate;

import dev.drydock.sql.AlterAction;
import dev.drydock.sql.Detail;
import dev.drydock.sql.ObjectRef;
import dev.drydock.sql.ObjectRef.Kind;
import dev.drydock.sql.QualifiedName;
import dev.drydock.sql.StatementInfo;
import dev.drydock.sql.StatementKind;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What each statement of a migration creates and what it needs to exist, read from the analyzer's
 * objects and details. Keys name one namespace each: {@code relation:s.t} (tables, views, indexes,
 * sequences share one), {@code column:s.t.c}, {@code type:}, {@code function:}, {@code schema:},
 * {@code extension:}, {@code policy:}, {@code trigger:}.
 */
final class ScriptObjects {
    private final List<StatementInfo> statements;
    private final List<Set<String>> creates = new ArrayList<>();
    private final List<Set<String>> requires = new ArrayList<>();
    private final List<Set<String>> drops = new ArrayList<>();
    /** Each key's first creator. */
    private final Map<String, Integer> creator = new HashMap<>();

    ScriptObjects(List<StatementInfo> statements) {
        this.statements = statements;
        for (int i = 0; i < statements.size(); i++) {
            StatementInfo s = statements.get(i);
            Set<String> made = creates(s);
            Set<String> needed = requires(s);
            needed.removeAll(made);
            creates.add(made);
            requires.add(needed);
            drops.add(drops(s));
            for (String key : made) {
                creator.putIfAbsent(key, i);
            }
        }
    }

    List<StatementInfo> statements() {
        return statements;
    }

    Set<String> creates(int index) {
        return creates.get(index);
    }

    Set<String> requires(int index) {
        return requires.get(index);
    }

    /** The first statement that creates {@code key}, or -1. */
    int creatorOf(String key) {
        return creator.getOrDefault(key, -1);
    }

    /** True when a statement before {@code index} creates {@code key}. */
    boolean createdBefore(String key, int index) {
        int by = creatorOf(key);
        return by >= 0 && by < index;
    }

    /**
     * True when statement {@code index} changes only something {@code key} (a table or column this
     * migration creates earlier) holds, so that dropping {@code key} undoes it: nothing created in
     * between belongs to another object, which a skipped inverse could leave depending on it (a
     * policy using a function created after the table must be dropped before that function).
     */
    boolean coveredBy(String key, ObjectRef table, int index) {
        int by = creatorOf(key);
        if (by < 0 || by >= index) {
            return false;
        }
        for (int k = by + 1; k < index; k++) {
            if (!creates.get(k).isEmpty() && !table.equals(OwnTable.of(statements.get(k)))) {
                return false;
            }
        }
        return true;
    }

    /** True when a statement before {@code index} drops {@code key} (which may then be created again). */
    boolean droppedBefore(String key, int index) {
        for (int k = 0; k < index && k < drops.size(); k++) {
            if (drops.get(k).contains(key)) {
                return true;
            }
        }
        return false;
    }

    /** The first statement after {@code index} that drops {@code key}, or -1. */
    int droppedAfter(String key, int index) {
        for (int k = index + 1; k < drops.size(); k++) {
            if (drops.get(k).contains(key)) {
                return k;
            }
        }
        return -1;
    }

    Set<String> drops(int index) {
        return drops.get(index);
    }

    /** The key with its namespace removed, for people: {@code public.orders}. */
    static String display(String key) {
        return key.substring(key.indexOf(':') + 1);
    }

    static String relation(ObjectRef ref) {
        return "relation:" + ref.schema() + "." + ref.name();
    }

    static String relation(QualifiedName name) {
        return "relation:" + name.qualified("public");
    }

    static String column(ObjectRef table, String column) {
        return "column:" + table.schema() + "." + table.name() + "." + column;
    }

    private static Set<String> creates(StatementInfo s) {
        Set<String> out = new LinkedHashSet<>();
        ObjectRef main = s.target();
        switch (s.kind()) {
            case CREATE_TABLE, CREATE_TABLE_AS -> {
                out.add(relation(main));
                if (s.detail() instanceof Detail.Table t) {
                    t.columns().forEach(c -> out.add(column(main, c.name())));
                }
            }
            case CREATE_VIEW, CREATE_MATERIALIZED_VIEW, CREATE_SEQUENCE -> out.add(relation(main));
            case CREATE_INDEX -> {
                Detail.Index index = (Detail.Index) s.detail();
                if (index.name() != null) {
                    out.add(relation(index.name()));
                }
            }
            case CREATE_TYPE, CREATE_DOMAIN -> out.add("type:" + main.qualified());
            case CREATE_FUNCTION -> out.add("function:" + main.qualified());
            case CREATE_SCHEMA -> out.add("schema:" + main.name());
            case CREATE_EXTENSION -> out.add("extension:" + main.name());
            case CREATE_POLICY -> out.add("policy:" + s.objects().get(1).qualified());
            case CREATE_TRIGGER -> out.add("trigger:" + main.qualified());
            default -> alterCreates(s, out);
        }
        out.remove("relation:null.null");
        return out;
    }

    private static void alterCreates(StatementInfo s, Set<String> out) {
        if (!(s.detail() instanceof Detail.Alter alter)) {
            return;
        }
        ObjectRef table = ObjectRef.of(Kind.TABLE, alter.table());
        for (AlterAction a : alter.actions()) {
            switch (a.kind()) {
                case ADD_COLUMN -> out.add(column(table, a.column()));
                case RENAME_COLUMN -> out.add(column(table, a.newName()));
                case RENAME_TABLE -> out.add("relation:" + table.schema() + "." + a.newName());
                default -> {
                }
            }
        }
    }

    private static Set<String> drops(StatementInfo s) {
        Set<String> out = new LinkedHashSet<>();
        if (!dropsObjects(s.kind())) {
            return out;
        }
        for (ObjectRef o : s.objects()) {
            switch (o.kind()) {
                case TABLE, VIEW, INDEX, SEQUENCE -> out.add(relation(o));
                case TYPE -> out.add("type:" + o.qualified());
                case FUNCTION -> out.add("function:" + o.qualified());
                case TRIGGER -> out.add("trigger:" + o.qualified());
                case POLICY -> out.add("policy:" + o.qualified());
                case SCHEMA -> out.add("schema:" + o.name());
                case EXTENSION -> out.add("extension:" + o.name());
                default -> {
                }
            }
        }
        return out;
    }

    private static boolean dropsObjects(StatementKind kind) {
        return switch (kind) {
            case DROP_TABLE, DROP_INDEX, DROP_VIEW, DROP_SEQUENCE, DROP_TYPE, DROP_FUNCTION, DROP_TRIGGER, DROP_POLICY,
                    DROP_SCHEMA, DROP_EXTENSION, DROP_DATABASE, DROP_ROLE, DROP_OTHER -> true;
            default -> false;
        };
    }

    private static Set<String> requires(StatementInfo s) {
        Set<String> out = new LinkedHashSet<>();
        if (dropsObjects(s.kind())) {
            return out;
        }
        for (ObjectRef o : s.objects()) {
            switch (o.kind()) {
                case TABLE, VIEW, INDEX, SEQUENCE -> out.add(relation(o));
                case COLUMN -> {
                    out.add(relation(o.table()));
                    out.add(column(o.table(), o.member()));
                }
                case POLICY, TRIGGER, CONSTRAINT -> out.add(relation(o.table()));
                case TYPE -> out.add("type:" + o.qualified());
                case FUNCTION -> out.add("function:" + o.qualified());
                default -> {
                }
            }
            if (o.schema() != null) {
                out.add("schema:" + o.schema());
            }
        }
        columnTypes(s).forEach(type -> out.add("type:" + type));
        if (s.detail() instanceof Detail.Index index) {
            ObjectRef table = ObjectRef.of(Kind.TABLE, index.table());
            index.columns().stream().filter(c -> !c.startsWith("(")).forEach(c -> out.add(column(table, c)));
        }
        return out;
    }

    /** The types new columns are declared with, as {@code schema.name} (arrays and modifiers removed). */
    private static List<String> columnTypes(StatementInfo s) {
        List<Detail.Column> columns = new ArrayList<>();
        if (s.detail() instanceof Detail.Table t) {
            columns.addAll(t.columns());
        } else if (s.detail() instanceof Detail.Alter alter) {
            alter.actions().stream().filter(a -> a.columnDef() != null).forEach(a -> columns.add(a.columnDef()));
        }
        List<String> types = new ArrayList<>();
        for (Detail.Column c : columns) {
            String type = c.type().toLowerCase(Locale.ROOT).replace("[]", "").replace("\"", "").strip();
            int paren = type.indexOf('(');
            type = paren >= 0 ? type.substring(0, paren).strip() : type;
            if (!type.isEmpty() && !type.contains(" ")) {
                types.add(type.contains(".") ? type : "public." + type);
            }
        }
        return types;
    }
}
