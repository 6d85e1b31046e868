package dk.fsc.warehouse.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dk.fsc.shared.TimeConfiguration;
import dk.fsc.shared.seed.Seed;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * A small demo warehouse: aisles A and B of zone 1 with eight locations in walking order, and
 * two lots of each common demo product (the assortment's fixed ids), the first expiring about
 * half a year after the first start and the second a year later, so that an order is reserved
 * from the first. The flat baseplate also has a lot {@code NS05-SOON} that expires within the
 * 30-day margin and is never reserved. Lots are named {@code NS<product number>-A} and {@code -B};
 * a pack of the flat baseplate's first lot scans as {@code (01)05700312500056(10)NS05-A}.
 */
@Component
@Profile("demo")
class DemoWarehouseSeed implements Seed {

    private record DemoProduct(int number, String location, String nextLocation) {
    }

    private static final List<DemoProduct> PRODUCTS = List.of(new DemoProduct(1, "A-01-1", "B-01-1"),
            new DemoProduct(3, "A-01-2", "B-01-2"), new DemoProduct(5, "A-02-1", "B-02-1"),
            new DemoProduct(8, "A-02-2", "B-02-2"), new DemoProduct(10, "A-01-1", "B-01-1"),
            new DemoProduct(15, "A-02-1", "B-02-1"), new DemoProduct(20, "A-01-2", "B-01-2"),
            new DemoProduct(30, "A-02-2", "B-02-2"));

    private final StockRepository stock;
    private final Clock clock;

    DemoWarehouseSeed(StockRepository stock, Clock clock) {
        this.stock = stock;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "warehouse/demo-stock";
    }

    @Override
    public int order() {
        return 320;
    }

    @Override
    public void apply() {
        int walkingOrder = 10;
        for (String aisle : List.of("A", "B")) {
            for (String shelf : List.of("01", "02")) {
                for (String bin : List.of("1", "2")) {
                    stock.addLocation(new StockRepository.Location(aisle + "-" + shelf + "-" + bin, "1", aisle, shelf,
                            bin, walkingOrder));
                    walkingOrder += 10;
                }
            }
        }
        LocalDate today = LocalDate.now(clock.withZone(TimeConfiguration.DANISH_TIME));
        StockRepository.Movement movement = new StockRepository.Movement(clock.instant(), "system:demo-seed",
                "demo stock", "demo");
        for (DemoProduct product : PRODUCTS) {
            UUID id = UUID.fromString(String.format("b0000000-0000-4000-8000-%012d", product.number()));
            String lot = String.format("NS%02d-", product.number());
            stock.receive(product.location(), id, lot + "A", today.plusMonths(6).withDayOfMonth(1).minusDays(1), 200,
                    movement);
            stock.receive(product.nextLocation(), id, lot + "B", today.plusMonths(18).withDayOfMonth(1).minusDays(1),
                    300, movement);
        }
        stock.receive("B-02-2", UUID.fromString("b0000000-0000-4000-8000-000000000005"), "NS05-SOON",
                today.plusDays(20), 50, movement);
    }
}
