package dk.fsc.devices.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import dk.fsc.assortment.Assortment;
import dk.fsc.assortment.ProductId;
import dk.fsc.assortment.ProductView;
import dk.fsc.citizens.CitizenMoved;
import dk.fsc.citizens.CitizenView;
import dk.fsc.citizens.CitizensForSystem;
import dk.fsc.devices.DeviceService;
import dk.fsc.devices.NeedLevel;
import dk.fsc.devices.WorkOrderRequested;
import dk.fsc.devices.WorkOrderType;
import dk.fsc.grants.GrantChanged;
import dk.fsc.grants.GrantEnded;
import dk.fsc.grants.GrantMade;
import dk.fsc.grants.GrantedLine;
import dk.fsc.grants.Grants;
import dk.fsc.identity.CurrentUsers;
import dk.fsc.identity.SystemJob;
import dk.fsc.shared.problem.InvalidInputException;
import dk.fsc.shared.TimeConfiguration;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns grants and requests into work. A grant line for a device model or a device area
 * (dispensers, telehealth) creates: prepare (workshop), deliver and set up, and train when the
 * caseworker granted training. Ending the grant, a move to another municipality or the
 * citizen's death (the grant ends) creates takedown and, when it is done, cleaning. Every piece
 * of work has a chain key, so events that arrive twice, or a grant changed twice, create
 * nothing twice. Listeners read the citizen's address as the system job {@code device-work}.
 */
@Component
class WorkChains {

    static final SystemJob JOB = new SystemJob("device-work");
    static final String AUDIT_ACTION = "device.work";
    static final Set<String> DEVICE_AREAS = Set.of("DISPENSER", "TELEHEALTH");

    private final WorkOrders workOrders;
    private final DeviceRegister devices;
    private final Assessments assessments;
    private final RuleBook ruleBook;
    private final Grants grants;
    private final Assortment assortment;
    private final CitizensForSystem citizens;
    private final CurrentUsers currentUsers;
    private final Clock clock;

