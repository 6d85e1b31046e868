package dk.fsc.assortment.internal;

import java.time.LocalDate;
import java.util.UUID;

import dk.fsc.assortment.HoleRange;
import dk.fsc.assortment.ProductId;
import dk.fsc.assortment.ProductView;
import org.jspecify.annotations.Nullable;

/**
 * A product or device model with everything the assortment knows of it; other modules see
 * its {@link #view()}.
 *
 * @param itemNumber         FSC's item number
 * @param supplierItemNumber the supplier's own number, used in the supplier's price lists
 * @param isoCode            the ISO 9999 classification, e.g. {@code 09 18 21}
 * @param unit               what is counted, e.g. {@code stk}; a pack holds {@code packSize} of them
 */
record Product(UUID id, String itemNumber, UUID supplierId, String supplierName, String supplierItemNumber,
        @Nullable String gtin, String name, String description, String areaCode, @Nullable String groupCode,
        @Nullable String isoCode, String unit, int packSize, LocalDate activeFrom, @Nullable LocalDate activeTo,
        @Nullable UUID replacedBy, @Nullable HoleRange holeCutting, ProductView.@Nullable DeviceModel device) {

    ProductView view() {
        return new ProductView(new ProductId(id), itemNumber, name, areaCode, groupCode, unit, packSize, isoCode,
                activeFrom, activeTo, replacedBy == null ? null : new ProductId(replacedBy), holeCutting, device);
    }

    public boolean activeOn(LocalDate date) {
        return view().activeOn(date);
    }
}
