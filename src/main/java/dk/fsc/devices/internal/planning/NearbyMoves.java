package dk.fsc.devices.internal.planning;

import java.util.Iterator;
import java.util.List;
import java.util.random.RandomGenerator;

import ai.timefold.solver.core.impl.domain.variable.ListVariableStateSupply;
import ai.timefold.solver.core.impl.heuristic.selector.move.factory.MoveIteratorFactory;
import ai.timefold.solver.core.impl.score.director.InnerScoreDirector;
import ai.timefold.solver.core.impl.score.director.ScoreDirector;
import ai.timefold.solver.core.preview.api.domain.metamodel.PlanningListVariableMetaModel;
import ai.timefold.solver.core.preview.api.move.Move;
import ai.timefold.solver.core.preview.api.move.builtin.Moves;

/**
 * The local search's moves, chosen near each other: a visit moves to just before or after one of
 * its nearest visits (into that visit's route), or swaps places with one of them; a visit not
 * planned goes in beside one of them or takes its place (so an urgent visit can push out a
 * routine one on a full day). Random moves over the whole region almost never shorten a route;
 * these may, so the solver scores only moves worth scoring. Timefold's own nearby selection does
 * the same but is an Enterprise Edition feature; this factory draws Timefold's built-in list moves
 * ({@link Moves}). A route empty after the start plan only gets visits from the construction
 * heuristic.
 */
public final class NearbyMoves implements MoveIteratorFactory<DayPlan, Move<DayPlan>> {

    private List<Visit> visits;
    private ListVariableStateSupply<DayPlan, Route, Visit> positions;
    private PlanningListVariableMetaModel<DayPlan, Route, Visit> variable;

    @Override
    @SuppressWarnings("unchecked")
    public void phaseStarted(ScoreDirector<DayPlan> scoreDirector) {
        InnerScoreDirector<DayPlan, ?> director = (InnerScoreDirector<DayPlan, ?>) scoreDirector;
        visits = director.getWorkingSolution().getVisits();
        positions = director.getListVariableStateSupply(director.getSolutionDescriptor().getListVariableDescriptor());
        variable = (PlanningListVariableMetaModel<DayPlan, Route, Visit>) (Object) director.getSolutionDescriptor()
                .getMetaModel().genuineEntity(Route.class).variable("visits");
    }

    @Override
    public long getSize(ScoreDirector<DayPlan> scoreDirector) {
        return (long) visits.size() * RoutePlanner.NEARBY * 3;
    }

    @Override
    public Iterator<Move<DayPlan>> createOriginalMoveIterator(ScoreDirector<DayPlan> scoreDirector) {
        throw new UnsupportedOperationException("Nearby moves are only drawn at random.");
    }

    @Override
    public Iterator<Move<DayPlan>> createRandomMoveIterator(ScoreDirector<DayPlan> scoreDirector, RandomGenerator random) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return visits.size() > 1;
            }

            @Override
            public Move<DayPlan> next() {
                while (true) {
                    Move<DayPlan> move = draw(random);
                    if (move != null) {
                        return move;
                    }
                }
            }
        };
    }

    /** A random nearby move, or null when the draw makes none (the neighbour is unplanned, or it changes nothing). */
    private Move<DayPlan> draw(RandomGenerator random) {
        Visit visit = visits.get(random.nextInt(visits.size()));
        List<Visit> nearest = visit.nearest();
        Visit neighbour = nearest.get(random.nextInt(nearest.size()));
        Route to = (Route) positions.getInverseSingleton(neighbour);
        if (to == null) {
            return null;
        }
        int at = positions.getIndex(neighbour);
        Route from = (Route) positions.getInverseSingleton(visit);
        int kind = random.nextInt(3);
        if (from == null) {
            return kind == 2 ? Moves.compose(Moves.unassign(variable, to, at), Moves.assign(variable, visit, to, at))
                    : Moves.assign(variable, visit, to, kind == 0 ? at : at + 1);
        }
        int index = positions.getIndex(visit);
        if (kind == 2) {
            return Moves.swap(variable, from, index, to, at);
        }
        // Before (kind 0) or after (kind 1) the neighbour; in the same route the index counts
        // without the visit, which shifts the neighbour down one when the visit stood before it.
        int destination = kind == 0 ? at : at + 1;
        if (from == to && index < at) {
            destination--;
        }
        if (from == to && destination == index) {
            return null;
        }
        return Moves.change(variable, from, index, to, destination);
    }
}
