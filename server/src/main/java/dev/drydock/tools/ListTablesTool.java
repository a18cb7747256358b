package dev.drydock.tools;

import dev.drydock.catalog.TableCatalog;
import dev.drydock.config.DrydockConfig;
import dev.drydock.db.Databases;
import dev.drydock.db.Redactor;
import dev.drydock.db.SqlErrors;
import dev.drydock.db.Target;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** {@code list_tables}: tables and views of the given schemas, terse by default. */
public final class ListTablesTool implements ToolHandler {
    private final DrydockConfig config;
    private final Databases databases;
    private final Redactor redactor;

    private final BranchTargets branches;

    public ListTablesTool(DrydockConfig config, Databases databases, Redactor redactor, BranchTargets branches) {
        this.branches = branches;
        this.config = config;
        this.databases = databases;
        this.redactor = redactor;
    }

    @Override
    public String name() {
        return "list_tables";
    }

    @Override
    public ListTablesResult call(Arguments args) {
        Target target = args.target(config, branches);
        List<String> schemas = args.strings("schemas", List.of("public"));
        boolean verbose = args.bool("verbose", false);
        try (Connection c = databases.openForRead(target)) {
            TableCatalog.Listing listing = TableCatalog.list(c, schemas, verbose);
            return new ListTablesResult(target.name(), schemas, verbose, listing.tables(), listing.views());
        } catch (SQLException e) {
            throw SqlErrors.translate(e, target.name(), redactor);
        }
    }
}
