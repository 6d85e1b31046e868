package dk.fsc.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import dk.fsc.testing.FscIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

/** The jobs page names every job in words, in Danish and English, never by its code. */
@FscIntegrationTest
class JobNamesTest {

    @Autowired
    List<Job> jobs;

    @Autowired
    MessageSource messages;

    @Test
    void everyRegisteredJobHasANameInDanishAndEnglish() {
        assertThat(jobs).isNotEmpty();
        for (Locale locale : List.of(Locale.forLanguageTag("da"), Locale.ENGLISH)) {
            assertThat(jobs.stream().map(Job::name)
                    .filter(name -> messages.getMessage("job." + name, null, null, locale) == null).toList())
                    .as("jobs without a name in %s", locale).isEmpty();
        }
        assertThat(messages.getMessage("job.grants-rebuild-area-spans", null, Locale.forLanguageTag("da")))
                .isNotEqualTo(messages.getMessage("job.grants-rebuild-area-spans", null, Locale.ENGLISH));
    }
}
