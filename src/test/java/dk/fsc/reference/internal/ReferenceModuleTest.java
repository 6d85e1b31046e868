package dk.fsc.reference.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import dk.fsc.reference.PopulationYearImported;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.ActiveProfiles;

/** The reference module alone: a population import tells the other modules which year it loaded. */
@ApplicationModuleTest(extraIncludes = "shared")
@ActiveProfiles({ "demo", "test" })
class ReferenceModuleTest {

    @Autowired
    ImportPopulations importPopulations;

    @Test
    @WithMockUser(roles = "FSC_ADMIN")
    void aPopulationImportPublishesTheYearItsMunicipalitiesAndTheirTotal(Scenario scenario) {
        byte[] csv = "code,population\n751,367095\n730,99000\n".getBytes(StandardCharsets.UTF_8);

        scenario.stimulate(() -> importPopulations.load("1801", csv, "admin"))
                .andWaitForEventOfType(PopulationYearImported.class)
                .matching(imported -> imported.year() == 1801)
                .toArriveAndVerify(imported -> {
                    assertThat(imported.municipalities()).isEqualTo(2);
                    assertThat(imported.total()).isEqualTo(466095);
                });
    }
}
