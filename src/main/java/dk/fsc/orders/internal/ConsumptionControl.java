package dk.fsc.orders.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import dk.fsc.assortment.HoleRange;
import dk.fsc.assortment.ProductId;
import dk.fsc.assortment.ProductView;
import dk.fsc.grants.GrantedLine;
import dk.fsc.grants.LimitPeriod;
import org.jspecify.annotations.Nullable;

/**
 * Consumption control (forbrugsstyring), as a rule without a database: what happens to each
 * line of an order, given the citizen's grant lines in force on the order date and how much
 * has already been ordered under each of them in its current period.
 * <ul>
 * <li>A product that has left the assortment is refused, naming its replacement if there is one.</li>
 * <li>A hole diameter is allowed only for a plate that can be cut, within its range.</li>
 * <li>A product is covered by the most specific grant line in force: one naming the product
 * (or a product it replaces), else its product group, else its area; the oldest grant first.</li>
 * <li>A line that takes the period's consumption over the limit needs the caseworker's approval;
 * so does the order it is in. Lines of one order count together.</li>
 * </ul>
 */
final class ConsumptionControl {

    private ConsumptionControl() {
    }

    enum Outcome {
        ACCEPTED, NEEDS_APPROVAL, REJECTED
    }

    record Request(ProductId productId, int quantity, @Nullable Integer holeDiameterMm) {
    }

    /** Why a line was refused or waits: a message code of the {@code orders} bundle and its arguments. */
    record Reason(String code, List<String> args) {
    }

    record Decision(Request request, Outcome outcome, @Nullable Reason reason, @Nullable ProductId replacement,
            @Nullable GrantedLine grantLine, LimitPeriod.@Nullable Range period) {
    }

    /**
     * @param products   the requested products and the products the grant lines name
     * @param offered    what the assortment offers in place of a product on the order date
     * @param used       per grant line id, the quantity already ordered in the period that contains {@code date}
     */
    static List<Decision> decide(List<Request> requests, LocalDate date, Map<ProductId, ProductView> products,
            List<GrantedLine> lines, Function<ProductId, Optional<ProductView>> offered, Map<UUID, Integer> used) {
        Map<UUID, Integer> consumption = new HashMap<>(used);
        List<Decision> decisions = new ArrayList<>();
        for (Request request : requests) {
            ProductView product = products.get(request.productId());
            if (product == null) {
                throw new IllegalArgumentException("unknown product " + request.productId());
            }
            decisions.add(decide(request, product, date, products, lines, offered, consumption));
        }
        return decisions;
    }

    private static Decision decide(Request request, ProductView product, LocalDate date,
            Map<ProductId, ProductView> products, List<GrantedLine> lines,
            Function<ProductId, Optional<ProductView>> offered, Map<UUID, Integer> consumption) {
        if (!product.activeOn(date)) {
            Optional<ProductView> replacement = offered.apply(product.id());
            return replacement
                    .map(other -> rejected(request, new Reason("replaced", List.of(other.name(), other.itemNumber())),
                            other.id()))
                    .orElseGet(() -> rejected(request, new Reason("left-assortment", List.of()), null));
        }
        Integer hole = request.holeDiameterMm();
        HoleRange range = product.holeCutting();
        if (hole != null && range == null) {
            return rejected(request, new Reason("not-cuttable", List.of()), null);
        }
        if (hole != null && !range.allows(hole)) {
            return rejected(request, new Reason("hole-out-of-range",
                    List.of(hole.toString(), Integer.toString(range.minMm()), Integer.toString(range.maxMm()))), null);
        }
        Optional<GrantedLine> covering = lines.stream()
                .filter(line -> covers(line, product, date, products, offered))
                .max(Comparator.comparingInt(GrantedLine::specificity));
        if (covering.isEmpty()) {
            return rejected(request, new Reason("not-granted", List.of()), null);
        }
        GrantedLine line = covering.get();
        LimitPeriod.Range period = line.period().containing(date);
        int after = consumption.merge(line.lineId(), request.quantity(), Integer::sum);
        if (after > line.quantity()) {
            return new Decision(request, Outcome.NEEDS_APPROVAL, new Reason("over-limit", List.of(
                    Integer.toString(after), Integer.toString(line.quantity()), period.from().toString(),
                    period.to().toString())), null, line, period);
        }
        return new Decision(request, Outcome.ACCEPTED, null, null, line, period);
    }

    /** A line naming a product that has left the assortment covers what replaces it. */
    private static boolean covers(GrantedLine line, ProductView product, LocalDate date,
            Map<ProductId, ProductView> products, Function<ProductId, Optional<ProductView>> offered) {
        if (line.productId() != null) {
            if (line.productId().equals(product.id())) {
                return true;
            }
            ProductView granted = products.get(line.productId());
            return granted != null && !granted.activeOn(date)
                    && offered.apply(granted.id()).map(ProductView::id).filter(product.id()::equals).isPresent();
        }
        if (line.groupCode() != null) {
            return line.groupCode().equals(product.groupCode());
        }
        return line.areaCode() != null && line.areaCode().equals(product.areaCode());
    }

    private static Decision rejected(Request request, Reason reason, @Nullable ProductId replacement) {
        return new Decision(request, Outcome.REJECTED, reason, replacement, null, null);
    }
}
