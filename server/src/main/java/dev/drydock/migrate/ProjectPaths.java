package dev.drydock.migrate;

import dev.drydock.DrydockException;
import dev.drydock.ErrorCode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Paths that tools take from agents: always inside the project, symbolic links resolved. */
public final class ProjectPaths {
    private ProjectPaths() {
    }

    /**
     * {@code path} relative to the project, refused when it leaves the project (directly, with
     * {@code ..}, or through a symbolic link). With {@code mustExist} false, the nearest existing
     * parent is what is checked.
     */
    public static Path inside(Path project, String path, boolean mustExist, String what) {
        Path root = project.toAbsolutePath().normalize();
        Path resolved = root.resolve(path).normalize();
        if (mustExist && !Files.exists(resolved)) {
            throw new DrydockException(ErrorCode.INVALID_ARGUMENT, "Path '" + path + "' does not exist in the project "
                    + root + ".", "Give a file or directory relative to the project, such as " + what + ".");
        }
        try {
            Path existing = resolved;
            while (existing != null && !Files.exists(existing)) {
                existing = existing.getParent();
            }
            if (existing == null || !existing.toRealPath().startsWith(root.toRealPath())) {
                throw new DrydockException(ErrorCode.INVALID_ARGUMENT, "Path '" + path
                        + "' is outside the project; tools read and write files inside it only.",
                        "Give a path relative to the project, such as " + what + ".");
            }
        } catch (IOException e) {
            throw new DrydockException(ErrorCode.INVALID_ARGUMENT, "Cannot resolve '" + path + "': " + e.getMessage(),
                    "Check the path and its permissions.");
        }
        return resolved;
    }
}
