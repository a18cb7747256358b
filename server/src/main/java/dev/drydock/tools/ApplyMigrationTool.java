package dev.drydock.tools;

import dev.drydock.policy.Promoter;

/** {@code apply_migration}: the project's pending migrations onto a target, through every guard. */
public final class ApplyMigrationTool implements ToolHandler {
    private final Promoter promoter;

    public ApplyMigrationTool(Promoter promoter) {
        this.promoter = promoter;
    }

    @Override
    public String name() {
        return "apply_migration";
    }

    @Override
    public PromotionResult call(Arguments args) {
        return PromotionResult.of(promoter.apply(args.string("target", null), args.string("version", null),
                args.bool("dry_run", false), args.context(), args::noteAudit));
    }
}
