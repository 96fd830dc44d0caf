package be.mhealth.pyramid.m3.api;

import java.util.List;

/** One page of a list: {@code page} is zero-based, {@code total} counts every match. */
public record PageView<T>(List<T> items, int page, int size, long total) {
}
