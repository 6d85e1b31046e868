package dk.fsc.orders.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dk.fsc.assortment.Assortment;
import dk.fsc.assortment.HoleRange;
import dk.fsc.assortment.ProductId;
import dk.fsc.assortment.ProductView;
import dk.fsc.shared.problem.FieldError;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Checks the lines of an order or a standing order in one pass, every field of every line,
 * so that whoever typed them sees all that is wrong at once: the product, the quantity and the
 * hole size. A plate that is cut to fit (the assortment gives its hole range) needs a hole size
 * within that range; a product that is not cut takes none.
 */
@Component
class OrderLines {

    static final int MAX_LINES = 100;
    static final int MAX_QUANTITY = 10_000;

    private final Assortment assortment;

    OrderLines(Assortment assortment) {
        this.assortment = assortment;
    }

    /** The valid lines as requests; what is wrong with the others is added to {@code errors}. */
    List<ConsumptionControl.Request> check(@Nullable List<PlaceOrder.@Nullable LineCommand> lines,
            List<FieldError> errors) {
        if (lines == null || lines.isEmpty()) {
            errors.add(FieldError.of("lines", "orders.error.noLines"));
            return List.of();
        }
        if (lines.size() > MAX_LINES) {
            errors.add(FieldError.of("lines", "orders.error.tooManyLines", MAX_LINES));
            return List.of();
        }
        Map<ProductId, ProductView> products = assortment.products(lines.stream()
                .filter(line -> line != null && line.productId() != null)
                .map(line -> new ProductId(line.productId())).toList());
        List<ConsumptionControl.Request> requests = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String field = "lines[" + i + "]";
            PlaceOrder.LineCommand line = lines.get(i);
            int before = errors.size();
            ProductView product = null;
            if (line == null || line.productId() == null) {
                errors.add(FieldError.of(field + ".productId", "orders.error.product"));
            } else {
                product = products.get(new ProductId(line.productId()));
                if (product == null) {
                    errors.add(FieldError.of(field + ".productId", "orders.error.unknownProduct"));
                }
            }
            Long quantity = line == null ? null : line.quantity();
            if (quantity == null || quantity < 1 || quantity > MAX_QUANTITY) {
                errors.add(FieldError.of(field + ".quantity", "orders.error.quantity", MAX_QUANTITY));
            }
            Long hole = line == null ? null : line.holeDiameterMm();
            if (product != null) {
                checkHole(product.holeCutting(), hole, field + ".holeDiameterMm", errors);
            }
            if (errors.size() > before) {
                continue;
            }
            if (!seen.add(line.productId() + ":" + hole)) {
                errors.add(FieldError.of(field, "orders.error.duplicateLine"));
                continue;
            }
            requests.add(new ConsumptionControl.Request(product.id(), quantity.intValue(),
                    hole == null ? null : hole.intValue()));
        }
        return requests;
    }

    private static void checkHole(@Nullable HoleRange range, @Nullable Long hole, String field,
            List<FieldError> errors) {
        if (range == null) {
            if (hole != null) {
                errors.add(FieldError.of(field, "orders.reason.not-cuttable"));
            }
        } else if (hole == null) {
            errors.add(FieldError.of(field, "orders.error.holeMissing", range.minMm(), range.maxMm()));
        } else if (hole < range.minMm() || hole > range.maxMm()) {
            errors.add(FieldError.of(field, "orders.error.holeOutOfRange", range.minMm(), range.maxMm()));
        }
    }
}
