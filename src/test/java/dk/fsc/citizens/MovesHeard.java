package dk.fsc.citizens;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/** Test listener: the moves whose transaction committed, as another module would hear them. */
@Component
class MovesHeard {

    private final List<CitizenMoved> heard = new CopyOnWriteArrayList<>();

    @TransactionalEventListener
    public void on(CitizenMoved moved) {
        heard.add(moved);
    }

    public List<CitizenMoved> heard() {
        return List.copyOf(heard);
    }
}
