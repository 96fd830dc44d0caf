package be.mhealth.pyramid.support.paging;

/**
 * Which page of a list a client asks for: {@code page} counts from 0, {@code size} is 1 to {@value #MAX_SIZE}
 * (default {@value #DEFAULT_SIZE}). A page lies within what a query can address: its last row's offset fits an
 * {@code int} ({@link #maxPage}), so no offset ever overflows.
 */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    public PageRequest {
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size must be 1 to " + MAX_SIZE + ": " + size);
        }
        if (page < 0 || page > maxPage(size)) {
            throw new IllegalArgumentException("page must be 0 to " + maxPage(size) + ": " + page);
        }
    }

    /** The first page of the default size. */
    public static PageRequest first() {
        return new PageRequest(0, DEFAULT_SIZE);
    }

    /** The highest page number of {@code size} whose rows' offsets all fit an {@code int}. */
    public static int maxPage(int size) {
        return (Integer.MAX_VALUE - size) / size;
    }

    /** The offset of the page's first row. */
    public int offset() {
        return page * size;
    }
}
