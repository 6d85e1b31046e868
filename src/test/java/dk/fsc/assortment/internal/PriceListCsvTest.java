package dk.fsc.assortment.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dk.fsc.shared.problem.FieldError;
import dk.fsc.shared.problem.InvalidInputException;
import org.junit.jupiter.api.Test;

class PriceListCsvTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    static final UUID BAG = UUID.randomUUID();
    static final UUID PLATE = UUID.randomUUID();

    static PriceListCsv csv(Map<PriceRepository.Key, Long> existing) {
        return new PriceListCsv(Map.of("BAG-1", BAG, "PLATE-1", PLATE), existing, TODAY);
    }

    static List<FieldError> errors(String text) {
        try {
            csv(Map.of()).parse(text.getBytes(StandardCharsets.UTF_8));
        } catch (InvalidInputException e) {
            return e.errors();
        }
        throw new AssertionError("accepted: " + text);
    }

    @Test
    void readsWholeOrePricesFromTomorrowOn() {
        PriceListCsv.Parsed parsed = csv(Map.of())
                .parse("item_number,price_ore,valid_from\nBAG-1,12950,2026-11-23\n PLATE-1 , 0 ,2027-01-01\n"
                        .getBytes(StandardCharsets.UTF_8));

        assertThat(parsed.prices()).containsExactly(
                new PriceListCsv.Line(2, BAG, LocalDate.of(2026, 11, 23), 12950),
                new PriceListCsv.Line(3, PLATE, LocalDate.of(2027, 1, 1), 0));
    }

    @Test
    void countsAPriceAlreadyRecordedWithTheSameAmountAsUnchanged() {
        PriceListCsv.Parsed parsed = csv(Map.of(new PriceRepository.Key(BAG, LocalDate.of(2027, 1, 1)), 100L))
                .parse("item_number,price_ore,valid_from\nBAG-1,100,2027-01-01\n".getBytes(StandardCharsets.UTF_8));

        assertThat(parsed.prices()).isEmpty();
        assertThat(parsed.unchanged()).isEqualTo(1);
    }

    @Test
    void rejectsPricesThatAreNotWholeNonNegativeOre() {
        assertThat(errors("item_number,price_ore,valid_from\nBAG-1,129.50,2027-01-01\nPLATE-1,-1,2027-01-01\n"))
                .extracting(FieldError::message)
                .containsExactly("assortment.pricelist.notOre", "assortment.pricelist.negative");
        assertThat(errors("item_number,price_ore,valid_from\nBAG-1,99999999999999,2027-01-01\n"))
                .extracting(FieldError::message).containsExactly("assortment.pricelist.tooHigh");
    }

    @Test
    void readsADanishHeaderWithPricesInKronerAsDanesWriteThem() {
        PriceListCsv.Parsed parsed = csv(Map.of()).parse(
                "Varenummer;Pris;Gyldig_fra\nBAG-1;810,00;2026-11-23\nPLATE-1;1.234,5 kr;2027-01-01\n"
                        .getBytes(StandardCharsets.UTF_8));

        assertThat(parsed.prices()).containsExactly(
                new PriceListCsv.Line(2, BAG, LocalDate.of(2026, 11, 23), 81000),
                new PriceListCsv.Line(3, PLATE, LocalDate.of(2027, 1, 1), 123450));
        assertThat(errors("varenummer;pris;gyldig_fra\nBAG-1;8,1,0;2027-01-01\nPLATE-1;-5;2027-01-01\n"))
                .extracting(FieldError::message)
                .containsExactly("assortment.pricelist.notKroner", "assortment.pricelist.notKroner");
    }

    @Test
    void rejectsTodayAsValidFrom() {
        assertThat(errors("item_number,price_ore,valid_from\nBAG-1,100,2026-11-22\n")).extracting(FieldError::field)
                .containsExactly("line 2");
    }

    @Test
    void namesTheLineOfTheFirstByteThatIsNotUtf8() {
        byte[] windows1252 = "item_number,price_ore,valid_from\nBAG-1,100,2027-01-01\nSTØR,1,2027-01-01\n"
                .getBytes(java.nio.charset.Charset.forName("windows-1252"));

        assertThatThrownBy(() -> csv(Map.of()).parse(windows1252)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("line 3"));
    }
}
