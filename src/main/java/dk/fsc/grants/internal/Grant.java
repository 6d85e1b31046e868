package dk.fsc.grants.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dk.fsc.assortment.ProductId;
import dk.fsc.grants.GrantedLine;
import dk.fsc.grants.LimitPeriod;
import org.jspecify.annotations.Nullable;

/**
 * A grant as it stands: in force on a day when that day is within its validity and before
 * the day it ends (a caseworker's decision or the citizen's move).
 */
record Grant(UUID id, UUID citizenId, String municipalityCode, LocalDate validFrom, @Nullable LocalDate validTo,
        GrantedLine.@Nullable DeliveryAddress deliveryAddress, @Nullable String note, @Nullable LocalDate endsOn,
        @Nullable String endReason, int revision, Instant createdAt, String createdBy, List<Line> lines) {

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
