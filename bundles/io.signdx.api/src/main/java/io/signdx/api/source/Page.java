package io.signdx.api.source;

import java.util.List;

/**
 * One page of results.
 *
 * @param <T> item type
 * @param items the items of this page
 * @param offset the offset of the first item
 * @param total the number of matching items in all pages, or -1 when the source cannot count cheaply
 */
public record Page<T>(List<T> items, int offset, long total) {
    /** Copies the items so the page stays immutable. */
    public Page {
        items = List.copyOf(items);
    }

    /** True when more items follow this page (always true when the total is unknown and the page is non-empty). */
    public boolean hasMore() {
        return total < 0 ? !items.isEmpty() : offset + items.size() < total;
    }
}
