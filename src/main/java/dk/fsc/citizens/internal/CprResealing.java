package dk.fsc.citizens.internal;

import java.util.List;
import java.util.UUID;

import dk.fsc.jobs.Job;
import dk.fsc.jobs.ScheduledJob;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * After a rotation of the CPR encryption key ({@code fsc.citizens.cpr-key-id}), seals every
 * citizen's CPR that another key sealed again under the current one, so the old key can be
 * retired. Nightly and on demand (the jobs page); a row whose key is current is left as it is, so
 * a run after the last rotation's rows are done changes nothing. No CPR leaves the process and
 * no person reads one, so the run is kept in the jobs' run log, not in the citizens' access logs.
 * Rows another transaction holds are skipped and taken by the next run.
 */
@Configuration(proxyBeanMethods = false)
class CprResealing {

    static final String JOB = "citizens-cpr-reseal";
    private static final Logger log = LoggerFactory.getLogger(CprResealing.class);
    private static final int BATCH = 1_000;

    @Bean
    Job citizensCprReseal(JdbcClient jdbc, CprVault vault) {
        return new ScheduledJob(JOB, "0 40 3 * * *", tick -> reseal(jdbc, vault));
    }

    /** Seals again what another key sealed, a batch of citizens at a time in id order; how many rows were resealed. */
    static int reseal(JdbcClient jdbc, CprVault vault) {
        record Row(UUID id, byte[] sealed) {
        }
        int resealed = 0;
        int seen = 0;
        @Nullable UUID after = null;
        while (true) {
            List<Row> rows = jdbc.sql("select id, cpr_encrypted from citizens.citizen where ?::uuid is null or id > ?"
                    + " order by id limit ? for no key update skip locked")
                    .params(after, after, BATCH).query((rs, i) -> new Row(rs.getObject(1, UUID.class), rs.getBytes(2))).list();
            if (rows.isEmpty()) {
                break;
            }
            for (Row row : rows) {
                if (!vault.sealedWithCurrentKey(row.sealed())) {
                    jdbc.sql("update citizens.citizen set cpr_encrypted = ? where id = ?")
                            .params(vault.encrypt(vault.decrypt(row.sealed())), row.id()).update();
                    resealed++;
                }
            }
            seen += rows.size();
            after = rows.getLast().id();
        }
        if (resealed > 0) {
            log.info("Sealed {} of {} citizens' CPR numbers again under key {}", resealed, seen, vault.currentKeyId());
        }
        return resealed;
    }
}
