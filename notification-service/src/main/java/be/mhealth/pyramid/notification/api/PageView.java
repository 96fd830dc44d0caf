package be.mhealth.pyramid.notification.api;

import java.util.List;
import java.util.function.Function;

import io.quarkus.hibernate.orm.panache.PanacheQuery;

/** One page of a list; {@code page} counts from 0 and {@code size} is at most {@value #MAX_SIZE}. */
public record PageView<T>(List<T> items, int page, int size, long total) {

    public static final int MAX_SIZE = 100;
    public static final String DEFAULT_SIZE = "20";

    static <E, T> PageView<T> of(PanacheQuery<E> query, int page, int size, Function<E, T> mapper) {
        List<T> items = query.page(page, size).list().stream().map(mapper).toList();
        return new PageView<>(items, page, size, query.count());
    }
}
