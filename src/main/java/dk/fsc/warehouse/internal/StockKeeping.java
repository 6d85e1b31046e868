package dk.fsc.warehouse.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import dk.fsc.assortment.Assortment;
import dk.fsc.assortment.ProductId;
import dk.fsc.assortment.ProductView;
import dk.fsc.identity.CurrentUsers;
import dk.fsc.shared.Gs1ElementString;
import dk.fsc.shared.TimeConfiguration;
import dk.fsc.shared.problem.FieldError;
import dk.fsc.shared.problem.InvalidInputException;
import dk.fsc.warehouse.LotStock;
import dk.fsc.warehouse.Warehouse;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stock on the shelves: goods received by scanning the pack (product, lot and expiry from its
 * GS1 barcode), adjustments with a reason code, and what is on hand and available per lot.
 * Every change is written to the ledger.
 */
@Service
class StockKeeping implements Warehouse {

    /** Why stock was adjusted: counted differently, damaged, expired (scrapped), found. */
    enum Reason {
        COUNT, DAMAGED, EXPIRED, FOUND
    }

    record Receipt(@Nullable String scan, @Nullable Integer quantity, @Nullable String locationCode,
            @Nullable String document) {
    }

    record Adjustment(@Nullable UUID productId, @Nullable String lot, @Nullable String locationCode,
            @Nullable Integer quantity, @Nullable String reasonCode, @Nullable String note) {
    }

    record NewLocation(@Nullable String code, @Nullable String zone, @Nullable String aisle, @Nullable String shelf,
            @Nullable String bin, @Nullable Integer walkingOrder) {
    }

    private final StockRepository stock;
    private final Assortment assortment;
    private final CurrentUsers currentUsers;
    private final Clock clock;
    private final ReserveAcceptedOrders shortages;

