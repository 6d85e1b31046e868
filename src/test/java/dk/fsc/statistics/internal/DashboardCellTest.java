package dk.fsc.statistics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The figures per product area: citizens with a grant suppressed under 5 outside the own figures, ratios of sums. */
class DashboardCellTest {

    private static final Map<String, Long> THREE = Map.of("grantCitizens:STOMA", 3L, "itemsDelivered:STOMA", 10L,
            "costOre:STOMA", 100_000L);
    private static final Map<String, Long> SIX = Map.of("grantCitizens:STOMA", 6L, "itemsDelivered:STOMA", 10L,
            "costOre:STOMA", 100_000L);

    @Test
    void citizensWithAGrantUnderFiveAreSuppressedOutsideTheMunicipalitysOwnFigures() {
        assertThat(Dashboards.cell("grantCitizens:STOMA", THREE, 1, false)).isEqualTo(cell("3"));
        assertThat(Dashboards.cell("grantCitizens:STOMA", THREE, 1, true)).isEqualTo(new Dashboards.Cell(null, true));
        assertThat(Dashboards.cell("grantCitizens:STOMA", Map.of("grantCitizens:STOMA", 12L), 3, true))
                .as("an average of the others of 4.0 is under 5 too").isEqualTo(new Dashboards.Cell(null, true));
        assertThat(Dashboards.cell("grantCitizens:STOMA", Map.of("grantCitizens:STOMA", 15L), 3, true))
                .isEqualTo(cell("5.0"));
        assertThat(Dashboards.cell("grantCitizens:STOMA", Map.of(), 1, true)).as("none is no one to identify")
                .isEqualTo(cell("0"));
        assertThat(Dashboards.cell("costPerGrantCitizenKroner:STOMA", THREE, 1, true))
                .as("a figure per citizen of 3 citizens tells about them").isEqualTo(new Dashboards.Cell(null, true));
    }

    @Test
    void perCitizenFiguresAreRatiosOfTheSumsRoundedHalfUpAndNoneWithoutCitizens() {
        assertThat(Dashboards.cell("costPerGrantCitizenKroner:STOMA", THREE, 1, false)).isEqualTo(cell("333.33"));
        assertThat(Dashboards.cell("costPerGrantCitizenKroner:STOMA", SIX, 97, true)).as("not divided by the 97 others")
                .isEqualTo(cell("166.67"));
        assertThat(Dashboards.cell("itemsPerGrantCitizen:STOMA", SIX, 1, true)).isEqualTo(cell("1.7"));
        assertThat(Dashboards.cell("costKroner:STOMA", SIX, 2, true)).isEqualTo(cell("500.00"));
        assertThat(Dashboards.cell("costPerGrantCitizenKroner:STOMA", Map.of("costOre:STOMA", 5L), 1, true))
                .as("no citizen with a grant: no figure, not zero").isEqualTo(new Dashboards.Cell(null, false));
    }

    private static Dashboards.Cell cell(String value) {
        return new Dashboards.Cell(new BigDecimal(value), false);
    }
}
