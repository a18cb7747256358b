package dev.drydock.tools;

/**
 * One MCP tool's behaviour, independent of MCP: the server and the CLI both call it. A handler
 * reads as parse → guard → delegate → map; domain failures are thrown as
 * {@link dev.drydock.DrydockException} and turned into error results by {@link ToolRunner}.
 */
public interface ToolHandler {

    /** The tool's name; its contract is {@code tool-specs/<name>.json}. */
    String name();

    ToolOutput call(Arguments args);
}
