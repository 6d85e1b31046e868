package dk.fsc.alarms.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The live alarm lists' server-sent events. Each instance watches the alarms' version (one
 * sequence, so an alarm raised or changed on any instance is seen) and tells its open pages
 * that something changed; each page then fetches its own list, filtered for its user. The
 * event carries no data, so nothing personal passes the stream.
 */
@Component
class AlarmStream {

    static final Duration TIMEOUT = Duration.ofMinutes(30);

    private final List<SseEmitter> emitters = new CopyOnWriteArrayList<>();
    private final AtomicLong seen = new AtomicLong(-1);
    private final AlarmBook alarms;

    AlarmStream(AlarmBook alarms) {
        this.alarms = alarms;
    }

    SseEmitter open() {
        SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
        emitter.onCompletion(() -> emitters.remove(emitter));
        emitter.onTimeout(() -> emitters.remove(emitter));
        emitter.onError(failure -> emitters.remove(emitter));
        emitters.add(emitter);
        return emitter;
    }

    @Scheduled(fixedDelayString = "${fsc.alarms.stream-interval:PT0.5S}")
    void watch() {
        if (emitters.isEmpty()) {
            seen.set(-1);
            return;
        }
        long version = alarms.version();
        if (seen.getAndSet(version) != version) {
            for (SseEmitter emitter : emitters) {
                try {
                    emitter.send(SseEmitter.event().name("alarms").data("changed"));
                } catch (IOException | IllegalStateException gone) {
                    emitters.remove(emitter);
                }
            }
        }
    }
}
