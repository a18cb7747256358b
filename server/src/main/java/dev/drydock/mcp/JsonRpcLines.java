package dev.drydock.mcp;

import io.modelcontextprotocol.json.McpJsonMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Screens stdin for the SDK's stdio transport, which stops reading for good after one line it
 * cannot parse: every line that is a JSON-RPC 2.0 message passes through unchanged; anything else
 * (not JSON, nested too deep, not a message) is answered here with a JSON-RPC error and dropped.
 * Output goes through {@link LineOutput}, so these replies and the SDK's never interleave.
 */
final class JsonRpcLines extends InputStream {
    private final BufferedReader in;
    private final LineOutput out;
    private final McpJsonMapper json;
    private final Runnable onEnd;
    private byte[] line = new byte[0];
    private int pos;

    JsonRpcLines(InputStream in, LineOutput out, McpJsonMapper json, Runnable onEnd) {
        this.in = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        this.out = out;
        this.json = json;
        this.onEnd = onEnd;
    }

    @Override
    public int read() throws IOException {
        if (!fill()) {
            return -1;
        }
        return line[pos++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(len, line.length - pos);
        System.arraycopy(line, pos, b, off, n);
        pos += n;
        return n;
    }

    /** Loads the next acceptable line; false at the end of stdin. */
    private boolean fill() throws IOException {
        while (pos >= line.length) {
            String next;
            try {
                next = in.readLine();
            } catch (IOException e) {
                onEnd.run();
                throw e;
            }
            if (next == null) {
                onEnd.run();
                return false;
            }
            if (next.isBlank() || accept(next)) {
                line = (next + "\n").getBytes(StandardCharsets.UTF_8);
                pos = 0;
            }
        }
        return true;
    }

    private boolean accept(String text) throws IOException {
        Object message;
        try {
            message = json.readValue(text, Object.class);
        } catch (IOException | RuntimeException e) {
            reply(null, -32700, "Parse error: the line is not JSON (" + e.getClass().getSimpleName()
                    + "). Send one JSON-RPC 2.0 message per line.");
            return false;
        }
        if (message instanceof Map<?, ?> map && "2.0".equals(map.get("jsonrpc"))
                && (map.containsKey("method") || map.containsKey("result") || map.containsKey("error"))) {
            return true;
        }
        Object id = message instanceof Map<?, ?> map ? map.get("id") : null;
        reply(id instanceof Number || id instanceof String ? id : null, -32600,
                "Invalid Request: expected a JSON-RPC 2.0 object with \"jsonrpc\": \"2.0\" and a method.");
        return false;
    }

    private void reply(Object id, int code, String message) throws IOException {
        String idJson = id == null ? "null" : json.writeValueAsString(id);
        out.writeLine("{\"jsonrpc\":\"2.0\",\"id\":" + idJson + ",\"error\":{\"code\":" + code + ",\"message\":"
                + json.writeValueAsString(message) + "}}");
    }

    /** Writes whole lines atomically: what the SDK writes is passed on line by line, under one lock. */
    static final class LineOutput extends OutputStream {
        private final OutputStream out;
        private final java.io.ByteArrayOutputStream pending = new java.io.ByteArrayOutputStream();

        LineOutput(OutputStream out) {
            this.out = out;
        }

        @Override
        public synchronized void write(int b) throws IOException {
            pending.write(b);
            if (b == '\n') {
                pending.writeTo(out);
                out.flush();
                pending.reset();
            }
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws IOException {
            for (int i = off; i < off + len; i++) {
                write(b[i]);
            }
        }

        @Override
        public synchronized void flush() throws IOException {
            out.flush();
        }

        synchronized void writeLine(String text) throws IOException {
            write((text + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }
}
