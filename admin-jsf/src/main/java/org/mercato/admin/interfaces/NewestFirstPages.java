package org.mercato.admin.interfaces;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Reads any window of a list that an API serves only newest first, in pages of a fixed size, in either order: the
 * oldest-first window {@code [first, first + count)} is the newest-first window counted from the end, read from
 * at most two of the API's pages and reversed.
 */
final class NewestFirstPages {

    /** One page of the API's newest-first list. */
    interface PageReader<T> {
        List<T> page(int page, int size);
    }

    private NewestFirstPages() {
    }

    static <T> List<T> window(PageReader<T> reader, long total, int first, int count, boolean oldestFirst) {
        if (count <= 0 || first >= total) {
            return List.of();
        }
        if (!oldestFirst) {
            return range(reader, first, (int) Math.min(total, (long) first + count), count);
        }
        int end = (int) (total - first);
        int start = Math.max(0, end - count);
        List<T> items = new ArrayList<>(range(reader, start, end, count));
        Collections.reverse(items);
        return items;
    }

    /** Newest-first positions {@code [start, end)}, read with pages of {@code size}. */
    private static <T> List<T> range(PageReader<T> reader, int start, int end, int size) {
        List<T> items = new ArrayList<>();
        for (int page = start / size; page * size < end; page++) {
            List<T> read = reader.page(page, size);
            for (int i = 0; i < read.size(); i++) {
                int position = page * size + i;
                if (position >= start && position < end) {
                    items.add(read.get(i));
                }
            }
            if (read.size() < size) {
                break;
            }
        }
        return items;
    }
}
