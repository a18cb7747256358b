package dev.drydock.tools;

import dev.drydock.DrydockException;
import dev.drydock.ErrorCode;
import dev.drydock.db.Redactor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Calls a handler and turns whatever happens into a {@link Response}: the result record as a
 * JSON map plus its text, or an error shaped as {@link ErrorOutput}. Nothing escapes: a bug
 * becomes {@code INTERNAL} with the stack trace on stderr. Every string leaving here is redacted.
 */
public final class ToolRunner {
    private static final Logger LOG = LoggerFactory.getLogger(ToolRunner.class);
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    private final ObjectMapper json;
    private final Redactor redactor;
    private final AuditTrail audit;

    public record Response(Map<String, Object> structured, String text, boolean isError) {
    }

    public ToolRunner(ObjectMapper json, Redactor redactor) {
        this(json, redactor, null);
    }

    /** @param audit where mutating calls are recorded; null for none (tests of one tool) */
    public ToolRunner(ObjectMapper json, Redactor redactor, AuditTrail audit) {
        this.json = json;
        this.redactor = redactor;
        this.audit = audit;
    }

    /** The audit log the calls are recorded in, for {@code drydock audit}; null when none. */
    public dev.drydock.audit.AuditLog audit() {
        return audit == null ? null : audit.log();
    }

    /** The response for a call refused before its handler ran (for example arguments that break the schema). */
    public Response refuse(DrydockException e) {
        return respond(ErrorOutput.of(e), true);
    }

    public Response run(ToolHandler handler, Map<String, Object> args) {
        return run(handler, args, dev.drydock.Progress.NONE);
    }

    public Response run(ToolHandler handler, Map<String, Object> args, dev.drydock.Progress progress) {
        return run(handler, args, dev.drydock.CallContext.NONE.withProgress(progress));
    }

    /** Runs the call; a mutating one leaves its audit record (see {@link AuditTrail}) whatever the outcome. */
    public Response run(ToolHandler handler, Map<String, Object> args, dev.drydock.CallContext context) {
        Instant at = Instant.now();
        long start = System.nanoTime();
        Arguments arguments = new Arguments(handler.name(), args, context);
        ToolOutput output = call(handler, arguments);
        if (audit != null && AuditTrail.mutating(handler.name(), args)) {
            audit.record(handler.name(), args == null ? Map.of() : args, context, at,
                    (System.nanoTime() - start) / 1_000_000, output, arguments.notedAudit());
        }
        return respond(output, output instanceof ErrorOutput);
    }

    private ToolOutput call(ToolHandler handler, Arguments arguments) {
        ToolOutput output;
        try {
            output = handler.call(arguments);
        } catch (DrydockException e) {
            output = ErrorOutput.of(e);
        } catch (RuntimeException e) {
            LOG.error("{} failed with a bug:\n{}", handler.name(), redactor.stackTrace(e));
            output = ErrorOutput.of(new DrydockException(ErrorCode.INTERNAL,
                    handler.name() + " failed unexpectedly (" + e.getClass().getSimpleName() + "). The stack trace is on "
                            + "Drydock's stderr.", "This is a bug in Drydock; please report it with the stderr output."));
        }
        return output;
    }

    /**
     * Redacts the result as a structure, value by value, then renders the text from the redacted
     * structure: no pattern ever runs over rendered JSON, so no value can be merged or cut.
     * Errors get the full {@link Redactor#redact}; results only {@link Redactor#redactSecrets},
     * so rows come back as stored, less Drydock's own secrets.
     */
    private Response respond(ToolOutput output, boolean error) {
        UnaryOperator<String> redact = error ? redactor::redact : redactor::redactSecrets;
        Map<String, Object> structured = redactMap(json.convertValue(output, MAP), redact);
        ToolOutput clean = json.convertValue(structured, output.getClass());
        return new Response(structured, clean.text(), error);
    }

    private static Map<String, Object> redactMap(Map<String, Object> map, UnaryOperator<String> redact) {
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(k, redactValue(v, redact)));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Object redactValue(Object v, UnaryOperator<String> redact) {
        if (v instanceof String s) {
            return redact.apply(s);
        }
        if (v instanceof Map<?, ?> m) {
            return redactMap((Map<String, Object>) m, redact);
        }
        if (v instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(item -> out.add(redactValue(item, redact)));
            return out;
        }
        return v;
    }
}
