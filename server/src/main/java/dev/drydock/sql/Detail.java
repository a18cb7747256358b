package dev.drydock.sql;

import java.util.List;

/** What the token reader learned about a statement beyond its kind, one record per family. */
public sealed interface Detail {

    /** How a column default behaves when a column is added to a table with rows. */
    enum DefaultKind {
        NONE,
        /** A constant, or a stable function such as {@code now()}: PostgreSQL 11+ stores it once. */
        NON_VOLATILE,
        /** {@code random()}, {@code gen_random_uuid()}, {@code clock_timestamp()}, {@code nextval()}, or a function Drydock does not know. */
        VOLATILE
    }

    enum ConstraintType { PRIMARY_KEY, UNIQUE, FOREIGN_KEY, CHECK, EXCLUDE, NOT_NULL }

    /** A column as defined in CREATE TABLE or ADD COLUMN. {@code type} is lower case, as written. */
    record Column(String name, String type, boolean notNull, String defaultExpr, DefaultKind defaultKind,
                  boolean generatedStored, boolean identity, boolean serial, boolean primaryKey, boolean unique,
                  QualifiedName references, Token at) {
    }

    /** A table or column constraint. {@code checkExpr} holds the CHECK expression's text. */
    record Constraint(String name, ConstraintType type, List<String> columns, QualifiedName references,
                      boolean notValid, boolean usingIndex, String checkExpr, Token at) {
        public Constraint {
            columns = List.copyOf(columns);
        }
    }

    /** {@code ifNotExists}: the table may already exist, with rows, and then nothing is created. */
    record Table(QualifiedName name, List<Column> columns, List<Constraint> constraints, boolean partitioned,
                 boolean temporary, QualifiedName partitionOf, boolean ifNotExists) implements Detail {
        public Table {
            columns = List.copyOf(columns);
            constraints = List.copyOf(constraints);
        }
    }

    record Alter(QualifiedName table, List<AlterAction> actions) implements Detail {
        public Alter {
            actions = List.copyOf(actions);
        }
    }

    /** CREATE INDEX. {@code name} is null when PostgreSQL picks one. */
    record Index(QualifiedName name, QualifiedName table, List<String> columns, boolean unique, boolean concurrently,
                 boolean ifNotExists) implements Detail {
        public Index {
            columns = List.copyOf(columns);
        }
    }

    /** DROP of anything, REINDEX, VACUUM, CLUSTER: the objects and the options that matter for locks. */
    record Objects(ObjectRef.Kind kind, List<QualifiedName> names, boolean concurrently, boolean ifExists,
                   boolean cascade, boolean full) implements Detail {
        public Objects {
            names = List.copyOf(names);
        }
    }

    /** INSERT, UPDATE, DELETE, MERGE. {@code tautological} when the WHERE is always true. */
    record Dml(QualifiedName table, boolean hasWhere, boolean tautological, boolean fromQuery) implements Detail {
    }

    /** CREATE or ALTER POLICY. {@code command} is ALL, SELECT, INSERT, UPDATE or DELETE. */
    record Policy(String name, QualifiedName table, String command, List<String> roles, String using,
                  String withCheck) implements Detail {
        public Policy {
            roles = List.copyOf(roles);
        }
    }

    /** CREATE FUNCTION / PROCEDURE and DO. {@code body} is the routine's source, or null. */
    record Routine(QualifiedName name, String language, boolean securityDefiner, boolean setsSearchPath,
                   String body) implements Detail {
    }

    /**
     * GRANT or REVOKE. Privileges upper case; grantees as role names. {@code objectType}: TABLE,
     * SCHEMA, FUNCTION…, ALL TABLES IN SCHEMA…, the plural forms of default privileges (TABLES,
     * FUNCTIONS…), or ROLE for a grant of role membership.
     */
    record Grant(boolean revoke, List<String> privileges, String objectType, List<QualifiedName> objects,
                 List<String> grantees) implements Detail {
        public Grant {
            privileges = List.copyOf(privileges);
            objects = List.copyOf(objects);
            grantees = List.copyOf(grantees);
        }

        /** On tables (one, all in a schema, or future ones by default privileges): where writes are writes. */
        public boolean onTables() {
            return objectType.equals("TABLE") || objectType.equals("TABLES") || objectType.equals("ALL TABLES IN SCHEMA");
        }
    }

    record EnumValue(QualifiedName type, String value) implements Detail {
    }

    /** SET / RESET of a run-time parameter. {@code value} is null for RESET. */
    record Setting(String name, String value, boolean local) implements Detail {
    }

    /** COPY: {@code program} when it runs a shell command on the server. */
    record Copy(QualifiedName table, boolean to, boolean program) implements Detail {
    }

    /**
     * ALTER PUBLICATION … ADD | DROP | SET TABLE. {@code action} is ADD, DROP or SET;
     * {@code filtered} when a table was given a column list or a WHERE row filter.
     */
    record Publication(String name, String action, List<QualifiedName> tables, boolean filtered) implements Detail {
        public Publication {
            tables = List.copyOf(tables);
        }
    }

    /** RENAME of a schema or another non-table object. */
    record Rename(ObjectRef object, String newName) implements Detail {
    }

    /** Nothing to add beyond kind and objects. */
    record None() implements Detail {
        public static final None INSTANCE = new None();
    }
}
