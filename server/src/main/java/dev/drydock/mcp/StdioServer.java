package dev.drydock.mcp;

import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;

import java.io.FilterInputStream;
import java.io.IOException;
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
        InputStream watched = new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                try {
                    return ended(super.read(), closed);
                } catch (IOException e) {
                    closed.countDown();
                    throw e;
                }
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                try {
                    return ended(super.read(b, off, len), closed);
                } catch (IOException e) {
                    closed.countDown();
                    throw e;
                }
            }
        };
        McpSyncServer server = servers.build(new StdioServerTransportProvider(servers.json(), watched, out));
        try {
            started.run();
            closed.await();
        } finally {
            server.closeGracefully();
        }
    }

    private static int ended(int n, CountDownLatch closed) {
        if (n < 0) {
            closed.countDown();
        }
        return n;
    }
}
