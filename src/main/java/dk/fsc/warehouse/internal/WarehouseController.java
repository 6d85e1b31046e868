package dk.fsc.warehouse.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dk.fsc.assortment.ProductId;
import dk.fsc.warehouse.LotStock;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/warehouse")
@PreAuthorize("hasAnyRole('WAREHOUSE', 'FSC_ADMIN')")
@Tag(name = "Warehouse", description = "Locations, stock by lot and expiry, goods receipt by GS1 scan, picking, shipping")
class WarehouseController {

    private final StockKeeping stockKeeping;
    private final StockRepository stock;
    private final Picking picking;

    WarehouseController(StockKeeping stockKeeping, StockRepository stock, Picking picking) {
        this.stockKeeping = stockKeeping;
        this.stock = stock;
        this.picking = picking;
    }

    record PickListBody(UUID orderId, FulfilmentRepository.Status status, LocalDate deliveryDate,
            String postalCode, String city, @Nullable String carrier, @Nullable String trackingNumber,
            List<FulfilmentRepository.PickLine> lines, List<FulfilmentRepository.Backorder> backorders) {

        static PickListBody of(Picking.PickList list) {
            FulfilmentRepository.Fulfilment order = list.order();
            return new PickListBody(order.orderId(), order.status(), order.deliveryDate(), order.postalCode(),
                    order.city(), order.carrier(), order.trackingNumber(), list.lines(), list.backorders());
        }
    }

    @GetMapping("/locations")
    @Operation(summary = "Every location in walking order")
    List<StockRepository.Location> locations() {
        return stock.locations();
    }

    @PostMapping("/locations")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a location: code (A-Z, 0-9, -), zone, aisle, shelf, bin and walking order")
    StockRepository.Location addLocation(@RequestBody StockKeeping.NewLocation location) {
        return stockKeeping.addLocation(location);
    }

    @GetMapping("/stock")
    @Operation(summary = "A product's lots: on hand and available (not reserved), first expiry first")
    List<LotStock> stock(@RequestParam UUID productId) {
        return stockKeeping.stockOf(new ProductId(productId));
    }

    @GetMapping("/stock/locations")
    @Operation(summary = "A product's stock per location and lot")
    List<StockRepository.StockRow> stockPerLocation(@RequestParam UUID productId) {
        return stock.stock(productId);
    }

    @GetMapping("/ledger")
    @Operation(summary = "The ledger of a product or one of its lots, newest first (at most 500 entries)")
    List<StockRepository.LedgerEntry> ledger(@RequestParam UUID productId, @RequestParam(required = false) @Nullable
            String lot) {
        return stock.ledger(productId, lot, 500);
    }

    @PostMapping("/receipts")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Receive goods: the pack's GS1 scan (product, lot, expiry), quantity, location, document")
    StockRepository.StockRow receive(@RequestBody StockKeeping.Receipt receipt) {
        return stockKeeping.receive(receipt);
    }

    @PostMapping("/adjustments")
    @Operation(summary = "Adjust a lot at a location by a signed quantity with a reason code"
            + " (COUNT, DAMAGED, EXPIRED, FOUND)")
    StockRepository.StockRow adjust(@RequestBody StockKeeping.Adjustment adjustment) {
        return stockKeeping.adjust(adjustment);
    }

    @GetMapping("/orders")
    @Operation(summary = "Orders to pick or ship, earliest delivery first")
    List<FulfilmentRepository.ToPick> toPick() {
        return picking.toPick();
    }

    @GetMapping("/orders/{orderId}")
    @Operation(summary = "An order's pick list in walking order, with what no lot covered")
    PickListBody pickList(@PathVariable UUID orderId) {
        return PickListBody.of(picking.pickList(orderId));
    }

    @PostMapping("/orders/{orderId}/picks")
    @Operation(summary = "Confirm a pick by the pack's scan; a wrong product or lot is refused with the reason")
    PickListBody pick(@PathVariable UUID orderId, @RequestBody Picking.Pick pick) {
        return PickListBody.of(picking.confirm(orderId, pick));
    }

    @PostMapping("/orders/{orderId}/ship")
    @Operation(summary = "Hand a picked order to the carrier: carrier and tracking number")
    PickListBody ship(@PathVariable UUID orderId, @RequestBody Picking.Shipment shipment) {
        return PickListBody.of(picking.ship(orderId, shipment));
    }

    @PostMapping("/orders/{orderId}/delivered")
    @Operation(summary = "The shipment reached the citizen")
    PickListBody delivered(@PathVariable UUID orderId) {
        return PickListBody.of(picking.delivered(orderId));
    }
}
