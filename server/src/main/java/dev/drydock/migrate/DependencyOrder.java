package dev.drydock.migrate;

import dev.drydock.migrate.MigrationPlan.Ordering;
import dev.drydock.migrate.MigrationPlan.OrderingIssue;
import dev.drydock.sql.StatementInfo;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds statements that use an object the migration creates only later (a foreign key before its
 * referenced table, a policy or index before its table, a trigger before its function, a column type
 * before the type) and proposes an order that works: a stable topological sort, where each statement
 * keeps its place unless it must wait for a creator. A cycle cannot be fixed by reordering.
 */
final class DependencyOrder {
    private DependencyOrder() {
    }

    static Ordering of(ScriptObjects script, boolean noTransaction) {
        List<StatementInfo> statements = script.statements();
        List<OrderingIssue> issues = new ArrayList<>();
        List<Set<Integer>> waitsFor = new ArrayList<>();
        for (int i = 0; i < statements.size(); i++) {
            Set<Integer> creators = new TreeSet<>();
            for (String key : script.requires(i)) {
                int by = script.creatorOf(key);
                if (by > i) {
                    issues.add(issue(statements.get(i), key, statements.get(by)));
                }
                if (by >= 0 && by != i) {
                    creators.add(by);
                }
            }
            waitsFor.add(creators);
        }
        if (issues.isEmpty()) {
            return new Ordering(true, List.of(), List.of(), null, List.of(), null);
        }
        List<Integer> order = stableTopologicalOrder(waitsFor);
        if (order.size() < statements.size()) {
            List<Integer> cycle = new ArrayList<>();
            for (int i = 0; i < statements.size(); i++) {
                if (!order.contains(i)) {
                    cycle.add(i);
                }
            }
            return new Ordering(false, issues, List.of(), null, cycle, "Statements " + cycle + " wait for each other: "
                    + "no order works. Break the cycle, e.g. create both tables first and add the foreign key with "
                    + "ALTER TABLE … ADD CONSTRAINT afterwards.");
        }
        return new Ordering(false, issues, order, sql(statements, order, noTransaction), List.of(),
                "Run the statements in correctedOrder (correctedSql holds the migration in that order).");
    }

    private static OrderingIssue issue(StatementInfo user, String key, StatementInfo creator) {
        String object = ScriptObjects.display(key);
        return new OrderingIssue(user.statement().index(), user.line(), object, creator.statement().index(),
                "Statement " + user.statement().index() + " (" + user.kind() + ", line " + user.line() + ") needs "
                        + object + ", which statement " + creator.statement().index() + " (" + creator.kind() + ", line "
                        + creator.line() + ") creates later.");
    }

    /** Kahn's algorithm taking the lowest ready index first: the original order wherever the dependencies allow it. */
    private static List<Integer> stableTopologicalOrder(List<Set<Integer>> waitsFor) {
        int n = waitsFor.size();
        int[] pending = new int[n];
        List<List<Integer>> unblocks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            unblocks.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            pending[i] = waitsFor.get(i).size();
            for (int by : waitsFor.get(i)) {
                unblocks.get(by).add(i);
            }
        }
        PriorityQueue<Integer> ready = new PriorityQueue<>();
        for (int i = 0; i < n; i++) {
            if (pending[i] == 0) {
                ready.add(i);
            }
        }
        List<Integer> order = new ArrayList<>();
        while (!ready.isEmpty()) {
            int next = ready.poll();
            order.add(next);
            for (int waiting : unblocks.get(next)) {
                if (--pending[waiting] == 0) {
                    ready.add(waiting);
                }
            }
        }
        return order;
    }

    /** The statements in {@code order}, each with the comments written above it; the directive stays first. */
    private static String sql(List<StatementInfo> statements, List<Integer> order, boolean noTransaction) {
        StringBuilder sb = new StringBuilder(noTransaction && order.get(0) != 0 ? "-- drydock:no-transaction\n" : "");
        for (int i : order) {
            sb.append(statements.get(i).statement().text().strip()).append(";\n");
        }
        return sb.toString();
    }
}
