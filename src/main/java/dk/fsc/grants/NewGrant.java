package dk.fsc.grants;

import java.time.LocalDate;
import java.util.List;

import dk.fsc.assortment.ProductId;
import org.jspecify.annotations.Nullable;

/**
 * A new grant as another module asks {@link Grants#make} for it: the same terms the grants page
 * and {@code POST /api/v1/citizens/{id}/grants} take, checked by the same rules.
 *
 * @param lines each names exactly one of a product or device model, a product area or a group
 */
public record NewGrant(@Nullable LocalDate validFrom, @Nullable LocalDate validTo, @Nullable String note,
        List<Line> lines) {

    public NewGrant {
        lines = List.copyOf(lines);
    }

    /** One thing granted and its limit: {@code quantity} per {@code period}. */
    public record Line(@Nullable ProductId productId, @Nullable String area, @Nullable String group,
            @Nullable Long quantity, @Nullable LimitPeriod period) {
    }
}
