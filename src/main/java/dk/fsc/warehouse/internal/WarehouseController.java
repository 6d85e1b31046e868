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
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
    private final PackingSlips packingSlips;
    private final Recalls recalls;

    WarehouseController(StockKeeping stockKeeping, StockRepository stock, Picking picking,
            PackingSlips packingSlips, Recalls recalls) {
        this.recalls = recalls;
        this.stockKeeping = stockKeeping;
        this.stock = stock;
        this.picking = picking;
        this.packingSlips = packingSlips;
    }

    record PickListBody(UUID orderId, FulfilmentRepository.Status status, LocalDate deliveryDate,
            String postalCode, String city, @Nullable UUID shipmentId, @Nullable String carrier,
            @Nullable String trackingNumber, List<FulfilmentRepository.PickLine> lines,
            List<FulfilmentRepository.Backorder> backorders, List<FulfilmentRepository.CuttingTask> cuttingTasks) {

        static PickListBody of(Picking.PickList list) {
            FulfilmentRepository.Fulfilment order = list.order();
            return new PickListBody(order.orderId(), order.status(), order.deliveryDate(), order.postalCode(),
                    order.city(), order.shipmentId(), order.carrier(), order.trackingNumber(), list.lines(),
                    list.backorders(), list.cuttingTasks());
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

    @PostMapping("/recalls")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Recall a lot (FSC_ADMIN): productId, lot, supplierNotice, noticeDate, reason. Releases and"
            + " re-reserves its reservations, stops undelivered shipments, lists who received it for their"
            + " municipality")
    Recalls.Outcome recall(@RequestBody Recalls.NewRecall recall) {
        return recalls.recall(recall);
    }

    @GetMapping("/recalls")
    @Operation(summary = "Recalled lots, newest first")
    List<Recalls.Recall> recalls() {
        return recalls.all();
    }

    @GetMapping("/cutting-tasks")
    @Operation(summary = "Baseplates to cut to a hole size, of orders still in the warehouse")
    List<FulfilmentRepository.CuttingTask> cuttingTasks() {
        return picking.openCuttingTasks();
    }

    @PostMapping("/orders/{orderId}/cuts/{line}")
    @Operation(summary = "The cutter confirms an order line's cutting task; a size outside the product's range is"
            + " refused")
    PickListBody cut(@PathVariable UUID orderId, @PathVariable int line) {
        return PickListBody.of(picking.cut(orderId, line));
    }

    @PostMapping("/orders/{orderId}/pack")
    @Operation(summary = "Pack a picked and cut order into a shipment with a tracking number and hand it to the"
            + " carrier (default PostNord)")
    PickListBody pack(@PathVariable UUID orderId, @RequestBody(required = false) Picking.@Nullable Packing packing) {
        return PickListBody.of(picking.pack(orderId, packing == null ? new Picking.Packing(null) : packing));
    }

    @GetMapping(path = "/orders/{orderId}/packing-slip", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The packed order's packing slip (PDF): recipient, address, lines with lots; no CPR")
    ResponseEntity<byte[]> packingSlip(@PathVariable UUID orderId) {
        return PackingSlips.response(packingSlips, orderId);
    }
}
