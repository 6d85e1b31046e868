package dk.fsc.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressTest {

    @ParameterizedTest
    @ValueSource(strings = { "birthe@example.dk", "birthe.soerensen+fsc@post.aarhus.dk", "søren@æblegård.dk",
            "a_b-c%d@x-y.com" })
    void acceptsTheAddressesPeopleHave(String input) {
        assertThat(EmailAddress.isValid(input)).as(input).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "\"><script>alert(1)</script>@x.dk", "<b>@x.dk", "a b@x.dk", "a@b", "a@@x.dk",
            ".a@x.dk", "a.@x.dk", "a..b@x.dk", "a@-x.dk", "a@x..dk", "a@x.d1", "a@x.dk\"", "a'@x.dk", "@x.dk", "a@",
            "a@x.dk<" })
    void refusesMarkupQuotesAndMalformedAddresses(String input) {
        assertThat(EmailAddress.isValid(input)).as(input).isFalse();
    }
}
