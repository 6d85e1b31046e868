package dk.fsc.grants.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dk.fsc.assortment.ProductId;
import dk.fsc.grants.GrantedLine;
import dk.fsc.grants.LimitPeriod;
import dk.fsc.shared.problem.ConflictException;
import org.jspecify.annotations.Nullable;

/**
 * A grant as it stands: in force on a day when that day is within its validity and before
 * the day it ends (a caseworker's decision or the citizen's move). Every decision on it
 * ({@link #change}, {@link #end}) gives the next revision; an ended grant takes no more.
 */
record Grant(UUID id, UUID citizenId, String municipalityCode, LocalDate validFrom, @Nullable LocalDate validTo,
        GrantedLine.@Nullable DeliveryAddress deliveryAddress, @Nullable String note, @Nullable LocalDate endsOn,
        @Nullable String endReason, int revision, Instant createdAt, String createdBy, List<Line> lines) {

    /** A caseworker's new grant: revision 1, each line with a new id. */
    static Grant make(UUID citizenId, String municipalityCode, GrantTerms terms, Instant at, String by) {
        return new Grant(UUID.randomUUID(), citizenId, municipalityCode, terms.validFrom(), terms.validTo(),
                terms.deliveryAddress(), terms.note(), null, null, 1, at, by,
                terms.lines().stream().map(line -> new Line(UUID.randomUUID(), line.target(), line.quantity(),
                        line.period())).toList());
    }

    /** New terms; a line that covers the same thing as before keeps its id and so its consumption. */
    Grant change(GrantTerms terms) {
        if (endsOn != null) {
            throw new ConflictException("The grant has ended; make a new grant instead.");
        }
        Map<String, UUID> lineIds = new HashMap<>();
        lines.forEach(line -> lineIds.put(line.target().key(), line.id()));
        return new Grant(id, citizenId, municipalityCode, terms.validFrom(), terms.validTo(), terms.deliveryAddress(),
                terms.note(), null, null, revision + 1, createdAt, createdBy,
                terms.lines().stream().map(line -> new Line(lineIds.getOrDefault(line.target().key(), UUID.randomUUID()),
                        line.target(), line.quantity(), line.period())).toList());
    }

    /** No longer in force from {@code day}: a caseworker's decision, or the end of a move's transition. */
    Grant end(LocalDate day, String reason) {
        if (endsOn != null) {
            throw new ConflictException("The grant has already ended on " + endsOn + ".");
        }
        return endingOn(day, reason);
    }

    /**
     * A grant in a move's transition ends earlier, on {@code day}, when the new municipality
     * decides before the transition runs out; a later day changes nothing.
     */
    Grant endTransitionOn(LocalDate day) {
        return endsOn != null && !day.isBefore(endsOn) ? this : endingOn(day, String.valueOf(endReason));
    }

    private Grant endingOn(LocalDate day, String reason) {
        return new Grant(id, citizenId, municipalityCode, validFrom, validTo, deliveryAddress, note, day, reason,
                revision + 1, createdAt, createdBy, lines);
    }

    enum Status {
        UPCOMING, ACTIVE, EXPIRED, ENDED
    }

    boolean inForceOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo))
                && (endsOn == null || day.isBefore(endsOn));
    }

    public Status statusOn(LocalDate day) {
        if (endsOn != null && !day.isBefore(endsOn)) {
            return Status.ENDED;
        }
        if (day.isBefore(validFrom)) {
            return Status.UPCOMING;
        }
        return validTo != null && day.isAfter(validTo) ? Status.EXPIRED : Status.ACTIVE;
    }

    /** One thing granted and its limit. The id survives changes as long as the line covers the same thing. */
    record Line(UUID id, Target target, int quantity, LimitPeriod period) {
    }

    /** What a line covers: exactly one product or device model, product group or area. */
    record Target(@Nullable ProductId productId, @Nullable String areaCode, @Nullable String groupCode) {

        public String key() {
            return productId != null ? "product:" + productId : groupCode != null ? "group:" + groupCode
                    : "area:" + areaCode;
        }
    }
}
