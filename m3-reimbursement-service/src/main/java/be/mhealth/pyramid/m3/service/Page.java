package be.mhealth.pyramid.m3.service;

import java.util.List;

import io.quarkus.hibernate.orm.panache.PanacheQuery;

/** One page of a query's results and the number of all its results. */
public record Page<T>(List<T> items, long total) {

    static <T> Page<T> of(PanacheQuery<T> query, int page, int size) {
        return new Page<>(query.page(page, size).list(), query.count());
    }
}
