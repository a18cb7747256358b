package dev.drydock.tools;

import dev.drydock.CallContext;
import dev.drydock.DrydockException;
import dev.drydock.Elicitation;
import dev.drydock.ErrorCode;
import dev.drydock.Progress;
import dev.drydock.audit.AuditRecord;
import dev.drydock.config.DrydockConfig;
import dev.drydock.db.Target;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A tool call's arguments with typed, validated access; every problem names the argument. */
public final class Arguments {
    private final String tool;
    private final Map<String, Object> values;
    private final CallContext context;
    private AuditRecord.Details noted;

    public Arguments(String tool, Map<String, Object> values) {
        this(tool, values, CallContext.NONE);
    }

    public Arguments(String tool, Map<String, Object> values, Progress progress) {
        this(tool, values, CallContext.NONE.withProgress(progress));
    }

    public Arguments(String tool, Map<String, Object> values, CallContext context) {
        this.tool = tool;
        this.values = values == null ? Map.of() : values;
        this.context = context;
    }

    /** Where the call reports progress (a notification to the MCP client that asked for it, or nowhere). */
    public Progress progress() {
        return context.progress();
    }

    /** Who called, and what can be asked of the human behind them. */
    public CallContext context() {
        return context;
    }

    /**
     * Notes what the audit record of this call should say beyond its arguments (guards run, plan,
     * approver, target), before the handler returns or throws: a refusal's record carries it too.
     * Later notes take precedence field by field.
     */
    public void noteAudit(AuditRecord.Details details) {
        noted = details == null ? noted : details.or(noted);
    }

    AuditRecord.Details notedAudit() {
        return noted;
    }

    public Elicitation elicitation() {
        return context.elicitation();
    }

    /** True when the call gave the argument (and not as null). */
    public boolean has(String name) {
        return values.get(name) != null;
    }

    public String string(String name, String fallback) {
        Object v = values.get(name);
        if (v == null) {
            return fallback;
        }
        if (v instanceof String s) {
            return s;
        }
        throw invalid(name, "must be a string, not " + v);
    }

    public String requiredString(String name) {
        String v = string(name, null);
        if (v == null || v.isBlank()) {
            throw invalid(name, "is required");
        }
        return v;
    }

    public boolean bool(String name, boolean fallback) {
        Object v = values.get(name);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        throw invalid(name, "must be true or false, not " + v);
    }

    public int integer(String name, int fallback, int min, int max) {
        Object v = values.get(name);
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
            throw invalid(name, "must be a whole number, not " + v);
        }
        if (n.longValue() < min || n.longValue() > max) {
            throw invalid(name, "must be between " + min + " and " + max + ", not " + n.longValue());
        }
        return n.intValue();
    }

    public List<String> strings(String name, List<String> fallback) {
        Object v = values.get(name);
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof List<?> list) || list.isEmpty()) {
            throw invalid(name, "must be a non-empty array of strings");
        }
        List<String> out = new ArrayList<>();
        for (Object o : list) {
            if (!(o instanceof String s) || s.isBlank()) {
                throw invalid(name, "must contain only non-empty strings, not " + o);
            }
            out.add(s);
        }
        return out;
    }

    /**
     * The database a call means: {@code target} (a configured name, default the default target)
     * or {@code branch}, never both.
     */
    public Target target(DrydockConfig config) {
        return target(config, null);
    }

    /** The name of the branch the call is for, or null for a target. */
    public String branch() {
        return string("branch", null);
    }

    /**
     * Like {@link #target(DrydockConfig)}, with {@code branch} resolved by {@code branches} to the
     * branch's database (a target named {@code branch:<name>}, never protected).
     */
    public Target target(DrydockConfig config, BranchTargets branches) {
        String target = string("target", null);
        String branch = string("branch", null);
        if (target != null && branch != null) {
            throw new DrydockException(ErrorCode.INVALID_ARGUMENT,
                    tool + " takes `target` or `branch`, not both (got target '" + target + "' and branch '" + branch + "').",
                    "Name the one database the call is for.", tool + " with only target, or only branch");
        }
        if (branch != null && branches != null) {
            return branches.target(branch);
        }
        if (branch != null) {
            throw new DrydockException(ErrorCode.NOT_AVAILABLE,
                    tool + " works on targets only, so branch '" + branch + "' cannot be used here.",
                    "Name a target instead.",
                    tool + " with target set to one of " + config.targetNames());
        }
        return config.resolveTarget(target);
    }

    private DrydockException invalid(String name, String why) {
        return new DrydockException(ErrorCode.INVALID_ARGUMENT, tool + ": argument `" + name + "` " + why + ".",
                "The tool's inputSchema in tools/list describes every argument.", tool + " with `" + name + "` corrected");
    }
}
