package dk.fsc.devices.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dk.fsc.citizens.CitizenId;
import dk.fsc.devices.DeviceService;
import dk.fsc.devices.WorkOrderCompleted;
import dk.fsc.devices.WorkOrderType;
import dk.fsc.identity.CurrentUser;
import dk.fsc.identity.CurrentUsers;
import dk.fsc.identity.Role;
import dk.fsc.reference.MunicipalityCode;
import dk.fsc.shared.TimeConfiguration;
import dk.fsc.shared.problem.ConflictException;
import dk.fsc.shared.problem.FieldError;
import dk.fsc.shared.problem.InvalidInputException;
import dk.fsc.shared.problem.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Work being done: a work order assigned to a technician by hand (within their hours, with the
 * skills), and registered done with minutes, outcome and a note. Completing the work moves its
 * device on: prepared in the workshop, installed at setup (the serial scanned binds it to the
 * citizen and starts the lease), collected at takedown, in stock again after cleaning.
 */
@Service
class FieldWork {

    enum Outcome {
        COMPLETED, NOT_AT_HOME, NOT_POSSIBLE
    }

    record Done(@Nullable String scan, @Nullable Integer minutes, @Nullable String outcome, @Nullable String note) {
    }

    private final WorkOrders workOrders;
    private final DeviceRegister devices;
    private final WorkChains chains;
    private final Technicians technicians;
    private final CurrentUsers currentUsers;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    FieldWork(WorkOrders workOrders, DeviceRegister devices, WorkChains chains, Technicians technicians,
            CurrentUsers currentUsers, ApplicationEventPublisher events, Clock clock) {
        this.workOrders = workOrders;
        this.devices = devices;
        this.chains = chains;
        this.technicians = technicians;
        this.currentUsers = currentUsers;
        this.events = events;
        this.clock = clock;
    }

    WorkOrders.WorkOrder require(UUID id) {
        return workOrders.find(id).orElseThrow(() -> new NotFoundException("No such work order"));
    }

    /** Plans a visit by hand: refused outside the technician's hours, without the skill or on an absent day. */
    @Transactional
    WorkOrders.WorkOrder assign(UUID workId, @Nullable UUID technicianId, @Nullable LocalDate day,
            @Nullable LocalTime start) {
        WorkOrders.WorkOrder work = workOrders.lock(workId).orElseThrow(() -> new NotFoundException("No such work"));
        List<FieldError> errors = new ArrayList<>();
        Technicians.Technician technician = technicianId == null ? null : technicians.find(technicianId).orElse(null);
        if (!work.open() || !work.visit()) {
            throw new ConflictException("Not a visit to plan", List.of(FieldError.of("technician",
                    "devices.error.assign.notOpen")));
        }
        if (technician == null) {
            errors.add(FieldError.of("technician", "devices.error.technician"));
        } else if (!technician.canDo(work.skillSet())) {
            String missing = work.skillSet().stream().filter(skill -> !technician.skills().contains(skill)).sorted()
                    .findFirst().orElse(work.skills());
            errors.add(FieldError.of("technician", "devices.error.assign.skill", technician.name(),
                    new DefaultMessageSourceResolvable(new String[] { "skill." + missing }, missing)));
        }
        if (day == null) {
            errors.add(FieldError.of("day", "devices.error.day"));
        } else if (technician != null && technicians.absent(technician.id(), day)) {
            errors.add(FieldError.of("day", "devices.error.assign.absent", technician.name()));
        }
        if (start == null) {
            errors.add(FieldError.of("start", "devices.error.start"));
        } else if (technician != null && (start.isBefore(technician.dayStart())
                || start.plusMinutes(work.durationMinutes()).isAfter(technician.dayEnd())
                || start.plusMinutes(work.durationMinutes()).isBefore(start))) {
            errors.add(FieldError.of("start", "devices.error.assign.hours", technician.name(), technician.dayStart(),
                    technician.dayEnd()));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The work cannot be assigned", errors);
        }
        ZonedDateTime at = day.atTime(start).atZone(TimeConfiguration.DANISH_TIME);
        workOrders.plan(workId, technicianId, at.toInstant(), at.plusMinutes(work.durationMinutes()).toInstant(), true);
        return require(workId);
    }