    WorkChains(WorkOrders workOrders, DeviceRegister devices, Assessments assessments, RuleBook ruleBook,
            Grants grants, Assortment assortment, CitizensForSystem citizens, CurrentUsers currentUsers, Clock clock) {
        this.workOrders = workOrders;
        this.devices = devices;
        this.assessments = assessments;
        this.ruleBook = ruleBook;
        this.grants = grants;
        this.assortment = assortment;
        this.citizens = citizens;
        this.currentUsers = currentUsers;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(GrantMade made) {
        startWork(made.grantId().value(), made.citizenId().value());
    }

    @ApplicationModuleListener
    void on(GrantChanged changed) {
        startWork(changed.grantId().value(), changed.citizenId().value());
    }

    @ApplicationModuleListener
    void on(GrantEnded ended) {
        LocalDate today = devices.today();
        for (DeviceRegister.Lease lease : devices.openLeases(ended.citizenId().value())) {
            if (ended.grantId().value().equals(lease.grantId())) {
                takeDown(lease, "grant ended: " + ended.reason(), today);
            }
        }
        for (WorkOrders.WorkOrder work : workOrders.ofGrant(ended.grantId().value())) {
            if (work.open() && (work.type() == WorkOrderType.PREPARE || work.type() == WorkOrderType.SETUP
                    || work.type() == WorkOrderType.TRAINING)) {
                cancel(work, "grant ended");
            }
        }
    }

    @ApplicationModuleListener
    void on(CitizenMoved moved) {
        if (moved.fromMunicipality().equals(moved.toMunicipality())) {
            return;
        }
        for (DeviceRegister.Lease lease : devices.openLeases(moved.citizenId().value())) {
            if (lease.municipality().equals(moved.fromMunicipality().value())) {
                takeDown(lease, "moved to " + moved.toMunicipality().value(), devices.today());
            }
        }
    }

    @ApplicationModuleListener
    void on(WorkOrderRequested requested) {
        Optional<DeviceRegister.Device> device = devices.find(requested.deviceSerial());
        DeviceRegister.Lease lease = device.flatMap(d -> d.citizenId() == null ? Optional.empty()
                : devices.openLeases(d.citizenId()).stream().filter(l -> l.serial().equals(d.serial())).findFirst())
                .orElse(null);
        if (lease == null) {
            return;
        }
        if (requested.type() == WorkOrderType.REFILL) {
            Optional<WorkOrders.WorkOrder> planned = workOrders.openOfCitizen(lease.citizenId()).stream()
                    .filter(w -> w.type() == WorkOrderType.REFILL && lease.serial().equals(w.deviceSerial())).findFirst();
            if (planned.isPresent()) {
                Instant due = workOrders.target("REFILL").dueFrom(clock.instant());
                if (due.isBefore(planned.get().dueAt())) {
                    workOrders.setDue(planned.get().id(), due);
                }
                return;
            }
        }
        String target = requested.type() == WorkOrderType.REPAIR && requested.acute() ? "REPAIR" : "SERVICE";
        Set<String> skills = requested.type() == WorkOrderType.REFILL ? Set.of("REFILL")
                : requested.type() == WorkOrderType.REPAIR ? Set.of("REPAIR") : Set.of();
        create("request:" + requested.requestId(), requested.type(), lease.citizenId(), lease.municipality(),
                lease.grantId(), lease.modelId(), null, null, "", lease.serial(), skills, requested.acute() ? 1 : 2,
                null, null, requested.type() == WorkOrderType.REFILL ? "REFILL"
                        : requested.type() == WorkOrderType.REPAIR ? target : requested.type().name(),
                requested.reason());
    }

    /** The grant's device lines in force today, each with its chain of work (created once). */
    @Transactional
    void startWork(UUID grantId, UUID citizenId) {
        LocalDate today = devices.today();
        List<GrantedLine> inForce = grants.inForce(new dk.fsc.citizens.CitizenId(citizenId), today).stream()
                .filter(line -> line.grantId().value().equals(grantId)).toList();
        List<GrantedLine> lines = inForce.stream().filter(this::deviceLine).toList();
        if (!inForce.isEmpty()) {
            stopRemovedLines(grantId, citizenId, lines, today);
        }
        if (lines.isEmpty()) {
            return;
        }
        Optional<Assessments.Assessment> assessment = assessments.linkToGrant(citizenId, grantId);
        for (GrantedLine line : lines) {
            String area = line.productId() != null
                    ? assortment.product(line.productId()).map(ProductView::areaCode).orElse("")
                    : line.areaCode();
            NeedLevel level = "DISPENSER".equals(area)
                    ? assessment.map(Assessments.Assessment::chosen).filter(NeedLevel::needsDevice)
                            .orElse(NeedLevel.DISPENSER)
                    : null;
            Set<String> functions = level == null ? Set.of() : ruleBook.current().rules().functionsFor(level);
            boolean training = assessment.map(Assessments.Assessment::training).orElse(false);
            Set<DeviceService> services = new java.util.TreeSet<>(level == null ? Set.of() : level.services());
            if (training) {
                services.add(DeviceService.TRAINING);
            }
            String key = lineKey(grantId, line.lineId());
            String servicesText = services.stream().map(Enum::name).collect(Collectors.joining(" "));
            UUID model = line.productId() == null ? null : line.productId().value();
            WorkOrders.WorkOrder prepare = create(key + "prepare", WorkOrderType.PREPARE, citizenId,
                    line.paidBy().value(), grantId, model, line.productId() == null ? area : null,
                    level == null ? null : level.name(), servicesText, null, Set.of(), 2, null, null, "PREPARE", null);
            WorkOrders.WorkOrder setup = create(key + "setup", WorkOrderType.SETUP, citizenId, line.paidBy().value(),
                    grantId, model, line.productId() == null ? area : null, level == null ? null : level.name(),
                    servicesText, null, Set.of(area), 2, prepare.id(), WorkOrders.WAITING_FOR_PREPARATION, "SETUP",
                    null);
            if (training) {
                create(key + "training", WorkOrderType.TRAINING, citizenId, line.paidBy().value(), grantId, model,
                        null, level == null ? null : level.name(), servicesText, null, Set.of(), 3, setup.id(), null,
                        "TRAINING", null);
            }
            if (prepare.deviceSerial() == null && prepare.open()) {
                setAside(prepare, functions);
            }
            if (setup.status() == WorkOrders.Status.DONE && setup.deviceSerial() != null) {
                devices.openLeases(citizenId).stream().filter(lease -> lease.serial().equals(setup.deviceSerial()))
                        .forEach(lease -> devices.changeServices(lease, services));
            }
        }
    }

    /**
     * A device line taken out of a grant that is still in force: its open work is cancelled, and a
     * device it installed is taken down (its lease ends today).
     */
    private void stopRemovedLines(UUID grantId, UUID citizenId, List<GrantedLine> kept, LocalDate today) {
        Set<String> keptKeys = kept.stream().map(line -> lineKey(grantId, line.lineId())).collect(Collectors.toSet());
        for (WorkOrders.WorkOrder work : workOrders.ofGrant(grantId)) {
            String key = work.chainKey();
            if (!key.startsWith("grant:") || keptKeys.stream().anyMatch(key::startsWith)) {
                continue;
            }
            if (work.open()) {
                cancel(work, "grant line removed");
            } else if (work.type() == WorkOrderType.SETUP && work.status() == WorkOrders.Status.DONE
                    && work.deviceSerial() != null) {
                devices.openLeases(citizenId).stream().filter(lease -> lease.serial().equals(work.deviceSerial()))
                        .forEach(lease -> takeDown(lease, "grant line removed", today));
            }
        }
    }

    private static String lineKey(UUID grantId, UUID lineId) {
        return "grant:" + grantId + ":line:" + lineId + ":";
    }

    private boolean deviceLine(GrantedLine line) {
        if (line.productId() != null) {
            return assortment.product(line.productId()).map(p -> p.device() != null).orElse(false);
        }
        return line.areaCode() != null && DEVICE_AREAS.contains(line.areaCode());
    }

    /** Reuse first: sets a device aside for the preparation, or marks the work as waiting for one. */
    void setAside(WorkOrders.WorkOrder prepare, Set<String> functions) {
        List<UUID> models = devices.suitableModels(prepare.modelId(), prepare.areaCode(), functions);
        Optional<DeviceRegister.Device> device = devices.setAside(models, prepare.id());
        workOrders.setDevice(prepare.id(), device.map(DeviceRegister.Device::serial).orElse(null),
                device.isPresent() ? null : WorkOrders.WAITING_FOR_DEVICE);
    }

    /**
     * With the refill service, the next refill after a setup or a refill is due before the
     * dispenser runs empty: its dose slots divided by the doses a day of the grant's assessment,
     * a day early. Created once per fill.
     */
    void nextRefill(WorkOrders.WorkOrder filled, String serial, Instant filledAt) {
        if (filled.citizenId() == null) {
            return;
        }
        Optional<DeviceRegister.Lease> lease = devices.openLeases(filled.citizenId()).stream()
                .filter(l -> l.serial().equals(serial) && l.services().contains(DeviceService.REFILL)).findFirst();
        Integer slots = lease.flatMap(l -> model(l.modelId())).map(ProductView::device)
                .map(ProductView.DeviceModel::doseSlots).orElse(null);
        int dosesPerDay = lease.map(l -> l.grantId() == null ? 0 : assessments.dosesPerDay(l.grantId())).orElse(0);
        if (lease.isEmpty() || slots == null || dosesPerDay == 0) {
            return;
        }
        DeviceRegister.Lease l = lease.get();
        Instant due = filledAt.plus(java.time.Duration.ofDays(Math.max(1, slots / dosesPerDay - 1)));
        workOrders.insertIfNew(new WorkOrders.WorkOrder(UUID.randomUUID(), "refill:" + filled.id(), WorkOrderType.REFILL,
                WorkOrders.Status.OPEN, l.citizenId(), filled.citizenName(), l.municipality(), l.grantId(), l.modelId(),
                null, null, "", serial, filled.street(), filled.postalCode(), filled.city(), null, null, "REFILL", 2,
                duration(WorkOrderType.REFILL), null, null, null, false, null, null, null, null, null, null, null, due,
                clock.instant(), null));
    }

    /** Registers a new device in stock and gives it to a preparation waiting for one. */
    @Transactional
    DeviceRegister.Device register(@Nullable String serial, @Nullable UUID modelId, @Nullable String supplier,
            @Nullable LocalDate purchasedOn) {
        DeviceRegister.Device device = devices.register(serial, modelId, supplier, purchasedOn,
                currentUsers.require().username());
        serveWaiting();
        return device;
    }

    /**
     * Moves a device by hand (cleaning, repair, back in stock, scrapped); the steps that work
     * orders make (prepared, in transit, installed, collected) are refused. A device back in
     * stock goes to a preparation waiting for one.
     */
    @Transactional
    void moveByHand(String serial, @Nullable String state, @Nullable String note) {
        DeviceState to = java.util.Arrays.stream(DeviceState.values()).filter(s -> s.name().equals(state)).findFirst()
                .orElseThrow(() -> InvalidInputException.of("state", "devices.error.state"));
        if (to == DeviceState.PREPARED || to == DeviceState.IN_TRANSIT || to == DeviceState.INSTALLED
                || to == DeviceState.COLLECTED) {
            throw InvalidInputException.of("state", "devices.error.state.byWork");
        }
        String stripped = note == null ? "" : note.strip();
        devices.move(serial, to, currentUsers.require().username(), null, null,
                stripped.isEmpty() ? null : stripped.substring(0, Math.min(stripped.length(), 500)));
        if (to == DeviceState.IN_STOCK) {
            serveWaiting();
        }
    }

    /** Gives devices back in stock to preparations waiting for one, oldest first. */
    @Transactional
    void serveWaiting() {
        for (WorkOrders.WorkOrder waiting : workOrders.waitingFor(WorkOrders.WAITING_FOR_DEVICE)) {
            NeedLevel level = waiting.level() == null ? null : NeedLevel.valueOf(waiting.level());
            setAside(waiting, level == null ? Set.of() : ruleBook.current().rules().functionsFor(level));
        }
    }

    /** The lease ends today (the takedown is ordered today); takedown at the citizen's, once per lease. */
    @Transactional
    void takeDown(DeviceRegister.Lease lease, String reason, LocalDate orderedOn) {
        devices.endLease(lease.id(), orderedOn);
        create("lease:" + lease.id() + ":takedown", WorkOrderType.TAKEDOWN, lease.citizenId(), lease.municipality(),
                lease.grantId(), lease.modelId(), null, null, "", lease.serial(), Set.of(), 2, null, null, "TAKEDOWN",
                reason);
        workOrders.ofGrant(lease.grantId() == null ? UUID.randomUUID() : lease.grantId()).stream()
                .filter(w -> w.open() && lease.serial().equals(w.deviceSerial()) && (w.type() == WorkOrderType.REFILL
                        || w.type() == WorkOrderType.TRAINING || w.type() == WorkOrderType.SERVICE))
                .forEach(w -> workOrders.cancel(w.id(), "taken down"));
    }

    void cancel(WorkOrders.WorkOrder work, String reason) {
        workOrders.cancel(work.id(), reason);
        if (work.type() == WorkOrderType.PREPARE && work.deviceSerial() != null) {
            DeviceRegister.Device device = devices.require(work.deviceSerial());
            if (device.state() == DeviceState.PREPARED) {
                devices.move(device.serial(), DeviceState.IN_STOCK, "system:" + JOB.name(), null, work.id(), reason);
            } else {
                devices.release(device.serial());
            }
            serveWaiting();
        }
    }

    /** Creates the work unless its chain key exists; returns the work as stored either way. */
    WorkOrders.WorkOrder create(String key, WorkOrderType type, UUID citizenId, String municipality,
            @Nullable UUID grantId, @Nullable UUID modelId, @Nullable String areaCode, @Nullable String level,
            String services, @Nullable String serial, Set<String> skills, int priority, @Nullable UUID dependsOn,
            @Nullable String waiting, String target, @Nullable String reason) {
        Optional<WorkOrders.WorkOrder> known = workOrders.byChainKey(key);
        if (known.isPresent()) {
            return known.get();
        }
        Instant now = clock.instant();
        boolean visit = type != WorkOrderType.PREPARE && type != WorkOrderType.CLEANING;
        CitizenView citizen = visit ? citizens.find(JOB, citizenId, AUDIT_ACTION).orElse(null) : null;
        WorkOrders.WorkOrder work = new WorkOrders.WorkOrder(UUID.randomUUID(), key, type, WorkOrders.Status.OPEN,
                citizenId, citizen == null ? null : citizen.name(), municipality, grantId, modelId,
                areaCode, level, services, serial, visit && citizen != null ? citizen.address().street() : null,
                visit && citizen != null ? citizen.address().postalCode() : null,
                visit && citizen != null ? citizen.address().city() : null, null, null,
                skills.stream().filter(s -> !s.isBlank()).sorted().collect(Collectors.joining(" ")), priority,
                duration(type), null, null, null, false, null, null, null, null, null, waiting, dependsOn,
                workOrders.target(target).dueFrom(now), now, reason);
        workOrders.insertIfNew(work);
        return workOrders.byChainKey(key).orElseThrow();
    }

    static int duration(WorkOrderType type) {
        return switch (type) {
            case SETUP -> 45;
            case TRAINING -> 30;
            case TAKEDOWN -> 20;
            case REFILL -> 15;
            case PREPARE, CLEANING -> 20;
            default -> 30;
        };
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(TimeConfiguration.DANISH_TIME));
    }

    Optional<ProductView> model(@Nullable UUID id) {
        return id == null ? Optional.empty() : assortment.product(new ProductId(id));
    }
}
