package dk.fsc.assortment.internal;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

import dk.fsc.assortment.HoleRange;
import dk.fsc.assortment.ProductView;
import dk.fsc.shared.TimeConfiguration;
import dk.fsc.shared.seed.Seed;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Profile;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * A realistic demo assortment: four invented suppliers with valid CVR numbers, their
 * contracts (two of them expiring within three months of the first start), the products of
 * {@code assortment/demo-products.csv} and their price history from
 * {@code assortment/demo-prices.csv} (stoma prices fall by about 10 % with the 2026 tender). In the
 * products' file a replacement comes before the product it replaces, which refers to it.
 * <p>
 * Products have fixed ids {@code b0000000-0000-4000-8000-0000000000NN}, so that tests and
 * other modules' demo data can name them. The well-known ones:
 * <ul>
 * <li>{@link #ONE_PIECE_BAG} 01: STO-1001, one-piece closed bag, 30 per pack</li>
 * <li>{@link #TWO_PIECE_BAG} 03: STO-1101, two-piece closed bag, 50 mm coupling</li>
 * <li>{@link #FLAT_BASEPLATE} 05: STO-1201, flat baseplate, hole cut 10–45 mm; prices 849.00 kr from
 * 2024-01-01, 874.00 kr from 2025-01-01, 786.00 kr from 2026-01-01, 802.00 kr from 2027-01-01</li>
 * <li>{@link #CONVEX_BASEPLATE} 08: STO-1211, convex baseplate, hole cut 15–35 mm</li>
 * <li>{@link #ACCESSORY} 10: STO-1301, adhesive remover spray</li>
 * <li>{@link #OLDEST_BASEPLATE} 16: STO-1190, active 2022–2023, replaced by 14; {@link #REPLACED_BASEPLATE}
 * 14: STO-1191, active 2024–2025, replaced by 15; {@link #REPLACEMENT_BASEPLATE} 15: STO-1192, active from
 * 2026-01-01</li>
 * <li>{@link #DISCONTINUED_BAG} 17: STO-1091, left the assortment 2025-06-30 with no replacement</li>
 * <li>{@link #CATHETER} 20: URO-2001, {@link #CONTINENCE_PAD} 30: KON-3001</li>
 * <li>dispenser models 40 {@link #DISPENSER_BASIC} (reminder sound and light), 41 {@link #DISPENSER_LOCKED}
 * (locked compartments), 42 {@link #DISPENSER_CONNECT} (remote monitoring and alarm), 43 (as 42 with 90 dose
 * slots, from 2025), 44 {@link #PILL_BOX} (a simple reminder, 7 slots)</li>
 * <li>{@link #TELEHEALTH_KIT} 50: TEL-6001, the COPD telehealth kit</li>
 * </ul>
 * Suppliers have ids {@code b1000000-0000-4000-8000-0000000000NN}, contracts
 * {@code b2000000-0000-4000-8000-0000000000NN}.
 */
@Component
@Profile("demo")
class DemoAssortmentSeed implements Seed {

    static final UUID ONE_PIECE_BAG = product(1);
    static final UUID TWO_PIECE_BAG = product(3);
    static final UUID FLAT_BASEPLATE = product(5);
    static final UUID CONVEX_BASEPLATE = product(8);
    static final UUID ACCESSORY = product(10);
    static final UUID REPLACED_BASEPLATE = product(14);
    static final UUID REPLACEMENT_BASEPLATE = product(15);
    static final UUID OLDEST_BASEPLATE = product(16);
    static final UUID DISCONTINUED_BAG = product(17);
    static final UUID CATHETER = product(20);
    static final UUID CONTINENCE_PAD = product(30);
    static final UUID DISPENSER_BASIC = product(40);
    static final UUID DISPENSER_LOCKED = product(41);
    static final UUID DISPENSER_CONNECT = product(42);
    static final UUID PILL_BOX = product(44);
    static final UUID TELEHEALTH_KIT = product(50);

    static final UUID NORDSTOMA = UUID.fromString("b1000000-0000-4000-8000-000000000001");
    static final UUID JYSK_KONTINENS = UUID.fromString("b1000000-0000-4000-8000-000000000002");
    static final UUID DOSETECH = UUID.fromString("b1000000-0000-4000-8000-000000000003");
    static final UUID TELECARE = UUID.fromString("b1000000-0000-4000-8000-000000000004");

    private static final List<Supplier> SUPPLIERS = List.of(
            new Supplier(NORDSTOMA, "Nordstoma A/S", "31254701", "5790000123452", "Lone Kjær", "ordre@nordstoma.example",
                    "86123456"),
            new Supplier(JYSK_KONTINENS, "Jysk Kontinens ApS", "28943164", null, "Per Vestergaard",
                    "salg@jyskkontinens.example", "75234567"),
            new Supplier(DOSETECH, "DoseTech Nordic A/S", "35610286", "5790000234561", "Maja Holm",
                    "kontrakt@dosetech.example", "70203040"),
            new Supplier(TELECARE, "TeleCare Danmark ApS", "40177353", null, "Ahmed Nasser", "support@telecare.example",
                    "33445566"));

    private final SupplierRepository suppliers;
    private final ProductRepository products;
    private final PriceRepository prices;
    private final AreaRepository areas;
    private final Clock clock;

    DemoAssortmentSeed(SupplierRepository suppliers, ProductRepository products, PriceRepository prices,
            AreaRepository areas, Clock clock) {
        this.suppliers = suppliers;
        this.products = products;
        this.prices = prices;
        this.areas = areas;
        this.clock = clock;
    }

    static UUID product(int number) {
        return UUID.fromString(String.format("b0000000-0000-4000-8000-%012d", number));
    }

    @Override
    public String name() {
        return "assortment/demo-assortment";
    }

    @Override
    public int order() {
        return 170;
    }

    @Override
    public void apply() {
        SUPPLIERS.forEach(suppliers::insert);
        contracts(LocalDate.now(clock.withZone(TimeConfiguration.DANISH_TIME))).forEach(suppliers::insert);
        Map<String, UUID> supplierByCvr = new HashMap<>();
        SUPPLIERS.forEach(supplier -> supplierByCvr.put(supplier.cvr(), supplier.id()));
        Map<String, String> areaOfGroup = new HashMap<>();
        areas.groups().forEach(group -> areaOfGroup.put(group.code(), group.areaCode()));
        Map<String, UUID> idByItemNumber = new HashMap<>();
        for (CSVRecord row : csv("assortment/demo-products.csv")) {
            Product product = product(row, supplierByCvr, areaOfGroup);
            products.insert(product);
            idByItemNumber.put(product.itemNumber(), product.id());
        }
        List<PriceRepository.NewPrice> history = new ArrayList<>();
        for (CSVRecord row : csv("assortment/demo-prices.csv")) {
            history.add(new PriceRepository.NewPrice(idByItemNumber.get(row.get("item_number")),
                    LocalDate.parse(row.get("valid_from")), Long.parseLong(row.get("price_ore"))));
        }
        prices.insertAll(history, "demo", clock.instant(), "system");
    }

    private static List<Contract> contracts(LocalDate today) {
        return List.of(
                contract(1, "FSC-2025-01 Stomi og urologi", NORDSTOMA, List.of("STOMA", "UROLOGY"),
                        LocalDate.of(2026, 1, 1), LocalDate.of(2029, 12, 31), "10.00",
                        "Fire år med option på forlængelse 2 × 12 måneder. Rabat på listepris."),
                contract(2, "RM-2021-07 Stomi", NORDSTOMA, List.of("STOMA"), LocalDate.of(2022, 1, 1),
                        LocalDate.of(2025, 12, 31), "6.50", "Regionens tidligere kontrakt; afløst af FSC-2025-01."),
                contract(3, "FSC-2024-03 Kontinens og diabetes", JYSK_KONTINENS,
                        List.of("CONTINENCE", "DIABETES", "UROLOGY"), LocalDate.of(2024, 1, 1), today.plusDays(40),
                        "7.25", "Genudbud er i gang."),
                contract(4, "FSC-2024-05 Medicindispensere", DOSETECH, List.of("DISPENSER"), LocalDate.of(2024, 1, 1),
                        today.plusDays(75), "5.00", "Leasing pr. model og måned; service efter FSC's takster."),
                contract(5, "RM-2023-11 Telesundhed", TELECARE, List.of("TELEHEALTH"), LocalDate.of(2024, 1, 1),
                        LocalDate.of(2027, 6, 30), "0.00", "Sæt til KOL og hjertesvigt."));
    }

    private static Contract contract(int number, String tender, UUID supplier, List<String> areas, LocalDate from,
            LocalDate to, String discount, String notes) {
        return new Contract(UUID.fromString(String.format("b2000000-0000-4000-8000-%012d", number)), tender, supplier,
                "", areas, from, to, new BigDecimal(discount), notes);
    }

    private static Product product(CSVRecord row, Map<String, UUID> supplierByCvr, Map<String, String> areaOfGroup) {
        String group = row.get("group");
        HoleRange holes = row.get("hole_mm").isEmpty() ? null
                : new HoleRange(Integer.parseInt(row.get("hole_mm").split("-")[0]),
                        Integer.parseInt(row.get("hole_mm").split("-")[1]));
        ProductView.DeviceModel device = row.get("device_functions").isEmpty() ? null
                : new ProductView.DeviceModel(new TreeSet<>(Arrays.asList(row.get("device_functions").split(" "))),
                        row.get("dose_slots").isEmpty() ? null : Integer.valueOf(row.get("dose_slots")));
        return new Product(UUID.fromString(row.get("id")), row.get("item_number"),
                supplierByCvr.get(row.get("supplier_cvr")), "", row.get("supplier_item_number"),
                blankToNull(row.get("gtin")), row.get("name"), row.get("description"), areaOfGroup.get(group), group,
                row.get("iso_code"), row.get("unit"), Integer.parseInt(row.get("pack_size")),
                LocalDate.parse(row.get("active_from")),
                row.get("active_to").isEmpty() ? null : LocalDate.parse(row.get("active_to")),
                row.get("replaced_by").isEmpty() ? null : UUID.fromString(row.get("replaced_by")), holes, device);
    }

    private static @Nullable String blankToNull(String value) {
        return value.isEmpty() ? null : value;
    }

    private static List<CSVRecord> csv(String resource) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader reader = new InputStreamReader(new ClassPathResource(resource).getInputStream(),
                StandardCharsets.UTF_8)) {
            return format.parse(reader).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