    /** Registers the work done (or not: not at home, not possible, which puts it back to be planned). */
    @Transactional
    WorkOrders.WorkOrder complete(UUID workId, Done done) {
        WorkOrders.WorkOrder work = workOrders.lock(workId).orElseThrow(() -> new NotFoundException("No such work"));
        CurrentUser user = currentUsers.require();
        if (user.has(Role.TECHNICIAN) && !user.has(Role.FSC_ADMIN)) {
            UUID mine = technicians.byUsername(user.username()).map(Technicians.Technician::id).orElse(null);
            if (work.visit() && (mine == null || !mine.equals(work.technicianId()))) {
                throw new NotFoundException("No such work order");
            }
        }
        List<FieldError> errors = new ArrayList<>();
        if (!work.open()) {
            throw new ConflictException("The work is done", List.of(FieldError.of("outcome", "devices.error.done")));
        }
        if (done.minutes() == null || done.minutes() < 0 || done.minutes() > 24 * 60) {
            errors.add(FieldError.of("minutes", "devices.error.minutes"));
        }
        Outcome outcome = done.outcome() == null ? null : java.util.Arrays.stream(Outcome.values())
                .filter(o -> o.name().equals(done.outcome())).findFirst().orElse(null);
        if (outcome == null) {
            errors.add(FieldError.of("outcome", "devices.error.outcome"));
        }
        String note = done.note() == null || done.note().isBlank() ? null : done.note().strip();
        if (note != null && note.length() > 2000) {
            errors.add(FieldError.of("note", "devices.error.note.long"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The work cannot be registered", errors);
        }
        if (outcome != Outcome.COMPLETED) {
            workOrders.reopen(workId, outcome.name(), note);
            return require(workId);
        }
        String by = user.username();
        String serial = moveDevice(work, done.scan(), by);
        Instant end = clock.instant();
        Instant start = end.minusSeconds(done.minutes() * 60L);
        workOrders.complete(workId, start, end, done.minutes(), outcome.name(), note);
        if (serial != null && !serial.equals(work.deviceSerial())) {
            workOrders.setDevice(workId, serial, null);
        }
        workOrders.dependingOn(workId).forEach(next -> {
            if (WorkOrders.WAITING_FOR_PREPARATION.equals(next.waiting())) {
                workOrders.setDevice(next.id(), serial, null);
            }
        });
        if (serial != null && (work.type() == WorkOrderType.SETUP || work.type() == WorkOrderType.REFILL)) {
            chains.nextRefill(work, serial, end);
        }
        events.publishEvent(new WorkOrderCompleted(workId, work.type(),
                work.visit() && work.citizenId() != null ? new CitizenId(work.citizenId()) : null,
                new MunicipalityCode(work.municipality()), serial, done.minutes(), end.isAfter(work.dueAt()),
                end.atZone(TimeConfiguration.DANISH_TIME).toLocalDate(), end, by));
        return require(workId);
    }

    private @Nullable String moveDevice(WorkOrders.WorkOrder work, @Nullable String scan, String by) {
        return switch (work.type()) {
            case PREPARE -> {
                if (work.deviceSerial() == null) {
                    throw new ConflictException("No device", List.of(FieldError.of("scan", "devices.error.noDevice")));
                }
                devices.move(work.deviceSerial(), DeviceState.PREPARED, by, work.citizenId(), work.id(), null);
                yield work.deviceSerial();
            }
            case SETUP -> install(work, scan == null ? "" : scan, by);
            case TAKEDOWN -> {
                devices.move(work.deviceSerial(), DeviceState.COLLECTED, by, work.citizenId(), work.id(), null);
                chains.create(work.chainKey().replace(":takedown", ":cleaning"), WorkOrderType.CLEANING,
                        work.citizenId(), work.municipality(), work.grantId(), work.modelId(), null, null, "",
                        work.deviceSerial(), Set.of(), 3, work.id(), null, "CLEANING", null);
                yield work.deviceSerial();
            }
            case CLEANING -> {
                devices.move(work.deviceSerial(), DeviceState.CLEANING, by, null, work.id(), null);
                devices.move(work.deviceSerial(), DeviceState.IN_STOCK, by, null, work.id(), "cleaned");
                chains.serveWaiting();
                yield work.deviceSerial();
            }
            default -> work.deviceSerial();
        };
    }

    /**
     * The scanned device is installed at the citizen: it must be the one prepared for them, of the
     * granted model; one installed already, scrapped or of another model is refused, nothing changed.
     */
    private String install(WorkOrders.WorkOrder work, String scan, String by) {
        String serial = devices.serialOf("scan", scan, devices.suitableModels(work.modelId(), work.areaCode(),
                Set.of()));
        DeviceRegister.Device device = devices.find(serial).orElseThrow(() -> new InvalidInputException("Unknown",
                List.of(FieldError.of("scan", "devices.error.serial.unknown"))));
        if (device.state() == DeviceState.INSTALLED) {
            throw new InvalidInputException("Installed", List.of(FieldError.of("scan", "devices.error.installedTwice",
                    serial)));
        }
        if (device.state() == DeviceState.SCRAPPED) {
            throw new InvalidInputException("Scrapped", List.of(FieldError.of("scan", "devices.error.scrapped", serial)));
        }
        if (work.modelId() != null && !work.modelId().equals(device.modelId())
                || work.modelId() == null && !device.areaCode().equals(work.areaCode())) {
            throw new InvalidInputException("Another model", List.of(FieldError.of("scan",
                    "devices.error.serial.otherModel", serial, chains.model(device.modelId())
                            .map(dk.fsc.assortment.ProductView::name).orElse("?"))));
        }
        if (device.state() != DeviceState.PREPARED || !work.citizenId().equals(device.citizenId())) {
            throw new InvalidInputException("Not prepared", List.of(FieldError.of("scan",
                    "devices.error.notPreparedFor", serial)));
        }
        devices.move(serial, DeviceState.IN_TRANSIT, by, work.citizenId(), work.id(), null);
        devices.move(serial, DeviceState.INSTALLED, by, work.citizenId(), work.id(), null);
        Set<DeviceService> services = work.services().isBlank() ? Set.of()
                : java.util.EnumSet.copyOf(java.util.Arrays.stream(work.services().split(" "))
                        .map(DeviceService::valueOf).toList());
        devices.startLease(devices.require(serial), work.citizenId(), work.municipality(), work.grantId(), services);
        return serial;
    }
}
