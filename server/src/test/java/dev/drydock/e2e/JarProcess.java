package dev.drydock.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** The packaged {@code drydock.jar} run as a real subprocess, its stderr collected line by line. */
final class JarProcess implements AutoCloseable {
    private final Process process;
    private final List<String> stderr = new ArrayList<>();
    private BufferedReader stdout;
    private final Thread reader;

    private JarProcess(Process process) {
        this.process = process;
        reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    synchronized (stderr) {
                        stderr.add(line);
                        stderr.notifyAll();
                    }
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }, "drydock-stderr");
        reader.setDaemon(true);
        reader.start();
    }

    static Path jar() {
        String path = System.getProperty("drydock.jar", "target/drydock.jar");
        return Path.of(path).toAbsolutePath();
    }

    /** The command line that starts Drydock: {@code java -jar drydock.jar ARGS}. */
    static List<String> command(List<String> args) {
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-jar", jar().toString()));
        command.addAll(args);
        return command;
    }

    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static JarProcess start(List<String> args, Map<String, String> env) throws IOException {
        return start(command(args), env, true);
    }

    /** Through the launcher script next to the jar, which adds its JVM options and class-data archive. */
    static JarProcess startWithLauncher(List<String> args, Map<String, String> env) throws IOException {
        List<String> command = new ArrayList<>(List.of(launcher().toString()));
        command.addAll(args);
        return start(command, env, true);
    }

    static Path launcher() {
        return Path.of(System.getProperty("drydock.launcher", "target/drydock")).toAbsolutePath();
    }

    static JarProcess start(List<String> command, Map<String, String> env, boolean cleanEnv) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command);
        if (cleanEnv) {
            pb.environment().remove("DATABASE_URL");
            pb.environment().remove("DRYDOCK_HTTP_TOKEN");
            pb.environment().remove("DRYDOCK_JAVA_OPTS");
        }
        pb.environment().putAll(env);
        return new JarProcess(pb.start());
    }

    Process process() {
        return process;
    }

    /** Waits until a stderr line matches, and returns it. */
    String awaitStderr(Predicate<String> match, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (stderr) {
            while (true) {
                for (String line : stderr) {
                    if (match.test(line)) {
                        return line;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || !process.isAlive() && stderr.stream().noneMatch(match)) {
                    throw new AssertionError("no matching stderr line; stderr was:\n" + String.join("\n", stderr));
                }
                stderr.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(Math.min(left, 200_000_000L))));
            }
        }
    }

    /** Writes one JSON-RPC line to stdin. */
    void send(String json) throws IOException {
        process.getOutputStream().write((json + "\n").getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().flush();
    }

    /** Reads stdout lines until the response with this id arrives; returns it. */
    String awaitResponse(int id) throws IOException {
        if (stdout == null) {
            stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        }
        for (String line; (line = stdout.readLine()) != null; ) {
            if (line.contains("\"id\":" + id + ",")) {
                return line;
            }
        }
        throw new AssertionError("stdout ended before response " + id + "; stderr:\n" + stderr());
    }

    /** initialize + initialized, then a status call (which starts the embedded database); returns its response. */
    String initializeAndStatus() throws IOException {
        send("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
                + "\"capabilities\":{},\"clientInfo\":{\"name\":\"it\",\"version\":\"1\"}}}");
        awaitResponse(1);
        send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
        send("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"status\",\"arguments\":{}}}");
        return awaitResponse(2);
    }

    String stderr() {
        synchronized (stderr) {
            return String.join("\n", stderr);
        }
    }

    int waitFor(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("drydock did not exit within " + timeout + "; stderr:\n" + stderr());
        }
        reader.join(timeout.toMillis());
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
