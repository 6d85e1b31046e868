package dk.fsc.warehouse.internal;

import java.util.Map;
import java.util.UUID;

import dk.fsc.shared.problem.ConflictException;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;
import org.thymeleaf.ITemplateEngine;

/**
 * The packing slip that goes in the parcel: the recipient's name and delivery address, the
 * order's lines with lots and expiry dates and the plates cut, in Danish; never a CPR number
 * (the warehouse never has one). A Thymeleaf template rendered to PDF.
 */
@Service
class PackingSlips {

    private final Picking picking;
    private final ITemplateEngine templates;

    PackingSlips(Picking picking, ITemplateEngine templates) {
        this.picking = picking;
        this.templates = templates;
    }

    /** The slip as a download; 409 before the order is packed. */
    static ResponseEntity<byte[]> response(PackingSlips slips, UUID orderId) {
        return WarehousePdf.response(slips.pdf(orderId), "packing-slip.pdf");
    }

    byte[] pdf(UUID orderId) {
        Picking.PickList list = picking.pickList(orderId);
        if (list.order().trackingNumber() == null) {
            throw new ConflictException("The order is not packed yet.");
        }
        return WarehousePdf.render(templates, "warehouse/packing-slip", Map.of("list", list));
    }
}
