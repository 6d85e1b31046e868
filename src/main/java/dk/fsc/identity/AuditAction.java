package dk.fsc.identity;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every action the audit log knows, by the code stored in {@code identity.audit_log.action}.
 * Each has a text for the citizen's access log in every language ({@code audit.action.<code>}).
 * A read may be recorded once per request and citizen; a change is always recorded.
 */
public enum AuditAction {
    CITIZEN_READ("citizen.read", true),
    CITIZEN_SEARCH("citizen.search", true),
    CITIZEN_CREATE("citizen.create", false),
    CITIZEN_UPDATE_CONTACT("citizen.update-contact", false),
    CITIZEN_UPDATE_ADDRESS("citizen.update-address", false),
    CITIZEN_MOVE("citizen.move", false),
    GRANT_READ("grant.read", true),
    GRANT_MAKE("grant.make", false),
    GRANT_CHANGE("grant.change", false),
    GRANT_END("grant.end", false),
    ORDER_PLACE("order.place", false),
    ORDER_READ("order.read", true),
    ORDER_CONSUMPTION("order.consumption", true),
    ORDER_CUT_SIZES("order.cut-sizes", true),
    ORDER_APPROVE("order.approve", false),
    ORDER_REJECT("order.reject", false),
    ORDER_CANCEL("order.cancel", false),
    ORDER_ADVANCE("order.advance", false),
    ORDER_STANDING("order.standing", false),
    STANDING_ORDER_CREATE("standing-order.create", false),
    STANDING_ORDER_READ("standing-order.read", true),
    STANDING_ORDER_END("standing-order.end", false),
    WORKLIST_READ("worklist.read", true),
    /** The warehouse read the name of whom an accepted order goes to, for its packing slip. */
    WAREHOUSE_RECIPIENT("warehouse.recipient", true),
    /** A lot the citizen received was recalled: their municipality's caseworkers were given the citizen. */
    WAREHOUSE_RECALL("warehouse.recall", false),
    SUPPORT_VIEW("support.view", true),
    CONTACT_REGISTER("contact.register", false),
    CONTACT_CORRECT("contact.correct", false),
    CONTACT_ANSWER("contact.answer", false),
    TASK_CREATE("task.create", false),
    TASK_CLOSE("task.close", false),
    REFERRAL_CREATE("referral.create", false),
    REFERRAL_READ("referral.read", true),
    REFERRAL_CLOSE("referral.close", false),
    DEVICE_ASSESSMENT("device.assessment", false),
    DEVICE_PAUSE("device.pause", false),
    DEVICE_WORK("device.work", true),
    ALARM_READ("alarm.read", true),
    ALARM_SCHEDULE_CHANGE("alarm.schedule-change", false),
    /** A caseworker saw on their start page that the citizen received a recalled lot. */
    WAREHOUSE_RECALL_LIST("warehouse.recall-list", true),
    /** Someone who may see the citizen asked for something their role may not do (403): nothing was shown or changed. */
    ACCESS_REFUSED("access.refused", false),
    USER_CREATE("user.create", false),
    USER_CHANGE_ROLES("user.change-roles", false),
    USER_UNLOCK("user.unlock", false),
    USER_DISABLE("user.disable", false),
    USER_ENABLE("user.enable", false);

    private static final Map<String, AuditAction> BY_CODE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(AuditAction::code, Function.identity()));

    private final String code;
    private final boolean read;

    AuditAction(String code, boolean read) {
        this.code = code;
        this.read = read;
    }

    /** The code stored in the log, e.g. {@code order.read}. */
    public String code() {
        return code;
    }

    /** Whether the action only looked at data (so one row per request and citizen tells all). */
    public boolean read() {
        return read;
    }

    /** The message key of the action's text in the citizen's access log. */
    public String messageKey() {
        return "audit.action." + code;
    }

    /** The action with this code; an unknown code is a programming error, so nothing unnamed is ever logged. */
    public static AuditAction ofCode(String code) {
        AuditAction action = BY_CODE.get(code);
        if (action == null) {
            throw new IllegalArgumentException("Unknown audit action: " + code);
        }
        return action;
    }
}
