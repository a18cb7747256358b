package dev.drydock;

/**
 * Where long work (a branch replay, the branch cycle) says how far it has got. The MCP server
 * turns each report into a progress notification when the client asked for them; elsewhere
 * reports go nowhere. Reports are advisory: work never depends on them being delivered.
 */
@FunctionalInterface
public interface Progress {
    Progress NONE = (done, total, message) -> {
    };

    /**
     * @param done    units finished so far (increasing)
     * @param total   units in all, or null when unknown
     * @param message what is happening now, for a human
     */
    void report(double done, Double total, String message);
}
