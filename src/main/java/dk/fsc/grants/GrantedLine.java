package dk.fsc.grants;

import java.time.LocalDate;
import java.util.UUID;

import dk.fsc.assortment.ProductId;
import dk.fsc.reference.MunicipalityCode;
import org.jspecify.annotations.Nullable;

/**
 * One line of a grant in force: what it covers (exactly one of a product or device model,
 * a product group or a product area) and how much of it per period.
 *
 * @param lineId          stable across changes of the grant, so consumption already ordered
 *                        under a line still counts after the caseworker changes its limit
 * @param paidBy          who pays for what is ordered under the line on the day asked: the
 *                        municipality that granted it, or during a move's transition the one
 *                        the transition rule names
 * @param deliveryAddress where to deliver instead of the citizen's home, if the grant says so
 */
public record GrantedLine(GrantId grantId, UUID lineId, MunicipalityCode paidBy, @Nullable ProductId productId,
        @Nullable String areaCode, @Nullable String groupCode, int quantity, LimitPeriod period,
        LocalDate grantValidFrom, @Nullable DeliveryAddress deliveryAddress) {

    /** How specific the line is: a named product beats its group, which beats its area. */
    public int specificity() {
        return productId != null ? 3 : groupCode != null ? 2 : 1;
    }

    public record DeliveryAddress(String street, String postalCode, String city) {
    }
}
