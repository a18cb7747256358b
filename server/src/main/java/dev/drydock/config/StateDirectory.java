package dev.drydock.config;

import java.nio.file.Path;
import java.util.function.Function;

/**
 * Drydock's state directory, outside every project, where what no tool call may write lives
 * (approvals): {@code $DRYDOCK_STATE_DIR} when set at start, else {@code $XDG_STATE_HOME/drydock},
 * else {@code ~/.local/state/drydock}.
 */
public final class StateDirectory {
    private StateDirectory() {
    }

    public static Path resolve(Function<String, String> env, String userHome) {
        String explicit = env.apply("DRYDOCK_STATE_DIR");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit).toAbsolutePath().normalize();
        }
        String xdg = env.apply("XDG_STATE_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "drydock").normalize();
        }
        return Path.of(userHome, ".local", "state", "drydock").toAbsolutePath().normalize();
    }
}
