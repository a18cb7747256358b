package dev.drydock.migrate;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * {@code plan_id}: lowercase hex SHA-256 over the up SQL, the rollback SQL (given or generated),
 * the target's name and its schema fingerprint, each as its UTF-8 length (8 bytes) then its bytes,
 * after a version tag. Without a target, name and fingerprint are both {@code none}. An approval
 * bound to a plan_id is void as soon as any of the four changes.
 */
final class PlanId {
    static final String NONE = "none";
    private static final String VERSION = "drydock-plan-v1";

    private PlanId() {
    }

    static String of(String up, String rollback, String target, String fingerprint) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {VERSION, up, rollback, target, fingerprint}) {
                byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                sha.update(ByteBuffer.allocate(Long.BYTES).putLong(bytes.length).array());
                sha.update(bytes);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
