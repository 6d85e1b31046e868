package dk.fsc.devices.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import dk.fsc.assortment.Assortment;
import dk.fsc.assortment.ProductId;
import dk.fsc.assortment.ProductView;
import dk.fsc.citizens.CitizenId;
import dk.fsc.devices.DeviceService;
import dk.fsc.devices.DeviceServicesChanged;
import dk.fsc.devices.LeasePeriodEnded;
import dk.fsc.devices.LeasePeriodStarted;
import dk.fsc.reference.MunicipalityCode;
import dk.fsc.shared.Gs1ElementString;
import dk.fsc.shared.TimeConfiguration;
import dk.fsc.shared.problem.ConflictException;
import dk.fsc.shared.problem.FieldError;
import dk.fsc.shared.problem.InvalidInputException;
import dk.fsc.shared.problem.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Serialized devices: registered with their model, supplier and purchase date; moved through
 * their lifecycle ({@link DeviceState}) with a history row for every step; chosen for a grant
 * reuse first; leased from installation to the day the takedown is ordered.
 */
@Service
class DeviceRegister {

    record Device(String serial, UUID modelId, String areaCode, String supplier, LocalDate purchasedOn,
            DeviceState state, @Nullable UUID citizenId, @Nullable UUID workOrderId, Instant changedAt,
            @Nullable Instant cleanedAt) {
    }

    record HistoryRow(long id, Instant at, String byUser, @Nullable String fromState, String toState,
            @Nullable UUID citizenId, @Nullable UUID workOrderId, @Nullable String note) {
    }

    record Lease(UUID id, String serial, UUID modelId, UUID citizenId, String municipality, @Nullable UUID grantId,
            Set<DeviceService> services, LocalDate startsOn, @Nullable LocalDate endsOn) {
    }

