package dev.drydock.tools;

/** What {@code delete_branch} removed: {@code branch <name>} or {@code database <name>}. */
public record DeleteBranchResult(String deleted) implements ToolOutput {
    @Override
    public String text() {
        return "Deleted " + deleted + ".";
    }
}
