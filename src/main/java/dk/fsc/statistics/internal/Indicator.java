package dk.fsc.statistics.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An indicator the region and its municipalities follow: one figure per area and period from
 * one source, against a target per period when there is one.
 *
 * @param target the figure wanted per period for all areas together, or null when none is set
 */
public record Indicator(UUID id, String name, String unit, Period.Kind periodKind, Breakdown breakdown, String regionCode,
        String source, Period firstPeriod, Period lastPeriod, @Nullable Long target, List<String> areaOrder,
        Instant createdAt, String createdBy) {

    public Indicator {
        areaOrder = List.copyOf(areaOrder);
    }

    public enum Breakdown {
        CLUSTER, MUNICIPALITY
    }

    public boolean covers(Period period) {
        return period.kind() == periodKind && period.compareTo(firstPeriod) >= 0 && period.compareTo(lastPeriod) <= 0;
    }
}