    private final JdbcClient jdbc;
    private final Assortment assortment;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DeviceRegister(JdbcClient jdbc, Assortment assortment, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.assortment = assortment;
        this.events = events;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(TimeConfiguration.DANISH_TIME));
    }

    /** A new device in stock; refused for an unknown serial format, a taken serial or a model that is no device. */
    @Transactional
    Device register(@Nullable String serial, @Nullable UUID modelId, @Nullable String supplier,
            @Nullable LocalDate purchasedOn, String by) {
        List<FieldError> errors = new java.util.ArrayList<>();
        if (serial == null || !serial.strip().matches("[A-Za-z0-9-]{3,20}")) {
            errors.add(FieldError.of("serial", "devices.error.serial.format"));
        }
        ProductView model = modelId == null ? null : assortment.product(new ProductId(modelId)).orElse(null);
        if (model == null || model.device() == null) {
            errors.add(FieldError.of("modelId", "devices.error.model"));
        }
        if (supplier == null || supplier.isBlank() || supplier.length() > 100) {
            errors.add(FieldError.of("supplier", "devices.error.supplier"));
        }
        if (purchasedOn == null || purchasedOn.isAfter(today())) {
            errors.add(FieldError.of("purchasedOn", "devices.error.purchasedOn"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The device cannot be registered", errors);
        }
        String id = serial.strip();
        if (jdbc.sql("insert into devices.device (serial, model_id, area_code, supplier, purchased_on, state, changed_at)"
                + " values (?, ?, ?, ?, ?, 'IN_STOCK', ?) on conflict (serial) do nothing")
                .params(id, modelId, model.areaCode(), supplier.strip(), Date.valueOf(purchasedOn),
                        Timestamp.from(clock.instant()))
                .update() == 0) {
            throw new ConflictException("The serial is taken",
                    List.of(FieldError.of("serial", "devices.error.serial.taken", id)));
        }
        history(id, by, null, DeviceState.IN_STOCK, null, null, "registered");
        return find(id).orElseThrow();
    }

    Optional<Device> find(String serial) {
        return jdbc.sql(SELECT + " where serial = ?").param(serial).query(DeviceRegister::map).optional();
    }

    Device require(String serial) {
        return find(serial).orElseThrow(() -> new NotFoundException("No device " + serial));
    }

    private Device lock(String serial) {
        return jdbc.sql(SELECT + " where serial = ? for update").param(serial).query(DeviceRegister::map).optional()
                .orElseThrow(() -> InvalidInputException.of("serial", "devices.error.serial.unknown"));
    }

    List<Device> search(@Nullable UUID modelId, @Nullable DeviceState state) {
        return jdbc.sql(SELECT + " where (cast(? as uuid) is null or model_id = ?) and (cast(? as text) is null or state = ?)"
                + " order by model_id, state, serial limit 500")
                .params(modelId, modelId, state == null ? null : state.name(), state == null ? null : state.name())
                .query(DeviceRegister::map).list();
    }

    List<HistoryRow> history(String serial) {
        return jdbc.sql("select id, at, by_user, from_state, to_state, citizen_id, work_order_id, note"
                + " from devices.device_history where serial = ? order by id").param(serial).query(HistoryRow.class)
                .list();
    }

    /** Reads a typed serial or a GS1 scan (the serial in AI 21); refused when the scan names another model. */
    String serialOf(String field, String typed, Collection<UUID> acceptedModels) {
        String text = typed.strip();
        if (text.isEmpty()) {
            throw InvalidInputException.of(field, "devices.error.serial.missing");
        }
        if (text.startsWith("(") || text.startsWith("]") || text.length() > 20 && text.matches("[0-9].*")
                || text.indexOf('\u001d') >= 0) {
            Gs1ElementString read = Gs1ElementString.parse(field, text, today());
            if (read.serial() == null) {
                throw InvalidInputException.of(field, "devices.error.serial.notInScan");
            }
            ProductView product = assortment.productByGtin(read.gtin()).orElse(null);
            if (product == null || !acceptedModels.isEmpty() && !acceptedModels.contains(product.id().value())) {
                throw new InvalidInputException("Another model", List.of(FieldError.of(field,
                        "devices.error.serial.otherModel", read.serial(), product == null ? read.gtin().digits()
                                : product.name())));
            }
            return read.serial();
        }
        return text;
    }

    /** Moves a device on in its lifecycle, or refuses with the reason; writes the history row. */
    @Transactional
    Device move(String serial, DeviceState to, String by, @Nullable UUID citizenId, @Nullable UUID workOrderId,
            @Nullable String note) {
        Device device = lock(serial);
        device.state().checkMayBecome(to, serial);
        UUID keptCitizen = to == DeviceState.IN_TRANSIT || to == DeviceState.INSTALLED || to == DeviceState.COLLECTED
                || to == DeviceState.PREPARED ? (citizenId != null ? citizenId : device.citizenId()) : null;
        UUID keptWorkOrder = to == DeviceState.IN_STOCK || to == DeviceState.SCRAPPED ? null
                : workOrderId != null ? workOrderId : device.workOrderId();
        jdbc.sql("update devices.device set state = ?, citizen_id = ?, work_order_id = ?, changed_at = ?,"
                + " cleaned_at = case when ? then ? else cleaned_at end where serial = ?")
                .params(to.name(), keptCitizen, keptWorkOrder, Timestamp.from(clock.instant()),
                        device.state() == DeviceState.CLEANING && to == DeviceState.IN_STOCK,
                        Timestamp.from(clock.instant()), serial)
                .update();
        history(serial, by, device.state(), to, keptCitizen, workOrderId, note);
        return require(serial);
    }

    private void history(String serial, String by, @Nullable DeviceState from, DeviceState to,
            @Nullable UUID citizenId, @Nullable UUID workOrderId, @Nullable String note) {
        jdbc.sql("insert into devices.device_history (serial, at, by_user, from_state, to_state, citizen_id,"
                + " work_order_id, note) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(serial, Timestamp.from(clock.instant()), by, from == null ? null : from.name(), to.name(),
                        citizenId, workOrderId, note)
                .update();
    }

    /**
     * Reuse first: a free device in stock of one of {@code models}, cleaned ones before new ones,
     * the longest cleaned (then the oldest bought) first; it is set aside for {@code workOrderId}.
     */
    @Transactional
    Optional<Device> setAside(Collection<UUID> models, UUID workOrderId) {
        if (models.isEmpty()) {
            return Optional.empty();
        }
        Optional<Device> free = jdbc.sql(SELECT + " where state = 'IN_STOCK' and work_order_id is null"
                + " and model_id in (:models) order by cleaned_at is null, cleaned_at, purchased_on, serial"
                + " limit 1 for update skip locked").param("models", models).query(DeviceRegister::map).optional();
        free.ifPresent(d -> jdbc.sql("update devices.device set work_order_id = ? where serial = ?")
                .params(workOrderId, d.serial()).update());
        return free.map(d -> require(d.serial()));
    }

    /** Frees a device set aside for work that will not be done. */
    void release(String serial) {
        jdbc.sql("update devices.device set work_order_id = null where serial = ? and state = 'IN_STOCK'").param(serial)
                .update();
    }

    /** The device models of {@code areaCode}, or {@code modelId} alone, whose functions cover {@code functions}. */
    List<UUID> suitableModels(@Nullable UUID modelId, @Nullable String areaCode, Set<String> functions) {
        List<ProductView> candidates = modelId != null
                ? assortment.product(new ProductId(modelId)).stream().toList()
                : areaCode == null ? List.of() : assortment.activeInArea(areaCode, today());
        return candidates.stream().filter(p -> p.device() != null && p.device().functions().containsAll(functions))
                .map(p -> p.id().value()).toList();
    }

    /** The lease begins on the installation day; published with the services granted. */
    @Transactional
    Lease startLease(Device device, UUID citizenId, String municipality, @Nullable UUID grantId,
            Set<DeviceService> services) {
        return startLease(device, citizenId, municipality, grantId, services, today());
    }

    /** A lease from {@code startsOn}, the day the device was installed. */
    @Transactional
    Lease startLease(Device device, UUID citizenId, String municipality, @Nullable UUID grantId,
            Set<DeviceService> services, LocalDate startsOn) {
        Lease lease = new Lease(UUID.randomUUID(), device.serial(), device.modelId(), citizenId, municipality, grantId,
                services, startsOn, null);
        jdbc.sql("insert into devices.lease (id, serial, model_id, citizen_id, municipality, grant_id, services,"
                + " starts_on) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(lease.id(), lease.serial(), lease.modelId(), citizenId, municipality, grantId,
                        services.stream().map(Enum::name).sorted().collect(Collectors.joining(" ")),
                        Date.valueOf(lease.startsOn()))
                .update();
        events.publishEvent(new LeasePeriodStarted(lease.id(), lease.serial(), new ProductId(lease.modelId()),
                new CitizenId(citizenId), new MunicipalityCode(municipality), services, lease.startsOn(),
                clock.instant()));
        events.publishEvent(new DeviceServicesChanged(lease.id(), lease.serial(), new CitizenId(citizenId),
                new MunicipalityCode(municipality), services, lease.startsOn(), clock.instant()));
        return lease;
    }

    /** The services of an open lease changed (say, alarm added by a new assessment): kept and published from today. */
    @Transactional
    void changeServices(Lease lease, Set<DeviceService> services) {
        if (lease.services().equals(services) || jdbc.sql("update devices.lease set services = ? where id = ?"
                + " and ends_on is null").params(services.stream().map(Enum::name).sorted()
                        .collect(Collectors.joining(" ")), lease.id()).update() == 0) {
            return;
        }
        events.publishEvent(new DeviceServicesChanged(lease.id(), lease.serial(), new CitizenId(lease.citizenId()),
                new MunicipalityCode(lease.municipality()), services, today(), clock.instant()));
    }

    /** Ends the open lease of {@code serial} on {@code endsOn} (the day the takedown was ordered), once. */
    @Transactional
    Optional<Lease> endLease(UUID leaseId, LocalDate endsOn) {
        Optional<Lease> open = jdbc.sql(LEASE + " where id = ? and ends_on is null for update").param(leaseId)
                .query(DeviceRegister::lease).optional();
        open.ifPresent(lease -> {
            LocalDate last = endsOn.isBefore(lease.startsOn()) ? lease.startsOn() : endsOn;
            jdbc.sql("update devices.lease set ends_on = ? where id = ?").params(Date.valueOf(last), leaseId).update();
            events.publishEvent(new LeasePeriodEnded(lease.id(), lease.serial(), new ProductId(lease.modelId()),
                    new CitizenId(lease.citizenId()), new MunicipalityCode(lease.municipality()), lease.startsOn(),
                    last, clock.instant()));
        });
        return open;
    }

    List<Lease> openLeases(UUID citizenId) {
        return jdbc.sql(LEASE + " where citizen_id = ? and ends_on is null").param(citizenId)
                .query(DeviceRegister::lease).list();
    }

    List<Lease> leases(String serial) {
        return jdbc.sql(LEASE + " where serial = ? order by starts_on").param(serial).query(DeviceRegister::lease)
                .list();
    }

    private static final String SELECT = "select serial, model_id, area_code, supplier, purchased_on, state, citizen_id,"
            + " work_order_id, changed_at, cleaned_at from devices.device";
    private static final String LEASE = "select id, serial, model_id, citizen_id, municipality, grant_id, services,"
            + " starts_on, ends_on from devices.lease";

    private static Device map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        Timestamp cleaned = rs.getTimestamp(10);
        return new Device(rs.getString(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                rs.getDate(5).toLocalDate(), DeviceState.valueOf(rs.getString(6)), rs.getObject(7, UUID.class),
                rs.getObject(8, UUID.class), rs.getTimestamp(9).toInstant(), cleaned == null ? null : cleaned.toInstant());
    }

    private static Lease lease(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        String services = rs.getString(7);
        Date ends = rs.getDate(9);
        return new Lease(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class),
                rs.getObject(4, UUID.class), rs.getString(5), rs.getObject(6, UUID.class),
                services.isBlank() ? Set.of()
                        : EnumSet.copyOf(Arrays.stream(services.split(" ")).map(DeviceService::valueOf).toList()),
                rs.getDate(8).toLocalDate(), ends == null ? null : ends.toLocalDate());
    }
}
