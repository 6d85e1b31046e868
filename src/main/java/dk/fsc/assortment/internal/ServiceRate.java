package dk.fsc.assortment.internal;

import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A rate FSC charges, in øre per {@code unit}, from {@code validFrom} until the next rate of
 * the same kind (and device model).
 *
 * @param kind       {@code SUPPORT}, {@code SERVICE}, {@code SETUP}, {@code TAKEDOWN}, {@code ON_SITE_SUPPORT},
 *                   {@code CONSULTANCY}, {@code HOLE_CUTTING}, {@code DELIVERY}, {@code STORAGE},
 *                   {@code DEVICE_LEASE} or {@code BASE_CONTRIBUTION}
 * @param unit       {@code MINUTE}, {@code HOUR}, {@code PLATE}, {@code SHIPMENT}, {@code UNIT_MONTH},
 *                   {@code MONTH} or {@code YEAR}
 * @param productId  the device model a lease rate is for; null for other kinds
 * @param demoFigure a plausible figure of the demo data: the sources name the rate but not its amount
 */
record ServiceRate(String kind, String unit, @Nullable UUID productId, @Nullable String productName,
        LocalDate validFrom, long amountOre, boolean demoFigure) {
}