    StockKeeping(StockRepository stock, Assortment assortment, CurrentUsers currentUsers, Clock clock,
            ReserveAcceptedOrders shortages) {
        this.shortages = shortages;
        this.stock = stock;
        this.assortment = assortment;
        this.currentUsers = currentUsers;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(TimeConfiguration.DANISH_TIME));
    }

    /** The pack scanned: its product by GTIN, refused with the reason when the assortment does not know it. */
    ScannedPack read(String field, @Nullable String scan) {
        if (scan == null || scan.isBlank()) {
            throw InvalidInputException.of(field, "warehouse.error.scan.missing");
        }
        Gs1ElementString read = Gs1ElementString.parse(field, scan, today());
        ProductView product = assortment.productByGtin(read.gtin()).orElseThrow(() -> new InvalidInputException(
                "Unknown product", List.of(FieldError.of(field, "warehouse.error.gtin.unknown", read.gtin().digits()))));
        return new ScannedPack(product, read);
    }

    record ScannedPack(ProductView product, Gs1ElementString read) {

        UUID productId() {
            return product.id().value();
        }
    }

    @Transactional
    StockRepository.StockRow receive(Receipt receipt) {
        List<FieldError> errors = new ArrayList<>();
        if (receipt.quantity() == null || receipt.quantity() < 1 || receipt.quantity() > 100_000) {
            errors.add(FieldError.of("quantity", "warehouse.error.quantity"));
        }
        if (receipt.locationCode() == null || stock.location(receipt.locationCode()).isEmpty()) {
            errors.add(FieldError.of("locationCode", "warehouse.error.location.unknown"));
        }
        ScannedPack pack = read("scan", receipt.scan());
        Gs1ElementString read = pack.read();
        if (read.lot() == null) {
            errors.add(FieldError.of("scan", "warehouse.error.scan.noLot"));
        }
        if (read.expiry() == null) {
            errors.add(FieldError.of("scan", "warehouse.error.scan.noExpiry"));
        } else if (read.expiry().isBefore(today())) {
            errors.add(FieldError.of("scan", "warehouse.error.lot.expired", read.lot(), read.expiry()));
        }
        if (read.lot() != null && stock.recalled(pack.productId(), read.lot())) {
            errors.add(FieldError.of("scan", "warehouse.error.lot.recalled", read.lot()));
        }
        if (read.lot() != null && read.expiry() != null) {
            stock.expiryOf(pack.productId(), read.lot()).filter(known -> !known.equals(read.expiry()))
                    .ifPresent(known -> errors.add(FieldError.of("scan", "warehouse.error.lot.otherExpiry", read.lot(),
                            known)));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The goods cannot be received", errors);
        }
        String document = receipt.document() == null || receipt.document().isBlank() ? "receipt"
                : receipt.document().strip();
        StockRepository.Movement movement = movement("goods received", document);
        stock.receive(receipt.locationCode(), pack.productId(), read.lot(), read.expiry(), receipt.quantity(),
                movement);
        shortages.fillShortages(pack.productId(), new StockRepository.Movement(movement.at(), movement.by(),
                "reserved for a waiting order", document));
        return stock.rowForUpdate(pack.productId(), read.lot(), receipt.locationCode()).orElseThrow();
    }

    @Transactional
    StockRepository.StockRow adjust(Adjustment adjustment) {
        List<FieldError> errors = new ArrayList<>();
        Reason reason = Arrays.stream(Reason.values()).filter(known -> known.name().equals(adjustment.reasonCode()))
                .findFirst().orElse(null);
        if (reason == null) {
            errors.add(FieldError.of("reasonCode", "warehouse.error.reason"));
        }
        if (adjustment.quantity() == null || adjustment.quantity() == 0) {
            errors.add(FieldError.of("quantity", "warehouse.error.adjustment.zero"));
        }
        StockRepository.StockRow row = adjustment.productId() == null || adjustment.lot() == null
                || adjustment.locationCode() == null ? null
                : stock.rowForUpdate(adjustment.productId(), adjustment.lot(), adjustment.locationCode()).orElse(null);
        if (row == null) {
            errors.add(FieldError.of("lot", "warehouse.error.stock.unknown"));
        } else if (adjustment.quantity() != null && row.onHand() + adjustment.quantity() < row.reserved()) {
            errors.add(FieldError.of("quantity", "warehouse.error.adjustment.belowReserved", row.reserved()));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The stock cannot be adjusted", errors);
        }
        String note = adjustment.note() == null || adjustment.note().isBlank() ? "" : ": " + adjustment.note().strip();
        stock.change("ADJUSTMENT", row, adjustment.quantity(), 0, movement(reason.name() + note, "adjustment"));
        return stock.rowForUpdate(row.productId(), row.lot(), row.locationCode()).orElseThrow();
    }

    @Transactional
    StockRepository.Location addLocation(NewLocation location) {
        List<FieldError> errors = new ArrayList<>();
        if (location.code() == null || !location.code().matches("[A-Z0-9-]{1,20}")) {
            errors.add(FieldError.of("code", "warehouse.error.location.code"));
        }
        for (String[] part : new String[][] { { "zone", location.zone() }, { "aisle", location.aisle() },
                { "shelf", location.shelf() }, { "bin", location.bin() } }) {
            if (part[1] == null || part[1].isBlank() || part[1].length() > 20) {
                errors.add(FieldError.of(part[0], "warehouse.error.location.part"));
            }
        }
        if (location.walkingOrder() == null || location.walkingOrder() < 0) {
            errors.add(FieldError.of("walkingOrder", "warehouse.error.location.walkingOrder"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The location cannot be added", errors);
        }
        StockRepository.Location added = new StockRepository.Location(location.code(), location.zone().strip(),
                location.aisle().strip(), location.shelf().strip(), location.bin().strip(), location.walkingOrder());
        if (!stock.addLocation(added)) {
            throw new InvalidInputException("The location cannot be added",
                    List.of(FieldError.of("code", "warehouse.error.location.taken")));
        }
        return added;
    }

    StockRepository.Movement movement(String reason, String document) {
        return new StockRepository.Movement(clock.instant(), currentUsers.require().username(), reason, document);
    }

    /**
     * The lots in stock that {@code query} finds: a scanned or typed GTIN (with a lot in the scan,
     * that lot only), else every lot whose number, or whose product's name or item number, holds it.
     */
    @Transactional(readOnly = true)
    List<LotStock> search(@Nullable String query) {
        String text = query == null ? "" : query.strip();
        if (text.isEmpty() || text.length() > 200) {
            throw InvalidInputException.of("q", "warehouse.error.search");
        }
        List<LotStock> lots = lots(stock.allStock());
        if (text.matches("[0-9]{8,14}|[(\\]].*")) {
            Gs1ElementString read = Gs1ElementString.parse("q", text.matches("[0-9]{14}") ? "(01)" + text : text,
                    today());
            return assortment.productByGtin(read.gtin()).map(product -> lots.stream()
                    .filter(lot -> lot.productId().equals(product.id()))
                    .filter(lot -> read.lot() == null || lot.lot().equals(read.lot())).toList()).orElse(List.of());
        }
        String lower = text.toLowerCase(Locale.ROOT);
        Map<ProductId, ProductView> products = assortment.products(lots.stream().map(LotStock::productId).toList());
        return lots.stream().filter(lot -> lot.lot().toLowerCase(Locale.ROOT).contains(lower)
                || products.containsKey(lot.productId())
                        && (products.get(lot.productId()).name().toLowerCase(Locale.ROOT).contains(lower)
                                || products.get(lot.productId()).itemNumber().toLowerCase(Locale.ROOT)
                                        .contains(lower)))
                .toList();
    }

    @Override
    @Transactional(readOnly = true)
    public List<LotStock> stockOf(ProductId productId) {
        return lots(stock.stock(productId.value()));
    }

    /** Rows summed per product and lot, in the rows' order. */
    static List<LotStock> lots(List<StockRepository.StockRow> rows) {
        Map<String, LotStock> lots = new LinkedHashMap<>();
        for (StockRepository.StockRow row : rows) {
            lots.merge(row.productId() + "/" + row.lot(),
                    new LotStock(new ProductId(row.productId()), row.lot(), row.expiry(), row.onHand(), row.available()),
                    (a, b) -> new LotStock(a.productId(), a.lot(), a.expiry(), a.onHand() + b.onHand(),
                            a.available() + b.available()));
        }
        return List.copyOf(lots.values());
    }
}
