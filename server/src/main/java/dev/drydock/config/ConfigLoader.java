package dev.drydock.config;

import dev.drydock.DrydockException;
import dev.drydock.ErrorCode;
import dev.drydock.db.DatabaseUrl;
import dev.drydock.db.Redactor;
import dev.drydock.db.Target;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code drydock.yaml} strictly: every key must be one {@link ConfigKey} knows, every value
 * of the right type; all problems are collected and reported together, each with its line.
 * Values may use {@code ${VAR}} or {@code ${VAR:-fallback}} to read the environment.
 */
public final class ConfigLoader {
    public static final String FILE_NAME = "drydock.yaml";
    public static final String DEFAULT_URL_TARGET = "default";

    private static final Pattern ENV_REF = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");
    private static final Pattern TARGET_NAME = Pattern.compile("[a-z][a-z0-9_-]{0,62}");
    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h)");
    private static final Duration MAX_DURATION = Duration.ofHours(24);
    private static final Pattern LINE = Pattern.compile(" line (\\d+):");

    private final Function<String, String> env;
    private final List<String> errors = new ArrayList<>();
    private final Map<String, Value> values = new LinkedHashMap<>();
    private final Map<String, Integer> targetLines = new LinkedHashMap<>();
    private String file = FILE_NAME;

    /** A scalar as read: its concrete path (names in place of *), key, text and line. */
    private record Value(String path, ConfigKey key, String text, int line) {
    }

    private ConfigLoader(Function<String, String> env) {
        this.env = env;
    }

    /**
     * Loads the configuration of {@code projectDir}.
     *
     * @param databaseUrl the --database-url flag, or null; defines target {@code default}
     * @param env         the environment ({@code System::getenv} in production)
     */
    public static DrydockConfig load(Path projectDir, String databaseUrl, Function<String, String> env) {
        Path file = projectDir.resolve(FILE_NAME);
        String yaml = null;
        if (Files.isRegularFile(file)) {
            try {
                yaml = Files.readString(file);
            } catch (IOException e) {
                throw new DrydockException(ErrorCode.CONFIG_INVALID, "Cannot read " + file + ": " + e.getMessage(),
                        "Check the file's permissions.");
            }
        }
        return new ConfigLoader(env).build(projectDir, yaml == null ? null : file, yaml, databaseUrl);
    }

    /** Parses YAML text directly; used by tests and by {@link #load}. */
    public static DrydockConfig parse(Path projectDir, Path file, String yaml, String databaseUrl,
                                      Function<String, String> env) {
        return new ConfigLoader(env).build(projectDir, file, yaml, databaseUrl);
    }

    private DrydockConfig build(Path projectDir, Path configFile, String yaml, String databaseUrl) {
        if (configFile != null) {
            file = configFile.getFileName().toString();
        }
        if (yaml != null) {
            read(yaml);
        }
        List<String> secrets = new ArrayList<>();
        Map<String, Target> targets = targets(secrets);
        String flagUrl = databaseUrl != null ? databaseUrl : targets.isEmpty() ? env.apply("DATABASE_URL") : null;
        if (flagUrl != null && !flagUrl.isBlank()) {
            if (targets.containsKey(DEFAULT_URL_TARGET)) {
                errors.add("--database-url defines target 'default', which " + file + " defines too; rename one.");
            } else {
                DatabaseUrl url = url(flagUrl, "--database-url / DATABASE_URL", 0);
                if (url != null) {
                    secrets.addAll(secretOf(url));
                    targets.put(DEFAULT_URL_TARGET, new Target(DEFAULT_URL_TARGET, url, null, false));
                }
            }
        }
        if (targets.isEmpty()) {
            targets.put(Target.EMBEDDED_NAME, Target.embeddedLocal());
        }
        String defaultTarget = defaultTarget(targets);
        DatabaseUrl branchServer = branchServer(targets, secrets);
        Duration timeout = duration(ConfigKey.POLICY_READ_STATEMENT_TIMEOUT);
        Duration approvalTtl = duration(ConfigKey.POLICY_APPROVAL_TTL);
        secrets.add(env.apply("DRYDOCK_HTTP_TOKEN"));
        DrydockConfig.Types types = types();
        Map<String, Integer> policyLines = new LinkedHashMap<>();
        Map<String, String> ruleSeverities = ruleSeverities(policyLines);
        List<String> blocked = blockedPatterns(policyLines);
        DrydockConfig.Promotion promotion = promotion();
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparingInt(ConfigLoader::lineOf));
            throw new DrydockException(ErrorCode.CONFIG_INVALID,
                    "Invalid configuration (" + errors.size() + " problem" + (errors.size() == 1 ? "" : "s") + "):\n- "
                            + String.join("\n- ", errors),
                    "Fix each line named above; docs/configuration.md lists every key with its type and default.");
        }
        return new DrydockConfig(projectDir, configFile, new ArrayList<>(targets.values()), defaultTarget,
                branchServer, timeout, secrets.stream().filter(s -> s != null && !s.isEmpty()).toList(),
                new DrydockConfig.Policy(ruleSeverities, blocked, policyLines, approvalTtl), types, project(), promotion,
                StateDirectory.resolve(env, System.getProperty("user.home")));
    }

    private void read(String yaml) {
        Node root;
        try {
            root = new Compose(LoadSettings.builder().setLabel(file).build()).composeString(yaml).orElse(null);
        } catch (YamlEngineException e) {
            errors.add(file + " is not valid YAML: " + Redactor.none().redact(e.getMessage()).replace('\n', ' '));
            return;
        }
        if (root == null) {
            return;
        }
        if (!(root instanceof MappingNode mapping)) {
            errors.add(file + " line " + line(root) + ": the top level must be a mapping of keys.");
            return;
        }
        walk(mapping, "", "");
    }

    private void walk(MappingNode mapping, String path, String pattern) {
        for (NodeTuple tuple : mapping.getValue()) {
            String name = tuple.getKeyNode() instanceof ScalarNode s ? s.getValue() : "?";
            String childPath = path.isEmpty() ? name : path + "." + name;
            String wildcard = pattern + ".*";
            String childPattern = !pattern.isEmpty() && (ConfigKey.forPath(wildcard) != null || ConfigKey.isSection(wildcard))
                    ? wildcard : pattern.isEmpty() ? name : pattern + "." + name;
            Node value = tuple.getValueNode();
            int line = line(tuple.getKeyNode());
            if (pattern.equals("targets") && value instanceof MappingNode) {
                targetLines.put(name, line);
            }
            if (pattern.equals("targets") && !TARGET_NAME.matcher(name).matches()) {
                errors.add(file + " line " + line + ": target name '" + name
                        + "' must be lower case letters, digits, '-' or '_', starting with a letter.");
            }
            ConfigKey key = ConfigKey.forPath(childPattern);
            if (key != null && key.type() == ConfigKey.Type.LIST) {
                list(key, childPath, value, line);
            } else if (key != null && value instanceof ScalarNode scalar) {
                values.put(childPath, new Value(childPath, key, expand(scalar.getValue(), childPath, line), line));
            } else if (key == null && ConfigKey.isSection(childPattern) && value instanceof MappingNode child) {
                walk(child, childPath, childPattern);
            } else if (key != null || ConfigKey.isSection(childPattern)) {
                errors.add(file + " line " + line + ": " + childPath + " must be "
                        + (key != null ? "a single " + key.type().name().toLowerCase(Locale.ROOT) + " value" : "a mapping") + ".");
            } else {
                errors.add(file + " line " + line + ": unknown key '" + childPath + "'. Known keys: " + knownKeys() + ".");
            }
        }
    }

    private void list(ConfigKey key, String path, Node value, int line) {
        if (!(value instanceof SequenceNode sequence)) {
            errors.add(file + " line " + line + ": " + path + " must be a list, such as [drop-table, truncate].");
            return;
        }
        List<String> items = new ArrayList<>();
        for (Node item : sequence.getValue()) {
            if (item instanceof ScalarNode scalar) {
                items.add(scalar.getValue().strip());
            } else {
                errors.add(file + " line " + line(item) + ": " + path + " items must be plain names.");
            }
        }
        values.put(path, new Value(path, key, String.join(",", items), line));
    }

    /** policy.rules.*: rule id → severity, checked for the four severities (ids are checked by the linter). */
    private Map<String, String> ruleSeverities(Map<String, Integer> lines) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Value v : values.values()) {
            if (v.key() != ConfigKey.POLICY_RULES) {
                continue;
            }
            String id = v.path().substring("policy.rules.".length());
            String severity = v.text().strip().toLowerCase(Locale.ROOT);
            if (!List.of("error", "warning", "info", "off").contains(severity)) {
                errors.add(file + " line " + v.line() + ": " + v.path() + " must be error, warning, info or off, not '"
                        + v.text() + "'.");
            }
            out.put(id, severity);
            lines.put("policy.rules." + id, v.line());
        }
        return out;
    }

    private List<String> blockedPatterns(Map<String, Integer> lines) {
        Value v = values.get(ConfigKey.POLICY_BLOCKED.path());
        if (v == null) {
            return null;
        }
        lines.put(ConfigKey.POLICY_BLOCKED.path(), v.line());
        return v.text().isEmpty() ? List.of() : List.of(v.text().split(","));
    }

    private DrydockConfig.Promotion promotion() {
        Value require = values.get(ConfigKey.POLICY_REQUIRE_ROLLBACK.path());
        Value allow = values.get(ConfigKey.POLICY_ALLOW_IN_MIGRATIONS.path());
        return new DrydockConfig.Promotion(require == null || bool(require),
                allow == null || allow.text().isEmpty() ? List.of() : List.of(allow.text().split(",")),
                duration(ConfigKey.POLICY_LOCK_TIMEOUT), integer(ConfigKey.POLICY_LOCK_RETRIES, 1, 10),
                duration(ConfigKey.POLICY_STATEMENT_TIMEOUT), duration(ConfigKey.POLICY_TARGET_LOCK_WAIT));
    }

    private int integer(ConfigKey key, int min, int max) {
        Value v = values.get(key.path());
        String text = v == null ? key.defaultValue() : v.text().strip();
        try {
            int n = Integer.parseInt(text);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(file + " line " + (v == null ? 0 : v.line()) + ": " + key.path() + " must be a whole number from " + min
                + " to " + max + ", not '" + text + "'.");
        return min;
    }

    private DrydockConfig.Project project() {
        return new DrydockConfig.Project(projectPath(ConfigKey.PROJECT_MIGRATIONS), projectPath(ConfigKey.PROJECT_ROLLBACKS),
                projectPath(ConfigKey.PROJECT_SEED));
    }

    /** A project-relative path setting; absolute paths and paths leaving the project are refused. */
    private String projectPath(ConfigKey key) {
        Value v = values.get(key.path());
        if (v == null) {
            return null;
        }
        String text = v.text().strip();
        java.nio.file.Path p = java.nio.file.Path.of(text).normalize();
        if (text.isEmpty() || p.isAbsolute() || p.startsWith("..")) {
            errors.add(file + " line " + v.line() + ": " + key.path() + " must be a path inside the project, relative to it "
                    + "(for example supabase/migrations), not '" + text + "'.");
            return null;
        }
        return p.toString();
    }

    private DrydockConfig.Types types() {
        Value out = values.get(ConfigKey.TYPES_OUT.path());
        Value schemas = values.get(ConfigKey.TYPES_SCHEMAS.path());
        Value lang = values.get(ConfigKey.TYPES_LANG.path());
        Value pkg = values.get(ConfigKey.TYPES_PACKAGE.path());
        Value postgrest = values.get(ConfigKey.TYPES_POSTGREST_VERSION.path());
        String langText = lang == null ? "typescript" : lang.text().strip().toLowerCase(Locale.ROOT);
        if (!langText.equals("typescript") && !langText.equals("java")) {
            errors.add(file + " line " + lang.line() + ": types.lang must be typescript or java, not '" + lang.text() + "'.");
        }
        List<String> schemaList = schemas == null || schemas.text().isEmpty() ? List.of("public")
                : List.of(schemas.text().split(","));
        return new DrydockConfig.Types(out == null ? null : out.text().strip(), schemaList, langText,
                pkg == null ? "db" : pkg.text().strip(), postgrest == null ? null : postgrest.text().strip());
    }

    private String expand(String text, String path, int line) {
        Matcher m = ENV_REF.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = env.apply(m.group(1));
            if (value == null) {
                value = m.group(2);
            }
            if (value == null) {
                errors.add(file + " line " + line + ": " + path + " uses ${" + m.group(1)
                        + "}, which is not set in the environment (write ${" + m.group(1) + ":-fallback} for a default).");
                value = "";
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private Map<String, Target> targets(List<String> secrets) {
        Map<String, Target> targets = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> entry : targetLines.entrySet()) {
            String name = entry.getKey();
            Value url = values.get("targets." + name + ".url");
            Value read = values.get("targets." + name + ".readUrl");
            Value prot = values.get("targets." + name + ".protected");
            boolean isProtected = prot != null && bool(prot);
            DatabaseUrl readUrl = read == null ? null : url(read.text(), read.path(), read.line());
            if (url == null) {
                errors.add(file + " line " + entry.getValue() + ": target '" + name + "' has no url.");
                continue;
            }
            DatabaseUrl main = url(url.text(), url.path(), url.line());
            if (main != null) {
                secrets.addAll(secretOf(main));
                if (readUrl != null) {
                    secrets.addAll(secretOf(readUrl));
                }
                targets.put(name, new Target(name, main, readUrl, isProtected));
            }
        }
        return targets;
    }

    private String defaultTarget(Map<String, Target> targets) {
        Value explicit = values.get(ConfigKey.DEFAULT_TARGET.path());
        if (explicit != null) {
            if (!targets.containsKey(explicit.text())) {
                errors.add(file + " line " + explicit.line() + ": defaultTarget '" + explicit.text()
                        + "' is not a configured target " + targets.keySet() + ".");
            }
            return explicit.text();
        }
        for (String preferred : List.of(Target.EMBEDDED_NAME, DEFAULT_URL_TARGET)) {
            if (targets.containsKey(preferred)) {
                return preferred;
            }
        }
        return targets.isEmpty() ? null : targets.keySet().iterator().next();
    }

    private DatabaseUrl branchServer(Map<String, Target> targets, List<String> secrets) {
        Value v = values.get(ConfigKey.BRANCH_SERVER_URL.path());
        if (v == null) {
            return null;
        }
        DatabaseUrl url = url(v.text(), v.path(), v.line());
        if (url == null) {
            return null;
        }
        secrets.addAll(secretOf(url));
        for (Target t : targets.values()) {
            if (t.isProtected() && t.url() != null && t.url().sameDatabase(url)) {
                errors.add(file + " line " + v.line() + ": branchServer.url points at protected target '" + t.name()
                        + "'; branches must never be created on a protected database.");
            }
        }
        return url;
    }

    /**
     * The URL's password when it is a secret. A well-known default ({@code postgres}, or the
     * user's own name) protects nothing, and masking it would mask that word in every output;
     * URL-shaped credentials are masked by pattern anyway.
     */
    private static List<String> secretOf(DatabaseUrl url) {
        return url.secrets().stream().filter(s -> !s.equals("postgres") && !s.equals(url.user())).toList();
    }

    private DatabaseUrl url(String text, String path, int line) {
        try {
            return DatabaseUrl.parse(text);
        } catch (DrydockException e) {
            errors.add((line > 0 ? file + " line " + line + ": " : "") + path + ": " + e.getMessage() + " " + e.hint());
            return null;
        }
    }

    private boolean bool(Value v) {
        return switch (v.text().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> {
                errors.add(file + " line " + v.line() + ": " + v.path() + " must be true or false, not '" + v.text() + "'.");
                yield false;
            }
        };
    }

    private Duration duration(ConfigKey key) {
        Value v = values.get(key.path());
        String text = v == null ? key.defaultValue() : v.text();
        Matcher m = DURATION.matcher(text.strip());
        if (!m.matches()) {
            errors.add(file + " line " + (v == null ? 0 : v.line()) + ": " + key.path()
                    + " must be a duration such as 500ms, 15s, 2m or 1h, not '" + text + "'.");
            return Duration.ZERO;
        }
        long n = Long.parseLong(m.group(1));
        if (n == 0) {
            errors.add(file + " line " + (v == null ? 0 : v.line()) + ": " + key.path() + " must be longer than 0.");
        }
        Duration d = switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
        };
        if (d.compareTo(MAX_DURATION) > 0) {
            errors.add(file + " line " + (v == null ? 0 : v.line()) + ": " + key.path() + " must be at most 24h, not '"
                    + text + "'.");
        }
        return d;
    }

    private static int lineOf(String error) {
        Matcher m = LINE.matcher(error);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    private static int line(Node node) {
        return node.getStartMark().map(m -> m.getLine() + 1).orElse(0);
    }

    private static String knownKeys() {
        List<String> keys = new ArrayList<>();
        for (ConfigKey k : ConfigKey.values()) {
            keys.add(k.path());
        }
        return String.join(", ", keys);
    }
}
