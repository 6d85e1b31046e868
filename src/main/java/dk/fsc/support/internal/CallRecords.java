package dk.fsc.support.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import dk.fsc.shared.CsvLine;
import dk.fsc.shared.database.BinaryCopy;
import dk.fsc.shared.problem.FieldError;
import dk.fsc.shared.problem.InvalidInputException;
import org.apache.commons.csv.CSVFormat;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Call records from the telephone system, imported from CSV: every line valid or nothing saved,
 * each bad line named; a call id known already is skipped, so the same file twice changes
 * nothing; the lines are copied (binary {@code COPY}) into a temporary table and inserted from
 * there in one statement that skips the known ids.
 *
 * <p>The file: a header {@code queue,call_id,start,answered,abandoned,end,agent}, then one line
 * per call with exactly one of {@code answered} and {@code abandoned}; times ISO-8601 with an
 * offset ({@code 2026-11-25T09:00:05+01:00}) or Danish local time ({@code 2026-11-25 09:00:05});
 * start ≤ answered or abandoned ≤ end.
 */
@Service
class CallRecords {

    static final String HEADER = "queue,call_id,start,answered,abandoned,end,agent";
    static final int MAX_ERRORS = 100;

    record Imported(int lines, int added, int known) {
    }

    private record Call(String queue, String callId, Instant start, @Nullable Instant answered,
            @Nullable Instant abandoned, Instant end, @Nullable String agent) {
    }

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    CallRecords(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    @Transactional
    @PreAuthorize("hasRole('FSC_ADMIN')")
    public Imported importCsv(byte[] body) {
        String text = decode(body);
        List<String> lines = text.lines().toList();
        if (lines.isEmpty() || !lines.getFirst().strip().replace("\uFEFF", "").equalsIgnoreCase(HEADER)) {
            throw new InvalidInputException("The file must start with the header " + HEADER,
                    List.of(FieldError.of("file", "support.calls.error.header", HEADER)));
        }
        List<FieldError> errors = new ArrayList<>();
        List<Call> calls = new ArrayList<>(lines.size());
        Set<String> ids = new HashSet<>();
        for (int i = 1; i < lines.size() && errors.size() < MAX_ERRORS; i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            Call call = call(i + 1, CsvLine.fields(line, CSVFormat.DEFAULT), errors);
            if (call != null && !ids.add(call.callId())) {
                errors.add(FieldError.line(i + 1, "support.calls.error.duplicate", call.callId()));
            } else if (call != null) {
                calls.add(call);
            }
        }
        if (calls.isEmpty() && errors.isEmpty()) {
            errors.add(FieldError.of("file", "support.calls.error.empty"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The call records were not imported.", errors);
        }
        jdbc.sql("create temporary table call_import (like support.call_record) on commit drop").update();
        try (BinaryCopy copy = BinaryCopy.start(dataSource, "copy call_import (call_id, queue, started_at, answered_at,"
                + " abandoned_at, ended_at, agent) from stdin (format binary)")) {
            for (Call call : calls) {
                copy.row(7).text(call.callId()).text(call.queue()).timestamp(call.start()).timestamp(call.answered())
                        .timestamp(call.abandoned()).timestamp(call.end()).text(call.agent());
            }
            copy.finish();
        }
        int added = jdbc.sql("insert into support.call_record select * from call_import on conflict (call_id) do nothing")
                .update();
        return new Imported(calls.size(), added, calls.size() - added);
    }

    private static @Nullable Call call(int number, List<String> fields, List<FieldError> errors) {
        if (fields.size() != 7) {
            errors.add(FieldError.line(number, "support.calls.error.fields", 7));
            return null;
        }
        String queue = fields.get(0).strip();
        String callId = fields.get(1).strip();
        int before = errors.size();
        if (queue.isEmpty() || queue.length() > 50) {
            errors.add(FieldError.line(number, "support.calls.error.queue"));
        }
        if (callId.isEmpty() || callId.length() > 100) {
            errors.add(FieldError.line(number, "support.calls.error.callId"));
        }
        Instant start = time(number, "start", fields.get(2), true, errors);
        Instant answered = time(number, "answered", fields.get(3), false, errors);
        Instant abandoned = time(number, "abandoned", fields.get(4), false, errors);
        Instant end = time(number, "end", fields.get(5), true, errors);
        String agent = fields.get(6).strip();
        if (errors.size() > before) {
            return null;
        }
        if ((answered == null) == (abandoned == null)) {
            errors.add(FieldError.line(number, "support.calls.error.answeredOrAbandoned"));
            return null;
        }
        Instant middle = answered != null ? answered : abandoned;
        if (middle.isBefore(start) || end.isBefore(middle)) {
            errors.add(FieldError.line(number, "support.calls.error.order"));
            return null;
        }
        if (agent.length() > 100) {
            errors.add(FieldError.line(number, "support.calls.error.agent"));
            return null;
        }
        return new Call(queue, callId, start, answered, abandoned, end, agent.isEmpty() ? null : agent);
    }

    private static @Nullable Instant time(int number, String column, String text, boolean required,
            List<FieldError> errors) {
        String value = text.strip();
        if (value.isEmpty()) {
            if (required) {
                errors.add(FieldError.line(number, "support.calls.error.time", column));
            }
            return null;
        }
        Instant time = CallTimes.parse(value);
        if (time == null) {
            errors.add(FieldError.line(number, "support.calls.error.time", column));
        }
        return time;
    }

    /** UTF-8 only: a file with bytes that are no UTF-8 (a Windows-1252 export) is refused, not garbled. */
    private static String decode(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException broken) {
            throw new InvalidInputException("The file is not UTF-8.",
                    List.of(FieldError.of("file", "support.calls.error.encoding")));
        }
    }
}
