package dk.fsc.assortment;

import java.time.LocalDate;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A product or device model of the assortment, as other modules see it.
 *
 * @param areaCode    the product area, e.g. {@code STOMA} or {@code DISPENSER}
 * @param groupCode   the product group within the area, e.g. {@code STOMA_BASEPLATE}
 * @param activeTo    the last day it is in the assortment; {@code null} while open-ended
 * @param replacedBy  the product offered in its place once it has left the assortment
 * @param holeCutting for a stoma baseplate that can be cut: the allowed diameters
 * @param device      for a dispenser or telehealth device model: what it can do
 */
public record ProductView(ProductId id, String itemNumber, String name, String areaCode, @Nullable String groupCode,
        String unit, int packSize, @Nullable String isoCode, LocalDate activeFrom, @Nullable LocalDate activeTo,
        @Nullable ProductId replacedBy, @Nullable HoleRange holeCutting, @Nullable DeviceModel device) {

    public boolean activeOn(LocalDate date) {
        return !date.isBefore(activeFrom) && (activeTo == null || !date.isAfter(activeTo));
    }

    /**
     * The functions of a device model, as data that later modules match against a citizen's needs.
     *
     * @param functions e.g. {@code REMINDER_SOUND}, {@code LOCKED_COMPARTMENTS}, {@code REMOTE_MONITORING}, {@code ALARM}
     * @param doseSlots how many doses the device holds, where it holds doses
     */
    public record DeviceModel(Set<String> functions, @Nullable Integer doseSlots) {
    }
}
