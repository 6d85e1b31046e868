package dk.fsc.assortment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import dk.fsc.testing.FscIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The public API other modules build on, against the demo assortment on the embedded PostgreSQL. */
@FscIntegrationTest
class AssortmentTest {

    static final ProductId ONE_PIECE_BAG = ProductId.of("b0000000-0000-4000-8000-000000000001");
    static final ProductId TWO_PIECE_BAG = ProductId.of("b0000000-0000-4000-8000-000000000003");
    static final ProductId FLAT_BASEPLATE = ProductId.of("b0000000-0000-4000-8000-000000000005");
    static final ProductId CONVEX_BASEPLATE = ProductId.of("b0000000-0000-4000-8000-000000000008");
    static final ProductId REPLACED_BASEPLATE = ProductId.of("b0000000-0000-4000-8000-000000000014");
    static final ProductId REPLACEMENT_BASEPLATE = ProductId.of("b0000000-0000-4000-8000-000000000015");
    static final ProductId OLDEST_BASEPLATE = ProductId.of("b0000000-0000-4000-8000-000000000016");
    static final ProductId DISCONTINUED_BAG = ProductId.of("b0000000-0000-4000-8000-000000000017");
    static final ProductId DISPENSER_CONNECT = ProductId.of("b0000000-0000-4000-8000-000000000042");

    @Autowired
    Assortment assortment;

    @Test
    void theFlatBaseplateCanBeCutFromTenToFortyFiveMillimetres() {
        ProductView plate = assortment.product(FLAT_BASEPLATE).orElseThrow();

        assertThat(plate.itemNumber()).isEqualTo("STO-1201");
        assertThat(plate.areaCode()).isEqualTo("STOMA");
        assertThat(plate.groupCode()).isEqualTo("STOMA_BASEPLATE");
        assertThat(plate.holeCutting()).isEqualTo(new HoleRange(10, 45));
        assertThat(plate.packSize()).isEqualTo(10);
        assertThat(plate.device()).isNull();
        assertThat(assortment.product(CONVEX_BASEPLATE).orElseThrow().holeCutting()).isEqualTo(new HoleRange(15, 35));
    }

    @Test
    void aDispenserModelCarriesItsFunctionsAndDoseSlots() {
        ProductView connect = assortment.product(DISPENSER_CONNECT).orElseThrow();

        assertThat(connect.areaCode()).isEqualTo("DISPENSER");
        assertThat(connect.device()).isNotNull();
        assertThat(connect.device().functions()).contains("REMOTE_MONITORING", "ALARM", "LOCKED_COMPARTMENTS");
        assertThat(connect.device().doseSlots()).isEqualTo(28);
    }

    @Test
    void thePriceOnADateIsTheOneWithTheLatestValidFromOnOrBeforeIt() {
        assertThat(assortment.priceOn(FLAT_BASEPLATE, LocalDate.of(2023, 12, 31))).isEmpty();
        assertThat(assortment.priceOn(FLAT_BASEPLATE, LocalDate.of(2024, 1, 1))).isEqualTo(OptionalLong.of(84900));
        assertThat(assortment.priceOn(FLAT_BASEPLATE, LocalDate.of(2024, 12, 31))).isEqualTo(OptionalLong.of(84900));
        assertThat(assortment.priceOn(FLAT_BASEPLATE, LocalDate.of(2025, 1, 1))).isEqualTo(OptionalLong.of(87400));
        assertThat(assortment.priceOn(FLAT_BASEPLATE, LocalDate.of(2026, 6, 30))).isEqualTo(OptionalLong.of(78600));
        assertThat(assortment.priceOn(FLAT_BASEPLATE, LocalDate.of(2027, 1, 1))).isEqualTo(OptionalLong.of(80200));
    }

    @Test
    void anActiveProductIsOfferedItself() {
        assertThat(assortment.offeredInPlaceOf(FLAT_BASEPLATE, LocalDate.of(2026, 11, 22)))
                .map(ProductView::id).contains(FLAT_BASEPLATE);
    }

