package dev.drydock.catalog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/** TEMPORARY placeholder with the agreed API of the real schema snapshot (written in another worktree). */
public record SchemaSnapshot(SortedMap<String, String> objects) {

    public SchemaSnapshot {
        objects = new TreeMap<>(objects);
    }

    public String fingerprint() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, String> e : objects.entrySet()) {
                sha.update((e.getKey() + "\u0000" + e.getValue() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(objects.get(key));
    }

    public Set<String> tables() {
        Set<String> tables = new TreeSet<>();
        objects.keySet().stream().filter(k -> k.startsWith("table ")).forEach(k -> tables.add(k.substring(6)));
        return tables;
    }
}
