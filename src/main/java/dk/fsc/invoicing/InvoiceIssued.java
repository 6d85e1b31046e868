package dk.fsc.invoicing;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.UUID;

import dk.fsc.reference.Payer;

/**
 * An invoice was issued to {@code payer} by the monthly invoice run of {@code month} (it may also
 * bill late charges of earlier months), on {@code issuedOn} (Danish date); published in the
 * transaction that issues it, once per invoice. {@code amountsByKind} is its lines' amounts in øre
 * without VAT, summed per kind; {@code totalOre} is their sum plus {@code vatOre}, exactly.
 */
public record InvoiceIssued(UUID invoiceId, long number, Payer payer, YearMonth month, LocalDate issuedOn,
        Map<ChargeKind, Long> amountsByKind, long vatOre, long totalOre) {
}