    @Test
    void aProductThatLeftTheAssortmentIsOfferedAsTheActiveEndOfItsChainOfReplacements() {
        ProductView replaced = assortment.product(OLDEST_BASEPLATE).orElseThrow();
        assertThat(replaced.activeTo()).isEqualTo(LocalDate.of(2023, 12, 31));
        assertThat(replaced.replacedBy()).isEqualTo(REPLACED_BASEPLATE);

        assertThat(assortment.offeredInPlaceOf(OLDEST_BASEPLATE, LocalDate.of(2023, 6, 1)))
                .map(ProductView::id).contains(OLDEST_BASEPLATE);
        assertThat(assortment.offeredInPlaceOf(OLDEST_BASEPLATE, LocalDate.of(2025, 6, 1)))
                .map(ProductView::id).contains(REPLACED_BASEPLATE);
        assertThat(assortment.offeredInPlaceOf(OLDEST_BASEPLATE, LocalDate.of(2026, 11, 22)))
                .map(ProductView::id).contains(REPLACEMENT_BASEPLATE);
        assertThat(assortment.offeredInPlaceOf(REPLACED_BASEPLATE, LocalDate.of(2026, 1, 1)))
                .map(ProductView::id).contains(REPLACEMENT_BASEPLATE);
    }

    @Test
    void aProductThatLeftWithoutReplacementIsNotOffered() {
        assertThat(assortment.offeredInPlaceOf(DISCONTINUED_BAG, LocalDate.of(2025, 6, 30))).isPresent();
        assertThat(assortment.offeredInPlaceOf(DISCONTINUED_BAG, LocalDate.of(2025, 7, 1))).isEmpty();
        assertThat(assortment.offeredInPlaceOf(ProductId.of("b0000000-0000-4000-8000-000000009999"),
                LocalDate.of(2026, 1, 1))).isEmpty();
    }

    @Test
    void listsTheProductsActiveInAnAreaOrGroupOnADateByName() {
        List<ProductView> plates = assortment.activeInGroup("STOMA_BASEPLATE", LocalDate.of(2026, 11, 22));
        assertThat(plates).extracting(ProductView::id).contains(FLAT_BASEPLATE, CONVEX_BASEPLATE,
                REPLACEMENT_BASEPLATE).doesNotContain(REPLACED_BASEPLATE, OLDEST_BASEPLATE);
        assertThat(plates).extracting(ProductView::name).isSorted();
        assertThat(plates).allMatch(plate -> "STOMA_BASEPLATE".equals(plate.groupCode()));

        List<ProductView> stoma2025 = assortment.activeInArea("STOMA", LocalDate.of(2025, 3, 1));
        assertThat(stoma2025).extracting(ProductView::id).contains(ONE_PIECE_BAG, TWO_PIECE_BAG, REPLACED_BASEPLATE,
                DISCONTINUED_BAG).doesNotContain(REPLACEMENT_BASEPLATE, OLDEST_BASEPLATE);
        assertThat(stoma2025).allMatch(product -> product.areaCode().equals("STOMA"));
        assertThat(assortment.activeInArea("DISPENSER", LocalDate.of(2026, 11, 22))).hasSizeGreaterThanOrEqualTo(4);
        assertThat(assortment.activeInArea("TELEHEALTH", LocalDate.of(2026, 11, 22))).isNotEmpty();
    }

    @Test
    void readsSeveralProductsAtOnceLeavingOutUnknownIds() {
        ProductId unknown = ProductId.of("b0000000-0000-4000-8000-000000009998");

        Map<ProductId, ProductView> found = assortment.products(List.of(FLAT_BASEPLATE, ONE_PIECE_BAG, unknown));

        assertThat(found).containsOnlyKeys(FLAT_BASEPLATE, ONE_PIECE_BAG);
        assertThat(found.get(ONE_PIECE_BAG).itemNumber()).isEqualTo("STO-1001");
    }

    @Test
    void knowsTheAreasAndGroups() {
        assertThat(List.of("STOMA", "UROLOGY", "CONTINENCE", "DIABETES", "DISPENSER", "TELEHEALTH"))
                .allMatch(assortment::areaExists);
        assertThat(assortment.areaExists("stoma")).isFalse();
        assertThat(List.of("STOMA_BAG_ONE_PIECE", "STOMA_BAG_TWO_PIECE", "STOMA_BASEPLATE", "STOMA_ACCESSORY"))
                .allMatch(assortment::groupExists);
        assertThat(assortment.groupExists("NO_SUCH_GROUP")).isFalse();
    }
}
