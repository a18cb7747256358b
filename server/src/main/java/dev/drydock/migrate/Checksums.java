package dev.drydock.migrate;

import dev.drydock.DrydockException;
import dev.drydock.ErrorCode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 in lowercase hex: the one checksum of files, scripts and snapshots. */
public final class Checksums {
    private Checksums() {
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    /** SHA-256 of a file's bytes, as they are on disk. */
    public static String sha256(Path file) {
        try {
            return sha256(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new DrydockException(ErrorCode.CONFIG_INVALID, "Cannot read " + file + ": " + e.getMessage(),
                    "Check that the file exists and is readable.");
        }
    }
}
