package dk.fsc.alarms.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every instance runs detection every {@code fsc.alarms.detection-interval} (1 s), so an alarm is
 * visible within seconds of its grace expiry. Off with {@code fsc.alarms.detection=false}
 * (tests, which run passes themselves).
 */
@Component
@ConditionalOnProperty(name = "fsc.alarms.detection", havingValue = "true", matchIfMissing = true)
class DetectionTimer {

    private final Detection detection;

    DetectionTimer(Detection detection) {
        this.detection = detection;
    }

    @Scheduled(fixedDelayString = "${fsc.alarms.detection-interval:PT1S}",
            initialDelayString = "${fsc.alarms.detection-interval:PT1S}")
    void detect() {
        detection.detect();
    }
}
