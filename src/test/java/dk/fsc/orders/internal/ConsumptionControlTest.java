package dk.fsc.orders.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dk.fsc.assortment.HoleRange;
import dk.fsc.assortment.ProductId;
import dk.fsc.assortment.ProductView;
import dk.fsc.grants.GrantId;
import dk.fsc.grants.GrantedLine;
import dk.fsc.grants.LimitPeriod;
import dk.fsc.reference.MunicipalityCode;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class ConsumptionControlTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    static final ProductView PLATE = product("STO-1201", "STOMA_BASEPLATE", new HoleRange(10, 45), null, null);
    static final ProductView BAG = product("STO-1001", "STOMA_BAG_ONE_PIECE", null, null, null);
    static final ProductView NEW_PLATE = product("STO-1192", "STOMA_BASEPLATE", new HoleRange(10, 38), null, null);
    static final ProductView OLD_PLATE = product("STO-1191", "STOMA_BASEPLATE", new HoleRange(10, 35),
            LocalDate.of(2025, 12, 31), NEW_PLATE.id());

    static ProductView product(String item, String group, @Nullable HoleRange holes, @Nullable LocalDate activeTo,
            @Nullable ProductId replacedBy) {
        return new ProductView(new ProductId(UUID.randomUUID()), item, item, "STOMA", group, "stk", 10, null,
                LocalDate.of(2024, 1, 1), activeTo, replacedBy, holes, null);
    }

    static final MunicipalityCode AARHUS = new MunicipalityCode("751");

    static GrantedLine productLine(ProductView product, int quantity, LimitPeriod period) {
        return new GrantedLine(new GrantId(UUID.randomUUID()), UUID.randomUUID(), AARHUS, product.id(), null, null,
                quantity, period, LocalDate.of(2026, 1, 1), null);
    }

    static GrantedLine areaLine(int quantity) {
        return new GrantedLine(new GrantId(UUID.randomUUID()), UUID.randomUUID(), AARHUS, null, "STOMA", null,
                quantity, LimitPeriod.MONTH, LocalDate.of(2026, 1, 1), null);
    }

    static List<ConsumptionControl.Decision> decide(List<ConsumptionControl.Request> requests, List<GrantedLine> lines,
            Map<UUID, Integer> used) {
        Map<ProductId, ProductView> products = new HashMap<>();
        for (ProductView product : List.of(PLATE, BAG, NEW_PLATE, OLD_PLATE)) {
            products.put(product.id(), product);
        }
        return ConsumptionControl.decide(requests, TODAY, products, lines,
                id -> id.equals(OLD_PLATE.id()) ? Optional.of(NEW_PLATE) : Optional.empty(), used);
    }

    static ConsumptionControl.Request request(ProductView product, int quantity, @Nullable Integer hole) {
        return new ConsumptionControl.Request(product.id(), quantity, hole);
    }

    @Test
    void aLineWithinWhatRemainsOfThePeriodIsAccepted() {
        GrantedLine line = productLine(PLATE, 20, LimitPeriod.MONTH);

        ConsumptionControl.Decision decision = decide(List.of(request(PLATE, 5, 30)), List.of(line),
                Map.of(line.lineId(), 15)).getFirst();

        assertThat(decision.outcome()).isEqualTo(ConsumptionControl.Outcome.ACCEPTED);
        assertThat(decision.period()).isEqualTo(new LimitPeriod.Range(LocalDate.of(2026, 11, 1),
                LocalDate.of(2026, 11, 30)));
    }

    @Test
    void aLineThatTakesThePeriodOverItsLimitNeedsApproval() {
        GrantedLine line = productLine(PLATE, 20, LimitPeriod.QUARTER);

        ConsumptionControl.Decision decision = decide(List.of(request(PLATE, 6, null)), List.of(line),
                Map.of(line.lineId(), 15)).getFirst();

        assertThat(decision.outcome()).isEqualTo(ConsumptionControl.Outcome.NEEDS_APPROVAL);
        assertThat(decision.reason()).isEqualTo(new ConsumptionControl.Reason("over-limit",
                List.of("21", "20", "2026-10-01", "2026-12-31")));
    }

    @Test
    void linesOfOneOrderCountTogetherAgainstTheSameGrantLine() {
        GrantedLine area = areaLine(10);

        List<ConsumptionControl.Decision> decisions = decide(List.of(request(PLATE, 6, null), request(BAG, 6, null)),
                List.of(area), Map.of());

        assertThat(decisions).extracting(ConsumptionControl.Decision::outcome)
                .containsExactly(ConsumptionControl.Outcome.ACCEPTED, ConsumptionControl.Outcome.NEEDS_APPROVAL);
    }

    @Test
    void theMostSpecificGrantLineCoversAProduct() {
        GrantedLine area = areaLine(100);
        GrantedLine plates = productLine(PLATE, 5, LimitPeriod.MONTH);

        ConsumptionControl.Decision decision = decide(List.of(request(PLATE, 6, null)), List.of(area, plates), Map.of())
                .getFirst();

        assertThat(decision.grantLine()).isEqualTo(plates);
        assertThat(decision.outcome()).isEqualTo(ConsumptionControl.Outcome.NEEDS_APPROVAL);
    }

    @Test
    void aGrantOfAReplacedProductCoversItsReplacementAndTheOldProductIsRefusedNamingIt() {
        GrantedLine old = productLine(OLD_PLATE, 10, LimitPeriod.MONTH);

        List<ConsumptionControl.Decision> decisions = decide(List.of(request(NEW_PLATE, 2, null),
                request(OLD_PLATE, 2, null)), List.of(old), Map.of());

        assertThat(decisions.get(0).outcome()).isEqualTo(ConsumptionControl.Outcome.ACCEPTED);
        assertThat(decisions.get(0).grantLine()).isEqualTo(old);
        assertThat(decisions.get(1).outcome()).isEqualTo(ConsumptionControl.Outcome.REJECTED);
        assertThat(decisions.get(1).replacement()).isEqualTo(NEW_PLATE.id());
    }

    @Test
    void holesAreCutOnlyInPlatesThatCanBeCutWithinTheirRange() {
        List<GrantedLine> lines = List.of(areaLine(100));

        List<ConsumptionControl.Decision> decisions = decide(List.of(request(PLATE, 1, 46), request(PLATE, 1, 10),
                request(BAG, 1, 20)), lines, Map.of());

        assertThat(decisions).extracting(decision -> decision.reason() == null ? "" : decision.reason().code())
                .containsExactly("hole-out-of-range", "", "not-cuttable");
    }

    @Test
    void aProductNoGrantCoversIsRefused() {
        ConsumptionControl.Decision decision = decide(List.of(request(BAG, 1, null)),
                List.of(productLine(PLATE, 10, LimitPeriod.YEAR)), Map.of()).getFirst();

        assertThat(decision.outcome()).isEqualTo(ConsumptionControl.Outcome.REJECTED);
        assertThat(decision.reason().code()).isEqualTo("not-granted");
        assertThat(decision.grantLine()).isNull();
    }
}
