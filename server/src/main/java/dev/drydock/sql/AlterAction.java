package dev.drydock.sql;

/**
 * One sub-command of {@code ALTER TABLE}.
 *
 * @param column     the column it acts on, or null (for RENAME COLUMN its old name)
 * @param columnDef  for ADD COLUMN
 * @param constraint for ADD CONSTRAINT (and ADD PRIMARY KEY / UNIQUE)
 * @param name       the constraint for DROP/VALIDATE/RENAME CONSTRAINT, the new name for RENAME COLUMN and
 *                   RENAME TO, the new type for ALTER COLUMN TYPE (lower case), the expression for SET DEFAULT,
 *                   the partition for ATTACH/DETACH
 * @param at         the token the sub-command starts at, for positions in findings
 * @param newName    for RENAME COLUMN, RENAME TO and RENAME CONSTRAINT: the name it is given; null otherwise
 */
public record AlterAction(StatementKind kind, String column, Detail.Column columnDef, Detail.Constraint constraint,
                          String name, boolean concurrently, LockLevel lock, boolean rewrites, boolean scans,
                          Token at, String newName) {
}
