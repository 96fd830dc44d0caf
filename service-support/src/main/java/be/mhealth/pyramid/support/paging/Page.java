package be.mhealth.pyramid.support.paging;

import java.util.List;
import java.util.function.Function;

import io.quarkus.hibernate.orm.panache.PanacheQuery;

/** One page of a list: its items, which page it is ({@code page} from 0, {@code size}) and how many there are. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public Page {
        items = List.copyOf(items);
    }

    /** The requested page of {@code query}'s results, and the count of all of them. */
    public static <T> Page<T> of(PanacheQuery<T> query, PageRequest request) {
        List<T> items = query.range(request.offset(), request.offset() + request.size() - 1).list();
        return new Page<>(items, request.page(), request.size(), query.count());
    }

    /** The same page with each item mapped (e.g. an entity to its API view). */
    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), page, size, total);
    }
}
