package dev.drydock.mcp;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Set;

/**
 * Guards every HTTP endpoint: the Host header must name this server when it is bound to loopback
 * (DNS rebinding), a browser's Origin must be an allowed one, and when a token is configured every
 * request must carry it as {@code Authorization: Bearer …}. Refusals are JSON-RPC error bodies.
 */
public final class AccessFilter implements Filter {
    private final Set<String> allowedHosts;
    private final Set<String> allowedOrigins;
    private final byte[] token;

    /**
     * @param allowedHosts   Host header values accepted (lower case, with port); empty accepts any
     * @param allowedOrigins Origin values accepted (lower case); requests without Origin always pass
     * @param token          the bearer token, or null when none is required
     */
    public AccessFilter(Set<String> allowedHosts, Set<String> allowedOrigins, String token) {
        this.allowedHosts = allowedHosts;
        this.allowedOrigins = allowedOrigins;
        this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        String host = lower(request.getHeader("Host"));
        if (!allowedHosts.isEmpty() && (host == null || !allowedHosts.contains(host))) {
            refuse(response, 403, "Host '" + host + "' is not this server; Drydock answers only " + allowedHosts + ".");
            return;
        }
        String origin = lower(request.getHeader("Origin"));
        if (origin != null && !allowedOrigins.contains(origin)) {
            refuse(response, 403, "Origin '" + origin + "' is not allowed. Start Drydock with --allowed-origin "
                    + origin + " to allow it.");
            return;
        }
        if (token != null && !authorized(request.getHeader("Authorization"))) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"drydock\"");
            refuse(response, 401, "Missing or wrong bearer token. Send 'Authorization: Bearer <DRYDOCK_HTTP_TOKEN>'.");
            return;
        }
        chain.doFilter(req, res);
    }

    private boolean authorized(String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        return MessageDigest.isEqual(token, header.substring(7).strip().getBytes(StandardCharsets.UTF_8));
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    private static void refuse(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        StringBuilder escaped = new StringBuilder();
        for (char c : message.toCharArray()) {
            if (c == '"' || c == '\\') {
                escaped.append('\\').append(c);
            } else if (c < 0x20) {
                escaped.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
            } else {
                escaped.append(c);
            }
        }
        response.getWriter().write("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32001,\"message\":\""
                + escaped + "\"}}");
    }
}
