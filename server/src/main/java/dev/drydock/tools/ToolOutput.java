package dev.drydock.tools;

/**
 * A tool's result record: serialised to JSON as the MCP {@code structuredContent}, and rendered
 * as short text for the text content and for the CLI.
 */
public interface ToolOutput {

    /** Short human-readable rendering; never the only place a fact appears. */
    String text();
}
