package dk.fsc.invoicing;

import static dk.fsc.testing.Problem.assertProblem;
import static dk.fsc.testing.Problem.fields;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dk.fsc.devices.WorkOrderType;
import dk.fsc.testing.Api;
import dk.fsc.testing.FscIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** Runs at the same time, gapless numbers, and a payer without an EAN number: nothing half-issued. */
@FscIntegrationTest
class IssuingTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    private String workOrder(String municipality, LocalDate day) {
        return new BillableEvents(events, transactions, jdbc).workOrder(municipality, day, WorkOrderType.SERVICE, null,
                null, 30);
    }

    private List<Integer> atOnce(List<String> months) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(months.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> statuses = new ArrayList<>();
            for (String month : months) {
                statuses.add(pool.submit(() -> {
                    start.await();
                    return Api.as(port, "finance", "demo").postJson("/api/v1/invoice-runs",
                            "{\"month\": \"" + month + "\"}").status();
                }));
            }
            start.countDown();
            List<Integer> result = new ArrayList<>();
            for (Future<Integer> status : statuses) {
                result.add(status.get());
            }
            return result;
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void twoRunsOfOneMonthAtOnceOneWinsAndTheOtherIsToldAndNumbersStayGapless() throws Exception {
        workOrder("730", LocalDate.of(2025, 6, 3));
        workOrder("710", LocalDate.of(2025, 7, 3));
        workOrder("707", LocalDate.of(2025, 8, 3));

        assertThat(atOnce(List.of("2025-06", "2025-06"))).containsExactlyInAnyOrder(201, 409);
        assertThat(atOnce(List.of("2025-07", "2025-08"))).containsExactly(201, 201);

        List<Long> numbers = jdbc.sql("select number from invoicing.invoice where document = 'INVOICE' order by number")
                .query(Long.class).list();
        assertThat(numbers).isNotEmpty();
        for (int i = 0; i < numbers.size(); i++) {
            assertThat(numbers.get(i)).isEqualTo(i + 1);
        }
        assertThat(jdbc.sql("select count(*) from invoicing.invoice_run where month = '2025-06-01'")
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aPayerWithoutAnEanNumberIsNamedAndNothingIsIssued() {
        String gln = jdbc.sql("select gln from invoicing.payer_account where payer_kind = 'MUNICIPALITY'"
                + " and payer_code = '727'").query(String.class).single();
        Api finance = Api.as(port, "finance", "demo");
        String cause = workOrder("727", LocalDate.of(2025, 9, 3));
        jdbc.sql("update invoicing.payer_account set gln = null where payer_code = '727'").update();
        try {
            long invoices = jdbc.sql("select count(*) from invoicing.invoice").query(Long.class).single();

            JsonNode problem = assertProblem(finance.postJson("/api/v1/invoice-runs", "{\"month\": \"2025-09\"}"), 400);

            assertThat(fields(problem)).containsExactly("payer");
            assertThat(problem.toString()).contains("Odder");
            assertThat(jdbc.sql("select count(*) from invoicing.invoice").query(Long.class).single()).isEqualTo(invoices);
            assertThat(jdbc.sql("select count(*) from invoicing.invoice_run where month = '2025-09-01'")
                    .query(Long.class).single()).isZero();
            assertThat(jdbc.sql("select count(*) from invoicing.invoiced_charge ic join invoicing.charge c"
                    + " on c.id = ic.charge_id where c.cause_id = ?").param(cause).query(Long.class).single()).isZero();
            assertThat(fields(assertProblem(finance.send("PUT", "/api/v1/payer-accounts/MUNICIPALITY/727",
                    "application/json", "{\"gln\": \"5799910007271\"}"), 400))).containsExactly("gln");
        } finally {
            jdbc.sql("update invoicing.payer_account set gln = ? where payer_code = '727'").param(gln).update();
        }
        assertThat(finance.postJson("/api/v1/invoice-runs", "{\"month\": \"2025-09\"}").status()).isEqualTo(201);
    }
}
