package dev.drydock.cli;

import dev.drydock.Version;
import dev.drydock.lint.Finding;
import dev.drydock.lint.Rule;
import dev.drydock.lint.Severity;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Lint findings as a SARIF 2.1.0 log, the format GitHub code scanning (and most CI dashboards)
 * reads. One run; the driver lists every rule so that {@code ruleIndex} is the rule's ordinal.
 * Locations are relative URIs with forward slashes and 1-based lines and columns, as code scanning
 * requires; a finding without a file (SQL given as text) is reported against {@code stdin.sql}.
 */
public final class SarifReport {
    public static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    public static final String VERSION = "2.1.0";
    public static final String INFORMATION_URI = "https://github.com/drydock-dev/drydock";
    static final String RULE_DOCS = INFORMATION_URI + "/blob/main/docs/rules/";
    static final String NO_FILE = "stdin.sql";

    private SarifReport() {
    }

    /** The SARIF log for {@code findings}, as maps and lists ready for a JSON mapper. */
    public static Map<String, Object> build(List<Finding> findings) {
        Map<String, Object> driver = new LinkedHashMap<>();
        driver.put("name", "Drydock");
        driver.put("informationUri", INFORMATION_URI);
        driver.put("version", Version.current());
        driver.put("rules", rules());

        List<Map<String, Object>> results = new ArrayList<>();
        for (Finding f : findings) {
            if (f.severity() != Severity.OFF) {
                results.add(result(f));
            }
        }

        Map<String, Object> run = new LinkedHashMap<>();
        run.put("tool", Map.of("driver", driver));
        run.put("columnKind", "utf16CodeUnits"); // the lexer counts columns in UTF-16 code units
        run.put("results", results);

        Map<String, Object> log = new LinkedHashMap<>();
        log.put("$schema", SCHEMA);
        log.put("version", VERSION);
        log.put("runs", List.of(run));
        return log;
    }

    private static List<Map<String, Object>> rules() {
        List<Map<String, Object>> rules = new ArrayList<>();
        for (Rule rule : Rule.values()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("id", rule.id());
            r.put("name", name(rule));
            r.put("shortDescription", Map.of("text", rule.group() + ": " + rule.id()));
            r.put("fullDescription", Map.of("text", rule.fix()));
            r.put("help", Map.of("text", "Fix: " + rule.fix()));
            r.put("helpUri", RULE_DOCS + rule.id() + ".md");
            r.put("defaultConfiguration", Map.of("level", level(rule.defaultSeverity())));
            r.put("properties", Map.of("tags", List.of(rule.group().toLowerCase(Locale.ROOT))));
            rules.add(r);
        }
        return rules;
    }

    private static Map<String, Object> result(Finding f) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("ruleId", f.rule());
        Rule rule = Rule.byId(f.rule());
        if (rule != null) {
            r.put("ruleIndex", rule.ordinal());
        }
        r.put("level", level(f.severity()));
        String fix = f.fix() == null || f.fix().isBlank() ? "" : " Fix: " + f.fix();
        r.put("message", Map.of("text", f.message() + fix));

        Map<String, Object> region = new LinkedHashMap<>();
        region.put("startLine", Math.max(1, f.line()));
        region.put("startColumn", Math.max(1, f.column()));
        Map<String, Object> physical = new LinkedHashMap<>();
        physical.put("artifactLocation", Map.of("uri", uri(f.file())));
        physical.put("region", region);
        r.put("locations", List.of(Map.of("physicalLocation", physical)));
        return r;
    }

    /** A relative path with forward slashes; an absolute path becomes a {@code file:} URI. */
    static String uri(String file) {
        if (file == null || file.isBlank()) {
            return NO_FILE;
        }
        Path path = Path.of(file);
        if (path.isAbsolute()) {
            return path.toUri().toString();
        }
        String relative = file.replace('\\', '/');
        try {
            return new URI(null, null, relative, null).toASCIIString();
        } catch (URISyntaxException e) {
            return relative;
        }
    }

    static String level(Severity severity) {
        return switch (severity) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO, OFF -> "note";
        };
    }

    /** {@code drop-table} → {@code DropTable}. */
    private static String name(Rule rule) {
        StringBuilder b = new StringBuilder();
        for (String part : rule.id().split("-")) {
            if (!part.isEmpty()) {
                b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return b.toString();
    }
}
