package dk.fsc.grants;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import dk.fsc.citizens.CitizenId;
import dk.fsc.reference.MunicipalityCode;
import dk.fsc.shared.problem.FieldError;

/** What other modules may ask of the grants. */
public interface Grants {

    /**
     * The lines of every grant of the citizen in force on {@code date}. Not scoped to the
     * caller: a module asks only after it has checked through the citizens module that the
     * caller may see the citizen. After a move this includes the old municipality's grants
     * for the transition, until the new municipality decides.
     */
    List<GrantedLine> inForce(CitizenId citizenId, LocalDate date);

    /**
     * Per municipality paying on {@code date}, how many citizens have a grant in force on that date
     * with a line in the product area {@code areaCode} (the area, one of its groups or one of its
     * products): the basis of an allocation by citizens with a grant. Counts only, no citizen.
     */
    Map<MunicipalityCode, Long> citizensWithGrantInArea(String areaCode, LocalDate date);

    /**
     * {@link #citizensWithGrantInArea} for every product area at once, by area code, in one pass
     * over the grants (a dashboard asks for all areas).
     */
    Map<String, Map<MunicipalityCode, Long>> citizensWithGrantPerArea(LocalDate date);

    /** The open decision tasks of the calling caseworker's municipality, oldest first. */
    List<DecisionTask> openDecisions();

    /**
     * The calling caseworker grants the citizen {@code grant}, exactly as on the grants page: only a
     * caseworker of the citizen's municipality (for anyone else the citizen does not exist,
     * {@code NotFoundException}), every rule of the grant checked ({@code InvalidInputException}
     * naming the fields as the grants API does: {@code validFrom}, {@code lines[0].productId}, …),
     * audited as {@code grant.make}, and {@link GrantMade} published. Joins the caller's
     * transaction, so a caller that refuses afterwards leaves no grant behind.
     */
    GrantId make(CitizenId citizenId, NewGrant grant);

    /**
     * Every rule of {@link #make} that {@code grant} breaks, named and worded as {@code make} names
     * them ({@code validFrom}, {@code lines[0].quantity}, … with the grants bundle's keys), without
     * granting anything; empty when {@code make} would take it. The same caller check: only a
     * caseworker of the citizen's municipality ({@code NotFoundException} for anyone else). A form
     * that grants with other fields of its own shows its errors and the grant's in one answer.
     * The citizen is read as {@code grant.read}, once per request like any read.
     */
    List<FieldError> check(CitizenId citizenId, NewGrant grant);
}
