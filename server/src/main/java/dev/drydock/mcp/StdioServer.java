package dev.drydock.mcp;

import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CountDownLatch;

/**
 * MCP over stdio. {@code out} must be the process's real stdout, which from then on carries
 * JSON-RPC only ({@code System.out} is pointed at stderr before anything runs). Returns from
 * {@link #serve()} when the client closes stdin.
 */
public final class StdioServer {
    private final McpServers servers;
    private final InputStream in;
    private final OutputStream out;

    public StdioServer(McpServers servers, InputStream in, OutputStream out) {
        this.servers = servers;
        this.in = in;
        this.out = out;
    }

    /**
     * Serves until stdin reaches its end, then closes the server.
     *
     * @param started run once the server answers, for work that may wait (starting databases)
     */
    public void serve(Runnable started) throws InterruptedException {
        CountDownLatch closed = new CountDownLatch(1);
        JsonRpcLines.LineOutput lines = new JsonRpcLines.LineOutput(out);
        InputStream screened = new JsonRpcLines(in, lines, servers.json(), closed::countDown);
        McpSyncServer server = servers.build(new StdioServerTransportProvider(servers.json(), screened, lines));
        try {
            started.run();
            closed.await();
        } finally {
            server.closeGracefully();
        }
    }
}
