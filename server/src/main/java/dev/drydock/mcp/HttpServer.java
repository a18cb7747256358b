package dev.drydock.mcp;

import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletSseServerTransportProvider;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import jakarta.servlet.DispatcherType;
import org.eclipse.jetty.ee11.servlet.FilterHolder;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

import java.net.InetAddress;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * MCP over HTTP from one Jetty server: Streamable HTTP at {@code /mcp} and, for older clients,
 * the legacy SSE transport at {@code /sse} (messages posted to {@code /message}). Every path is
 * behind {@link AccessFilter}.
 */
public final class HttpServer implements AutoCloseable {
    public static final String MCP_PATH = "/mcp";
    public static final String SSE_PATH = "/sse";
    public static final String MESSAGE_PATH = "/message";

    private final Server jetty;
    private final List<McpSyncServer> servers;

    private HttpServer(Server jetty, List<McpSyncServer> servers) {
        this.jetty = jetty;
        this.servers = servers;
    }

    /**
     * Starts listening. {@code port} 0 picks a free port ({@link #port()} tells which).
     *
     * @param token the bearer token every request must carry, or null for none
     */
    public static HttpServer start(McpServers mcp, String bind, int port, String token,
                                   List<String> extraOrigins) throws Exception {
        HttpServletStreamableServerTransportProvider streamable = HttpServletStreamableServerTransportProvider.builder()
                .jsonMapper(mcp.json()).mcpEndpoint(MCP_PATH).build();
        HttpServletSseServerTransportProvider sse = HttpServletSseServerTransportProvider.builder()
                .jsonMapper(mcp.json()).baseUrl("").sseEndpoint(SSE_PATH).messageEndpoint(MESSAGE_PATH).build();
        List<McpSyncServer> servers = List.of(mcp.build(streamable), mcp.build(sse));

        Server jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost(bind);
        connector.setPort(port);
        jetty.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        ServletHolder streamableHolder = new ServletHolder("mcp", streamable);
        streamableHolder.setAsyncSupported(true);
        context.addServlet(streamableHolder, MCP_PATH);
        ServletHolder sseHolder = new ServletHolder("sse", sse);
        sseHolder.setAsyncSupported(true);
        context.addServlet(sseHolder, SSE_PATH);
        context.addServlet(sseHolder, MESSAGE_PATH);
        jetty.setHandler(context);
        jetty.start();

        int actual = connector.getLocalPort();
        boolean loopback = InetAddress.getByName(bind).isLoopbackAddress();
        Set<String> hosts = loopback ? loopbackNames(actual) : Set.of();
        Set<String> origins = new LinkedHashSet<>();
        for (String name : loopbackNames(actual)) {
            origins.add("http://" + name);
        }
        extraOrigins.forEach(o -> origins.add(o.toLowerCase(java.util.Locale.ROOT)));
        FilterHolder filter = new FilterHolder(new AccessFilter(hosts, origins, token));
        filter.setAsyncSupported(true);
        context.addFilter(filter, "/*", EnumSet.of(DispatcherType.REQUEST));
        return new HttpServer(jetty, servers);
    }

    private static Set<String> loopbackNames(int port) {
        return Set.of("127.0.0.1:" + port, "localhost:" + port, "[::1]:" + port);
    }

    public int port() {
        return ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
    }

    public void join() throws InterruptedException {
        jetty.join();
    }

    @Override
    public void close() throws Exception {
        servers.forEach(McpSyncServer::closeGracefully);
        jetty.stop();
    }
}
