package dk.fsc.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import dk.fsc.devices.WorkOrderType;
import dk.fsc.invoicing.BillableEvents;
import dk.fsc.testing.FscIntegrationTest;
import dk.fsc.testing.WebSession;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Finance previews and issues a month and downloads an invoice; Aarhus's finance staff see only theirs. */
@FscIntegrationTest
class InvoicingJourneyTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    private void workOrder(String municipality, LocalDate day) {
        new BillableEvents(events, transactions, jdbc).workOrder(municipality, day, WorkOrderType.REPAIR, null, "SER-9",
                90);
    }

    @Test
    void financeIssuesAMonthAndAMunicipalityOnlySeesItsOwnInvoices() {
        workOrder("751", LocalDate.of(2026, 3, 9));
        workOrder("730", LocalDate.of(2026, 3, 10));
        String samsoInvoice;
        try (Browser browser = new Browser(port)) {
            browser.logIn("finance", "demo").open("/invoicing?month=2026-03");
            assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Fakturering");
            assertThat(browser.find(By.id("preview")).getText()).contains("Aarhus (751)", "Randers (730)");
            browser.screenshot("invoicing-preview");

            browser.find(By.cssSelector("#issue-form button[type=submit]")).click();
            assertThat(browser.waitFor(By.id("issued")).getText()).contains("2026-03");
            browser.find(By.cssSelector("#invoices tr[data-payer='751'] a")).click();
            WebElement lines = browser.waitFor(By.id("lines"));
            assertThat(lines.getText()).contains("Serviceopgaver marts 2026");
            browser.screenshot("invoicing-invoice");
            String pdf = browser.find(By.id("download-pdf")).getAttribute("href");
            assertThat(pdf).endsWith("/faktura.pdf");
            String invoicePage = browser.currentUrl();
            browser.find(By.cssSelector("#lines a")).click();
            assertThat(browser.waitFor(By.id("charges")).getText()).contains("Arbejdsordre", "SER-9");

            browser.open(invoicePage.substring(invoicePage.indexOf("/invoicing")));
            browser.setValue(By.id("credit-1"), "99999,99");
            browser.find(By.cssSelector("#credit-form button:not([name])")).click();
            assertThat(browser.waitFor(By.id("credit-1-error")).getText()).contains("højst");
            browser.setValue(By.id("credit-1"), "100,00");
            browser.find(By.cssSelector("#credit-form button:not([name])")).click();
            assertThat(browser.waitForText(By.tagName("h1"), "Kreditnota")).startsWith("Kreditnota");
            assertThat(browser.find(By.id("lines")).getText()).contains("100,00");

            browser.open("/invoicing/allocations").find(By.id("preview-button")).click();
            assertThat(browser.waitFor(By.id("amount-error")).getText()).isNotBlank();
            browser.screenshot("invoicing-allocation-editor");

            WebSession session = WebSession.logIn(port, "finance", "demo");
            var download = session.get(pdf.substring(pdf.indexOf("/invoicing")));
            assertThat(download.statusCode()).isEqualTo(200);
            assertThat(download.body()).startsWith("%PDF");
            samsoInvoice = jdbc.sql("select id::text from invoicing.invoice where month = '2026-03-01'"
                    + " and payer_code = '730' and document = 'INVOICE'").query(String.class).single();
        }
        try (Browser browser = new Browser(port)) {
            browser.logIn("finance-aarhus", "demo").open("/invoicing");
            assertThat(browser.findAll(By.cssSelector("#invoices tr[data-payer]")))
                    .allMatch(row -> "751".equals(row.getAttribute("data-payer"))).isNotEmpty();
            assertThat(browser.findAll(By.id("issue-form"))).isEmpty();
            browser.screenshot("invoicing-municipality");
        }
        assertThat(WebSession.logIn(port, "finance-aarhus", "demo").get("/invoicing/invoices/" + samsoInvoice)
                .statusCode()).isEqualTo(404);
    }
}
