package dk.fsc.invoicing;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.UUID;

import dk.fsc.reference.Payer;

/**
 * A credit note was issued for the invoice {@code invoiceId} (number {@code invoiceNumber}, of
 * {@code month}) on {@code issuedOn} (Danish date); published in the transaction that issues it,
 * once per credit note. The amounts are what it credits, as positive øre (a consumer takes them
 * off the invoice's): {@code amountsByKind} without VAT per kind, {@code totalOre} their sum plus
 * {@code vatOre}, exactly.
 */
public record CreditNoteIssued(UUID creditNoteId, long number, UUID invoiceId, long invoiceNumber, Payer payer,
        YearMonth month, LocalDate issuedOn, Map<ChargeKind, Long> amountsByKind, long vatOre, long totalOre) {
}
