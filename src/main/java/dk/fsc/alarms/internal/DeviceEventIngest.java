package dk.fsc.alarms.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * Stores a vendor's batch of device events and applies what they mean: each event once per
 * vendor and event id (a repeat is answered as a duplicate), an unknown type or a device not
 * installed stored and flagged, a malformed event refused with its reason while the good ones
 * of the batch are kept. Dose events mark their dose taken; technical events raise alarms;
 * every event tells that the device is alive.
 */
@Component
class DeviceEventIngest {

    static final int MAX_EVENTS = 1_000;
    static final int MAX_BYTES = 1_048_576;

    /** What happened to one event of the batch. */
    record Result(int index, @Nullable String id, String status, @Nullable String reason, List<String> flags) {
    }

    /** The answer to a batch: counts and one result per event, in the batch's order. */
    record BatchResult(int accepted, int duplicates, int refused, List<Result> results) {
    }

    /** An event that passed the checks, to be stored. */
    record Valid(int index, String id, String serial, String type, Optional<DeviceEventType> known, Instant time,
            @Nullable Instant dueAt, String payload) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final DeviceSignals signals;

    DeviceEventIngest(JdbcClient jdbc, Clock clock, DeviceSignals signals) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.signals = signals;
    }

    @Transactional
    BatchResult ingest(String vendor, JsonNode events) {
        Instant now = clock.instant();
        Result[] results = new Result[events.size()];
        List<Valid> valid = new ArrayList<>();
        Set<String> idsInBatch = new HashSet<>();
        for (int index = 0; index < events.size(); index++) {
            JsonNode event = events.get(index);
            String id = text(event, "id");
            Optional<String> refusal = refusal(event, id);
            if (refusal.isPresent()) {
                results[index] = new Result(index, id, "REFUSED", refusal.get(), List.of());
            } else if (!idsInBatch.add(id)) {
                results[index] = new Result(index, id, "DUPLICATE", null, List.of());
            } else {
                String type = text(event, "type");
                Optional<DeviceEventType> known = DeviceEventType.ofWire(type);
                String dueAt = text(event, "dueAt");
                valid.add(new Valid(index, id, text(event, "serial"), type, known, instant(text(event, "time")),
                        dueAt == null ? null : instant(dueAt), event.toString()));
            }
        }
        Map<String, Boolean> stored = store(vendor, valid, now);
        List<Valid> fresh = new ArrayList<>();
        for (Valid event : valid) {
            Boolean installed = stored.get(event.id());
            if (installed == null) {
                results[event.index()] = new Result(event.index(), event.id(), "DUPLICATE", null, List.of());
                continue;
            }
            List<String> flags = new ArrayList<>();
            if (event.known().isEmpty()) {
                flags.add("unknown-type");
            }
            if (!installed) {
                flags.add("device-not-installed");
            } else if (event.known().isPresent()) {
                fresh.add(event);
            }
            results[event.index()] = new Result(event.index(), event.id(), "ACCEPTED", null, List.copyOf(flags));
        }
        signals.apply(vendor, fresh, now);
        List<Result> all = List.of(results);
        return new BatchResult(count(all, "ACCEPTED"), count(all, "DUPLICATE"), count(all, "REFUSED"), all);
    }

    private static int count(List<Result> results, String status) {
        return (int) results.stream().filter(result -> result.status().equals(status)).count();
    }

    /** The reason the event cannot be stored, if any. */
    private static Optional<String> refusal(JsonNode event, @Nullable String id) {
        if (!event.isObject()) {
            return Optional.of("The event is not a JSON object.");
        }
        if (id == null || id.isBlank() || id.length() > 100) {
            return Optional.of("id is required, at most 100 characters.");
        }
        String serial = text(event, "serial");
        if (serial == null || serial.isBlank() || serial.length() > 60) {
            return Optional.of("serial is required, at most 60 characters.");
        }
        String type = text(event, "type");
        if (type == null || type.isBlank() || type.length() > 60) {
            return Optional.of("type is required, at most 60 characters.");
        }
        if (instant(text(event, "time")) == null) {
            return Optional.of("time is required: the device's time with its offset (ISO 8601).");
        }
        String dueAt = text(event, "dueAt");
        if (dueAt != null && instant(dueAt) == null) {
            return Optional.of("dueAt is not a time with its offset (ISO 8601).");
        }
        boolean aboutADose = DeviceEventType.ofWire(type).map(DeviceEventType::aboutADose).orElse(false);
        if (aboutADose && dueAt == null) {
            return Optional.of("dueAt is required for " + type + ": the dose's due time.");
        }
        return Optional.empty();
    }

    private static @Nullable String text(JsonNode event, String field) {
        JsonNode value = event.get(field);
        return value != null && value.isString() ? value.asString() : null;
    }

    private static @Nullable Instant instant(@Nullable String text) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * Stores the events not seen before, in one statement; answers each stored event's id with
     * whether its device is installed (events seen before are left out).
     */
    private Map<String, Boolean> store(String vendor, List<Valid> events, Instant now) {
        if (events.isEmpty()) {
            return Map.of();
        }
        int size = events.size();
        String[] ids = new String[size];
        String[] serials = new String[size];
        String[] types = new String[size];
        Boolean[] known = new Boolean[size];
        String[] times = new String[size];
        String[] dueAts = new String[size];
        String[] payloads = new String[size];
        for (int i = 0; i < size; i++) {
            Valid event = events.get(i);
            ids[i] = event.id();
            serials[i] = event.serial();
            types[i] = event.type();
            known[i] = event.known().isPresent();
            times[i] = event.time().toString();
            dueAts[i] = event.dueAt() == null ? null : event.dueAt().toString();
            payloads[i] = event.payload();
        }
        OffsetDateTime received = now.atOffset(ZoneOffset.UTC);
        return jdbc.sql("""
                with batch as (
                    select * from unnest(?::text[], ?::text[], ?::text[], ?::boolean[], ?::timestamptz[],
                        ?::timestamptz[], ?::jsonb[]) as b(event_id, serial, type, known_type, device_time, due_at, payload)
                ), fresh as (
                    insert into alarms.event_key (vendor, event_id, received_at)
                    select ?, event_id, ? from batch on conflict do nothing returning event_id
                )
                insert into alarms.device_event (received_at, vendor, event_id, serial, type, known_type, device_time,
                    due_at, installed, citizen_id, payload)
                select ?, ?, b.event_id, b.serial, b.type, b.known_type, b.device_time, b.due_at,
                    d.serial is not null, d.citizen_id, b.payload
                from batch b join fresh f on f.event_id = b.event_id
                left join alarms.installed_device d on d.serial = b.serial and d.ended_on is null
                returning event_id, installed
                """).params(ids, serials, types, known, times, dueAts, payloads, vendor, received, received, vendor)
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getBoolean(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
