package dk.fsc.devices;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import dk.fsc.citizens.CitizenId;
import dk.fsc.reference.MunicipalityCode;

/**
 * A caseworker saved a needs assessment of a citizen of {@code municipality}: the step the rules
 * of {@code ruleVersion} recommended and the step she chose ({@code deviated} when they differ; the
 * reason stays in devices). Published once per assessment, in the transaction that saves it;
 * {@code madeOn} is the day of {@code madeAt} in Europe/Copenhagen.
 */
public record AssessmentMade(UUID assessmentId, CitizenId citizenId, MunicipalityCode municipality,
        NeedLevel recommended, NeedLevel chosen, int ruleVersion, boolean deviated, LocalDate madeOn,
        Instant madeAt) {
}
