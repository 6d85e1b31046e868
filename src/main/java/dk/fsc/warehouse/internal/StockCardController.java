package dk.fsc.warehouse.internal;

import java.util.List;
import java.util.UUID;

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
@Tag(name = "Warehouse stock card", description = "Stock search, short picks, count tasks and citizens' returns")
class StockCardController {

    private final StockKeeping stockKeeping;
    private final Picking picking;
    private final Returns returns;
    private final CountTasks countTasks;

    StockCardController(StockKeeping stockKeeping, Picking picking, Returns returns, CountTasks countTasks) {
        this.countTasks = countTasks;
        this.stockKeeping = stockKeeping;
        this.picking = picking;
        this.returns = returns;
    }

    @GetMapping("/stock/search")
    @Operation(summary = "Lots in stock found by a GTIN or GS1 scan, a lot number, or a product's name or item number")
    List<LotStock> search(@RequestParam(required = false) @Nullable String q) {
        return stockKeeping.search(q);
    }

    @PostMapping("/orders/{orderId}/short-picks")
    @Operation(summary = "Report less found than reserved on a pick line (line, lot, locationCode), how many were"
            + " found and why (DAMAGED, MISSING, WRONG_COUNT); the rest is reserved again or waits for stock")
    WarehouseController.PickListBody shortPick(@PathVariable UUID orderId, @RequestBody Picking.ShortPick report) {
        return WarehouseController.PickListBody.of(picking.shortPick(orderId, report));
    }

    @GetMapping("/count-tasks")
    @Operation(summary = "Open count tasks, oldest first: a lot at a location to count after a short pick, with what"
            + " the system expected there")
    List<CountTaskRepository.CountTask> countTasks() {
        return countTasks.open();
    }

    @PostMapping("/count-tasks/{id}/count")
    @Operation(summary = "Register what was counted (counted: 0 or more); the difference to what is on hand is"
            + " booked as an adjustment (COUNT) and the task is done. 409 when it is counted already")
    CountTaskRepository.CountTask count(@PathVariable UUID id, @RequestBody CountTasks.Count count) {
        return countTasks.count(id, count);
    }

    @PostMapping("/returns")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Receive a citizen's return: the parcel's tracking number, the pack's GS1 scan, quantity,"
            + " condition (SEALED, OPENED, DAMAGED) and, for a sealed usable pack, the location it goes to")
    Returns.Return receive(@RequestBody Returns.NewReturn request) {
        return returns.receive(request);
    }

    @GetMapping("/returns")
    @Operation(summary = "The newest 200 returns and what became of them")
    List<Returns.Return> recent() {
        return returns.recent(200);
    }

    @GetMapping("/returns/{id}")
    @Operation(summary = "One return")
    Returns.Return find(@PathVariable UUID id) {
        return returns.find(id);
    }
}
