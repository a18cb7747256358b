package dev.drydock.catalog;

import org.postgresql.PGStatement;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Reads a {@link SchemaSnapshot} of every user schema in one catalog query ({@code snapshot.sql}),
 * whatever the number of objects, nothing written. The query builds each key and its canonical text
 * itself from {@code pg_get_*def}, {@code format_type} and {@code pg_get_expr}, under an empty
 * {@code search_path} so that every name it prints is schema-qualified the same way on every database.
 *
 * <p>User schemas: all but {@code pg_*} (catalog, toast, temporary), {@code information_schema}, and
 * the history Drydock itself writes ({@code supabase_migrations}, {@code drydock}). Objects that belong
 * to an extension are left out; the extension is listed with its version and schema instead.
 *
 * <p>Left out on purpose, because they differ between two databases of identical schema or are not
 * part of a schema: OIDs, relfilenodes, statistics, sizes, sequence values, whether a materialized view
 * is populated, and owners (every branch is built by the same role; the grantor of each privilege is
 * kept, so objects built by another role still show). Not read: event triggers, foreign data wrappers,
 * servers and user mappings, subscriptions, casts, operators and operator classes, text search
 * objects, transforms, security labels, and database or role settings.
 *
 * <p>Column order is the position among the live columns ({@code attnum} order without dropped
 * columns), not {@code attnum}: dropping the last column and adding it back as it was gives the same
 * snapshot, while a column that comes back elsewhere in the order shows as a changed position.
 *
 * <p>Requires PostgreSQL 14 or later ({@code prosqlbody}, {@code attcompression}, {@code typsubscript}).
 */
public final class SnapshotReader {
    /** The one statement that reads every object: {@code snapshot.sql} next to this class. */
    private static final String SNAPSHOT = resource("snapshot.sql");

    private SnapshotReader() {
    }

    /** Reads the schema of the database c is connected to. Runs in whatever transaction c is in. */
    public static SchemaSnapshot read(Connection c) throws SQLException {
        // inside a transaction, set it for the transaction only, so that its end restores the caller's as well
        boolean local = !c.getAutoCommit();
        String searchPath = setSearchPath(c, "", local);
        SortedMap<String, String> objects;
        try {
            objects = objects(c);
        } catch (SQLException | RuntimeException e) {
            try {
                setSearchPath(c, searchPath, local);
            } catch (SQLException restore) {
                // an aborted transaction: its rollback restores the search_path
                e.addSuppressed(restore);
            }
            throw e;
        }
        setSearchPath(c, searchPath, local);
        return new SchemaSnapshot(objects);
    }

    /**
     * Key to definition. Keys are unique by construction; should two objects ever share one (two
     * collations of one name for different encodings), both definitions are kept, sorted, one per line.
     */
    private static SortedMap<String, String> objects(Connection c) throws SQLException {
        SortedMap<String, List<String>> rows = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement(SNAPSHOT)) {
            if (ps.isWrapperFor(PGStatement.class)) {
                // a named server-side statement from the first read: the next reads on c skip planning
                ps.unwrap(PGStatement.class).setPrepareThreshold(1);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.computeIfAbsent(rs.getString(1), k -> new ArrayList<>(1)).add(rs.getString(2));
                }
            }
        }
        SortedMap<String, String> objects = new TreeMap<>();
        rows.forEach((key, definitions) -> objects.put(key,
                definitions.size() == 1 ? definitions.get(0) : String.join("\n", definitions.stream().sorted().toList())));
        return objects;
    }

    /** Sets search_path for the session or, if {@code local}, the transaction; returns the one it replaces. */
    private static String setSearchPath(Connection c, String value, boolean local) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "select current_setting('search_path'), set_config('search_path', ?, ?)")) {
            ps.setString(1, value);
            ps.setBoolean(2, local);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static String resource(String name) {
        try (InputStream in = SnapshotReader.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
