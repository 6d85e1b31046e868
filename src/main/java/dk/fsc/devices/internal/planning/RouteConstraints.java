package dk.fsc.devices.internal.planning;

import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;

/**
 * Hard: every visit starts in its window, every technician is home by the end of the working
 * day, and only does what they have the skills for. Medium: plan as much as possible, urgent
 * first. Soft: drive as little as possible.
 */
public class RouteConstraints implements ConstraintProvider {

    @Override
    public Constraint[] defineConstraints(ConstraintFactory factory) {
        return new Constraint[] {
                factory.forEach(Route.class)
                        .penalize(HardMediumSoftScore.ONE_HARD, Route::hardBreaches).asConstraint("Time windows working hours and skills"),
                factory.forEach(Route.class).reward(HardMediumSoftScore.ONE_MEDIUM, Route::plannedWeight)
                        .asConstraint("Visits planned (urgent first)"),
                factory.forEach(Route.class).penalize(HardMediumSoftScore.ONE_SOFT, Route::metres)
                        .asConstraint("Driving") };
    }
}
