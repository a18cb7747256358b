package dev.drydock.sql;

import dev.drydock.sql.ObjectRef.Kind;
import dev.drydock.sql.Token.Type;

/** CREATE FUNCTION / PROCEDURE (with its body analysed) and ALTER FUNCTION. */
final class RoutineReader {
    private RoutineReader() {
    }

    static void createRoutine(Cursor c, StatementBuilder b) {
        c.acceptAny("FUNCTION", "PROCEDURE");
        QualifiedName name = c.qualifiedName();
        if (name == null) {
            return;
        }
        c.parenthesized();
        String language = null;
        boolean securityDefiner = false;
        boolean searchPath = false;
        Token body = null;
        int atomicStart = -1;
        while (!c.atEnd()) {
            if (c.accept("LANGUAGE")) {
                Token lang = c.next();
                language = lang == null ? null : lang.type() == Type.STRING ? Identifiers.stringValue(lang)
                        : Identifiers.normalize(lang);
            } else if (c.accept("SECURITY", "DEFINER") || c.accept("EXTERNAL", "SECURITY", "DEFINER")) {
                securityDefiner = true;
            } else if (c.accept("SECURITY", "INVOKER") || c.accept("EXTERNAL", "SECURITY", "INVOKER")) {
                securityDefiner = false;
            } else if (c.accept("SET")) {
                searchPath |= "search_path".equals(c.identifier());
            } else if (c.accept("AS")) {
                body = c.next();
                if (c.acceptPunct(",")) {
                    c.next();
                }
            } else if (c.accept("BEGIN", "ATOMIC")) {
                atomicStart = c.position();
                break;
            } else if (c.accept("RETURN")) {
                atomicStart = c.position();
                break;
            } else {
                c.next();
            }
        }
        b.kind(StatementKind.CREATE_FUNCTION).object(ObjectRef.of(Kind.FUNCTION, name));
        String lang = language == null ? "sql" : language;
        String source = body == null ? null : Identifiers.stringValue(body);
        b.detail = new Detail.Routine(name, lang, securityDefiner, searchPath, source);
        if (atomicStart >= 0) {
            BodyReader.readAtomic(c, b);
        } else if (body != null && source != null) {
            BodyReader.read(lang, body, b);
        }
    }

    static void alterRoutine(Cursor c, StatementBuilder b) {
        QualifiedName name = c.qualifiedName();
        b.kind(StatementKind.ALTER_FUNCTION).object(name == null ? null : ObjectRef.of(Kind.FUNCTION, name));
        boolean securityDefiner = false;
        boolean searchPath = false;
        if (c.isPunct("(")) {
            c.parenthesized();
        }
        while (!c.atEnd()) {
            if (c.accept("SECURITY", "DEFINER") || c.accept("EXTERNAL", "SECURITY", "DEFINER")) {
                securityDefiner = true;
            } else if (c.accept("SET")) {
                searchPath |= "search_path".equals(c.identifier());
            } else {
                c.next();
            }
        }
        b.detail = new Detail.Routine(name, null, securityDefiner, searchPath, null);
    }
}
