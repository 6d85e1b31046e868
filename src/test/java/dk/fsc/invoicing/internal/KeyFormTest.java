package dk.fsc.invoicing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dk.fsc.reference.Payer;
import dk.fsc.shared.problem.FieldError;
import org.junit.jupiter.api.Test;

/** The editor's form fields read into the API's key, and the key's reasons named by their form fields. */
class KeyFormTest {

    @Test
    void e1IsThreeLevelsOfTheForm() {
        KeyForm form = KeyForm.read(Map.of("key.type", "equal", "key.part.REGION-1083", "1", "key.part.sub", "1",
                "key.sub.type", "percentages", "key.sub.part.REGION-1082", "35", "key.sub.part.sub", "65",
                "key.sub.sub.type", "grantCount", "key.sub.sub.region", "1082", "key.sub.sub.area", "STOMA",
                "key.sub.sub.date", "2026-11-01"));
        List<FieldError> errors = new ArrayList<>();

        AllocationKey key = KeyInput.toKey(form.key(), KeyForm.ROOT, errors);

        assertThat(form.errors()).isEmpty();
        assertThat(errors).isEmpty();
        assertThat(key).isEqualTo(new AllocationKey.Equal(List.of(
                new AllocationKey.Part(null, Payer.region("1083"), null),
                new AllocationKey.Part(null, null, new AllocationKey.Percentages(List.of(
                        new AllocationKey.Part(new BigDecimal("35"), Payer.region("1082"), null),
                        new AllocationKey.Part(new BigDecimal("65"), null, new AllocationKey.GrantCount("STOMA",
                                LocalDate.parse("2026-11-01"), "1082"))))))));
    }

    @Test
    void eachReasonOfTheKeyIsNamedByItsFormField() {
        KeyForm form = KeyForm.read(Map.of("key.type", "percentages", "key.part.MUNICIPALITY-741", "60,5",
                "key.part.sub", "x", "key.sub.type", "counts", "key.sub.basis", "Demo", "key.sub.counts.751", "-3",
                "key.sub.counts.741", "7"));
        List<FieldError> errors = new ArrayList<>(form.errors());
        KeyInput.toKey(form.key(), KeyForm.ROOT, errors);

        assertThat(errors.stream().map(form::onForm).map(FieldError::field))
                .containsExactlyInAnyOrder("key.sub.counts.751", "key.part.sub");
        assertThat(form.onForm(FieldError.of("key.parts", "invoicing.error.percentSum")).field()).isEqualTo("key.parts");
        assertThat(form.onForm(FieldError.of("key.parts[0].payer", "invoicing.error.unknownPayer")).field())
                .isEqualTo("key.part.MUNICIPALITY-741");
        assertThat(form.onForm(FieldError.of("key.parts[1].key.counts.999", "invoicing.error.unknownPayer")).field())
                .isEqualTo("key.sub.counts.999");
        assertThat(form.onForm(FieldError.of("key.parts[1].key", "invoicing.error.noFigures")).field())
                .isEqualTo("key.sub.type");
    }

    @Test
    void aSubKeyWithoutTypeAndUnreadableFiguresAreNamed() {
        KeyForm form = KeyForm.read(Map.of("key.type", "equal", "key.part.sub", "1"));
        assertThat(form.errors()).extracting(FieldError::field).containsExactly("key.sub.type");

        KeyForm population = KeyForm.read(Map.of("key.type", "population", "key.region", "1082", "key.year", "20x5"));
        assertThat(population.errors()).extracting(FieldError::field).containsExactly("key.year");
        KeyForm grants = KeyForm.read(Map.of("key.type", "grantCount", "key.date", "1.11.2026"));
        assertThat(grants.errors()).extracting(FieldError::field).containsExactly("key.date");
        assertThat(KeyForm.read(Map.of()).key()).isNull();
    }
}
