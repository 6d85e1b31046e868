package dk.fsc.support;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/** Test listener: the contacts whose transaction committed, as invoicing and statistics hear them. */
@Component
class ContactsHeard {

    private final List<ContactRegistered> heard = new CopyOnWriteArrayList<>();

    @TransactionalEventListener
    public void on(ContactRegistered registered) {
        heard.add(registered);
    }

    List<ContactRegistered> of(UUID contactId) {
        return heard.stream().filter(event -> event.contactId().equals(contactId)).toList();
    }
}
