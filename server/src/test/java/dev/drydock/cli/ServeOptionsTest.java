package dev.drydock.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The picocli-free parse of the hot `serve` invocation must mean exactly what picocli's parse means. */
class ServeOptionsTest {

    private static ServeOptions picocli(String... args) {
        ServeCommand serve = new ServeCommand((project, url) -> {
            throw new AssertionError("not run");
        }, OutputStream.nullOutputStream(), new PrintWriter(OutputStream.nullOutputStream()));
        CommandLine cli = new CommandLine(new DrydockCommand(new PrintWriter(OutputStream.nullOutputStream())))
                .addSubcommand(serve);
        cli.parseArgs(args);
        return serve.options();
    }

    @Test
    void acceptedInvocationsMeanWhatPicocliMakesOfThem() {
        List<String[]> accepted = List.of(
                new String[] {"serve"},
                new String[] {"serve", "--project", "/tmp/p"},
                new String[] {"serve", "--project=/tmp/p"},
                new String[] {"serve", "--project", "relative/dir/../p"},
                new String[] {"serve", "--database-url", "postgres://u:p@h:5432/db?sslmode=require"},
                new String[] {"serve", "--database-url=postgres://u:p@h/db", "--project", "/tmp/p"},
                new String[] {"serve", "--project", "/tmp/p", "--database-url", "jdbc:postgresql://h/db?user=a&password=b"});
        for (String[] args : accepted) {
            Optional<ServeOptions> quick = ServeOptions.quickParse(args);
            assertThat(quick).as(String.join(" ", args)).isPresent();
            assertThat(quick.get()).as(String.join(" ", args)).isEqualTo(picocli(args));
        }
    }

    @Test
    void everythingElseIsLeftToPicocli() {
        List<String[]> declined = List.of(
                new String[] {},
                new String[] {"status"},
                new String[] {"serve", "--help"},
                new String[] {"serve", "-h"},
                new String[] {"serve", "--http", "8808"},
                new String[] {"serve", "--project"},
                new String[] {"serve", "--project", "--database-url", "x"},
                new String[] {"serve", "--project", "/a", "--project", "/b"},
                new String[] {"serve", "--project="},
                new String[] {"serve", "--unknown", "x"},
                new String[] {"serve", "extra"},
                new String[] {"tables", "--project", "/tmp/p"});
        for (String[] args : declined) {
            assertThat(ServeOptions.quickParse(args)).as(String.join(" ", args)).isEmpty();
        }
    }
}
