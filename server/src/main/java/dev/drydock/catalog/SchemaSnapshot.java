package dev.drydock.catalog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Everything a migration can change in the user's schemas, as text: what the branch cycle compares
 * before and after up, rollback and up again. Read by {@link SnapshotReader}; compared by
 * {@link SnapshotDiff}.
 *
 * @param objects key {@code "<kind> <qualified name>"} (for example {@code "table public.posts"},
 *                {@code "column public.posts.slug"}, {@code "policy public.posts.\"owners read\""},
 *                {@code "function public.f(integer, text)"}), identifiers quoted as {@code quote_ident}
 *                quotes them; value the canonical definition text. Sorted by key, unmodifiable.
 */
public record SchemaSnapshot(SortedMap<String, String> objects) {
    /** Changes whenever the serialisation below changes, so that old and new fingerprints never match. */
    private static final String FORMAT = "drydock-schema-snapshot-1\n";

    public SchemaSnapshot {
        objects = Collections.unmodifiableSortedMap(new TreeMap<>(objects));
    }

    /**
     * Lowercase hex SHA-256 of the format tag followed by each key and value, NUL-terminated (PostgreSQL
     * text never holds a NUL), in key order: equal snapshots give equal fingerprints on any database.
     */
    public String fingerprint() {
        MessageDigest sha = sha256();
        sha.update(FORMAT.getBytes(StandardCharsets.UTF_8));
        objects.forEach((key, value) -> {
            sha.update(key.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(value.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
        });
        return HexFormat.of().formatHex(sha.digest());
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(objects.get(key));
    }

    /** Qualified names ({@code schema.table}, quoted where needed) of the plain and partitioned tables. */
    public Set<String> tables() {
        Set<String> out = new TreeSet<>();
        objects.forEach((key, value) -> {
            if (key.startsWith("table ") && !value.startsWith("FOREIGN")) {
                out.add(key.substring("table ".length()));
            }
        });
        return Collections.unmodifiableSet(out);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
