package dk.fsc.shared.web;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list endpoint's answer: the items and where they sit in the whole list
 * ({@code docs/api.md}).
 */
public record Paged<T>(List<T> items, int page, int size, long totalElements, int totalPages) {

    public static <T> Paged<T> of(List<T> items, PageQuery query, long totalElements) {
        int pages = (int) ((totalElements + query.size() - 1) / query.size());
        return new Paged<>(List.copyOf(items), query.page(), query.size(), totalElements, pages);
    }

    public <R> Paged<R> map(Function<T, R> mapper) {
        return new Paged<>(items.stream().map(mapper).toList(), page, size, totalElements, totalPages);
    }

    /** The same page with its items transformed together, e.g. to load their details in one query. */
    public <R> Paged<R> mapAll(Function<List<T>, List<R>> mapper) {
        return new Paged<>(List.copyOf(mapper.apply(items)), page, size, totalElements, totalPages);
    }
}
