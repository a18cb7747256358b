package dev.drydock.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/** The objects that differ between two snapshots: added, removed or changed, in key order. */
public final class SnapshotDiff {
    private SnapshotDiff() {
    }

    public static List<SchemaDifference> between(SchemaSnapshot before, SchemaSnapshot after) {
        SortedSet<String> keys = new TreeSet<>(before.objects().keySet());
        keys.addAll(after.objects().keySet());
        List<SchemaDifference> out = new ArrayList<>();
        for (String key : keys) {
            String was = before.objects().get(key);
            String is = after.objects().get(key);
            if (!Objects.equals(was, is)) {
                int space = key.indexOf(' ');
                out.add(space < 0 ? new SchemaDifference(key, "", was, is)
                        : new SchemaDifference(key.substring(0, space), key.substring(space + 1), was, is));
            }
        }
        return List.copyOf(out);
    }
}
