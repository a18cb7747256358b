package dev.drydock.audit;

/**
 * A tool result that knows more about its call than the arguments say (the migration's checksums,
 * the guards that ran, the plan and its approver): the audit record takes those from here.
 */
public interface Audited {
    AuditRecord.Details auditDetails();
}
