package dk.fsc.assortment;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import dk.fsc.shared.Gtin;
import org.jspecify.annotations.Nullable;

/**
 * What other modules may ask of the joint assortment. Reads are open to every caller, signed in
 * or not (an event listener): the assortment holds no personal data.
 */
public interface Assortment {

    Optional<ProductView> product(ProductId id);

    /** The product a scanned GTIN names; a GTIN-13 and the GTIN-14 with a leading 0 are the same pack. */
    Optional<ProductView> productByGtin(Gtin gtin);

    /** The products of {@code ids} that exist; unknown ids are left out of the map. */
    Map<ProductId, ProductView> products(Collection<ProductId> ids);

    /**
     * What to offer for {@code id} on {@code date}: the product itself while it is active, else
     * the end of its chain of replacements that is active on that date; empty when it has left
     * the assortment with no active replacement.
     */
    Optional<ProductView> offeredInPlaceOf(ProductId id, LocalDate date);

    /** The price in øre valid on {@code date}: the one with the latest valid-from on or before it. */
    OptionalLong priceOn(ProductId id, LocalDate date);

    /**
     * The service rate of {@code kind} (for a lease: of the device {@code model}) valid on
     * {@code date}; empty when none is.
     */
    Optional<RateOn> rateOn(String kind, @Nullable ProductId model, LocalDate date);

    /**
     * The discount of the contract valid on {@code date} that covers the product's supplier and
     * area (the largest, should two overlap); empty when no contract covers it.
     */
    Optional<ContractDiscount> discountOn(ProductId id, LocalDate date);

    /** Who supplies each product of {@code ids} that exists, with the supplier's item number. */
    Map<ProductId, ProductSupply> supplies(Collection<ProductId> ids);

    boolean areaExists(String areaCode);

    /** Every product area with its groups, by Danish name. */
    List<ProductArea> areas();

    boolean groupExists(String groupCode);

    /** The products of an area active on {@code date}, by name. */
    List<ProductView> activeInArea(String areaCode, LocalDate date);

    /** The products of a product group active on {@code date}, by name. */
    List<ProductView> activeInGroup(String groupCode, LocalDate date);
}
