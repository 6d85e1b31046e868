package dk.fsc.support.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import dk.fsc.shared.problem.FieldError;
import org.junit.jupiter.api.Test;

/** The rules of support that need no database: what an attachment really is. */
class SupportRulesTest {

    static final byte[] PDF = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A };
    static final byte[] JPEG = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0 };

    @Test
    void anAttachmentIsAcceptedOnlyWhenNameDeclaredTypeAndContentAgree() {
        assertThat(accepted("svar.pdf", "application/pdf", PDF)).isTrue();
        assertThat(accepted("foto.PNG", "image/png", PNG)).isTrue();
        assertThat(accepted("foto.jpeg", "image/jpeg", JPEG)).isTrue();
        assertThat(accepted("foto.jpg", "image/jpeg", JPEG)).isTrue();

        assertThat(accepted("svar.pdf", "application/pdf", PNG)).as("a picture named .pdf").isFalse();
        assertThat(accepted("foto.png", "application/pdf", PNG)).as("the declared type differs").isFalse();
        assertThat(accepted("virus.exe", "application/pdf", PDF)).as("a name that is no PDF").isFalse();
        assertThat(accepted("tom.pdf", "application/pdf", new byte[0])).isFalse();
        assertThat(accepted("svar", "application/pdf", PDF)).as("no extension").isFalse();

        List<FieldError> errors = new ArrayList<>();
        assertThat(CitizenMessages.attachment(new CitizenMessages.Upload("stor.pdf", "application/pdf",
                new byte[CitizenMessages.MAX_ATTACHMENT + 1]), errors)).isNull();
        assertThat(errors).extracting(FieldError::field).containsExactly("attachment");
    }

    private static boolean accepted(String name, String type, byte[] content) {
        List<FieldError> errors = new ArrayList<>();
        return CitizenMessages.attachment(new CitizenMessages.Upload(name, type, content), errors) != null
                && errors.isEmpty();
    }
}
