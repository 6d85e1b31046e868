package dk.fsc.warehouse.internal;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dk.fsc.assortment.Assortment;
import dk.fsc.assortment.ProductId;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;

/**
 * A purchase order as the supplier receives it: a CSV file for their order system (one line per
 * product, semicolons, prices in kroner with a point) and a PDF in Danish with the supplier's
 * item numbers, quantities, prices and the expected date.
 */
@Service
class PurchaseOrderDocuments {

    private final Purchasing purchasing;
    private final Assortment assortment;
    private final PdfDocuments documents;

    PurchaseOrderDocuments(Purchasing purchasing, Assortment assortment, PdfDocuments documents) {
        this.purchasing = purchasing;
        this.assortment = assortment;
        this.documents = documents;
    }

    String csv(UUID id) {
        Purchasing.PurchaseOrderView view = purchasing.purchaseOrder(id);
        StringBuilder csv = new StringBuilder("purchase_order;supplier;expected_date;line;supplier_item_number;"
                + "item_number;product;quantity;unit_price_dkk\n");
        for (PurchaseOrderRepository.Line line : view.lines()) {
            csv.append(String.join(";", field(view.order().number()), field(view.order().supplierName()),
                    view.order().expectedDate().toString(), Integer.toString(line.line()),
                    field(line.supplierItemNumber()), field(view.itemNumber(line.productId())),
                    field(view.name(line.productId())), Integer.toString(line.ordered()),
                    line.unitPriceKroner())).append('\n');
        }
        return csv.toString();
    }

    /** The PDF names the supplier as the assortment knows it now: its CVR, GLN and where orders go. */
    byte[] pdf(UUID id) {
        Purchasing.PurchaseOrderView view = purchasing.purchaseOrder(id);
        Map<String, Object> variables = new HashMap<>(Map.of("po", view));
        view.lines().stream().findFirst().map(line -> new ProductId(line.productId()))
                .map(product -> assortment.supplies(List.of(product)).get(product))
                .ifPresent(supply -> variables.put("supply", supply));
        return documents.render("warehouse/purchase-order-pdf", variables);
    }

    /** A file to save: {@code csv} or {@code pdf}, named by the order's number. */
    ResponseEntity<byte[]> download(UUID id, String extension) {
        String number = purchasing.purchaseOrder(id).order().number();
        if (extension.equals("pdf")) {
            return PdfDocuments.inline(pdf(id), number + ".pdf");
        }
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + number + ".csv\"")
                .body(csv(id).getBytes(StandardCharsets.UTF_8));
    }

    /** A value quoted when it holds a semicolon, a quote or a line break. */
    private static String field(String value) {
        return value.matches("[^;\"\\r\\n]*") ? value : "\"" + value.replace("\"", "\"\"") + "\"";
    }
}
