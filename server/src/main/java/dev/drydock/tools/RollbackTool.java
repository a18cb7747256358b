package dev.drydock.tools;

import dev.drydock.policy.Promoter;

/** {@code rollback}: the newest applied migrations undone with their stored, tested rollback SQL; a dry run by default. */
public final class RollbackTool implements ToolHandler {
    private final Promoter promoter;

    public RollbackTool(Promoter promoter) {
        this.promoter = promoter;
    }

    @Override
    public String name() {
        return "rollback";
    }

    @Override
    public PromotionResult call(Arguments args) {
        return PromotionResult.of(promoter.rollback(args.string("target", null), args.string("version", null),
                args.bool("dry_run", true), args.context(), args::noteAudit));
    }
}
