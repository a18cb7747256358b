package dev.drydock.tools;

import dev.drydock.DrydockException;
import dev.drydock.ErrorCode;
import dev.drydock.db.Redactor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    public record Response(Map<String, Object> structured, String text, boolean isError) {
    }

    public ToolRunner(ObjectMapper json, Redactor redactor) {
        this.json = json;
        this.redactor = redactor;
    }

    /** The response for a call refused before its handler ran (for example arguments that break the schema). */
    public Response refuse(DrydockException e) {
        return respond(ErrorOutput.of(e), true);
    }

    public Response run(ToolHandler handler, Map<String, Object> args) {
        ToolOutput output;
        boolean error = false;
        try {
            output = handler.call(new Arguments(handler.name(), args));
        } catch (DrydockException e) {
            output = ErrorOutput.of(e);
            error = true;
        } catch (RuntimeException e) {
            LOG.error("{} failed with a bug:\n{}", handler.name(), redactor.stackTrace(e));
            output = ErrorOutput.of(new DrydockException(ErrorCode.INTERNAL,
                    handler.name() + " failed unexpectedly (" + e.getClass().getSimpleName() + "). The stack trace is on "
                            + "Drydock's stderr.", "This is a bug in Drydock; please report it with the stderr output."));
            error = true;
        }
        return respond(output, error);
    }

    private Response respond(ToolOutput output, boolean error) {
        Map<String, Object> structured = json.convertValue(output, MAP);
        return new Response(redactMap(structured), redactor.redact(output.text()), error);
    }

    private Map<String, Object> redactMap(Map<String, Object> map) {
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(k, redactValue(v)));
        return out;
    }

    @SuppressWarnings("unchecked")
    private Object redactValue(Object v) {
        if (v instanceof String s) {
            return redactor.redact(s);
        }
        if (v instanceof Map<?, ?> m) {
            return redactMap((Map<String, Object>) m);
        }
        if (v instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(item -> out.add(redactValue(item)));
            return out;
        }
        return v;
    }
}
