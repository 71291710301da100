package jp.linkage.hub.core.permission;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import jp.linkage.hub.layout.LayoutCatalog;
import org.junit.jupiter.api.Test;

/**
 * Every item a permission row lets someone query must have a data standard layout: the 2017 audit
 * (会計検査院, 事例4) found rows whose items the layouts did not define, and linkage slipped a year.
 */
class PermissionTableLayoutCoverageTest {

    @Test
    void everyPermittedItemHasALayout() {
        LayoutCatalog layouts = LayoutCatalog.loadFromClasspath();
        List<String> missing = PermissionTable.loadFromClasspath().versions().stream()
                .flatMap(v -> v.rows().stream()
                        .filter(r -> !layouts.hasItem(r.itemCode()))
                        .map(r -> v.version() + " " + r.rowId() + " " + r.itemCode()))
                .toList();
        assertEquals(List.of(), missing);
    }
}
