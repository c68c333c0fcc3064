package org.rectify.ledger.ui;

import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.provider.hierarchy.AbstractBackEndHierarchicalDataProvider;
import com.vaadin.flow.data.provider.hierarchy.HierarchicalQuery;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.rectify.ledger.LedgerFilter;
import org.rectify.ledger.LedgerGroup;
import org.rectify.ledger.LedgerGrouping;
import org.rectify.ledger.LedgerService;
import org.rectify.ledger.LedgerSort;
import org.rectify.ledger.ui.LedgerRow.GroupRow;
import org.rectify.ledger.ui.LedgerRow.MeasureRow;

/**
 * Lazy rows for the ledger's tree grid. The top level is the groups (few, with totals from one GROUP BY query) or,
 * ungrouped, the measures themselves; a group's children are fetched page by page as the user scrolls.
 */
class LedgerDataProvider extends AbstractBackEndHierarchicalDataProvider<LedgerRow, Void> {

    private final LedgerService service;
    private final LedgerFilter filter;
    private final LedgerGrouping grouping;
    private final List<LedgerGroup> groups;
    /** How many rows match: known from the totals read with the groups, so the grid never counts again. */
    private final long matching;

    LedgerDataProvider(LedgerService service, LedgerFilter filter, LedgerGrouping grouping,
            LedgerService.Overview overview) {
        this.service = service;
        this.filter = filter.copy();
        this.grouping = grouping;
        this.groups = overview.groups();
        this.matching = overview.totals().total();
    }

    @Override
    public int getChildCount(HierarchicalQuery<LedgerRow, Void> query) {
        LedgerRow parent = query.getParent();
        if (parent == null) {
            return grouping == LedgerGrouping.NONE ? (int) matching : groups.size();
        }
        return parent instanceof GroupRow g ? (int) g.group().total() : 0;
    }

    @Override
    public boolean hasChildren(LedgerRow item) {
        return item instanceof GroupRow;
    }

    @Override
    public Object getId(LedgerRow item) {
        return item.id();
    }

    @Override
    protected Stream<LedgerRow> fetchChildrenFromBackEnd(HierarchicalQuery<LedgerRow, Void> query) {
        LedgerRow parent = query.getParent();
        int offset = query.getOffset();
        int limit = query.getLimit();
        if (parent == null && grouping != LedgerGrouping.NONE) {
            return groups.stream().skip(offset).limit(limit).map(GroupRow::new);
        }
        LedgerGroup group = parent instanceof GroupRow g ? g.group() : null;
        var measures = service.find(filter, group, offset, limit, sorts(query.getSortOrders()),
                group == null ? matching : group.total());
        return IntStream.range(0, measures.size()).mapToObj(i -> new MeasureRow(measures.get(i), offset + i + 1));
    }

    private static List<LedgerSort> sorts(List<QuerySortOrder> orders) {
        return orders.stream()
                .map(o -> new LedgerSort(LedgerSort.Field.valueOf(o.getSorted()),
                        o.getDirection() == SortDirection.ASCENDING))
                .toList();
    }

    List<LedgerGroup> groups() {
        return groups;
    }
}
