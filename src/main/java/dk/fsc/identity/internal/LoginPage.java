package dk.fsc.identity.internal;

import java.util.Arrays;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The login page: user name and password, and with {@code fsc.oidc.enabled} the button to log
 * in through the broker (MitID / NemLog-in), with the reason when the broker's login gave no access.
 */
@Controller
class LoginPage {

    private final OidcProperties oidc;

    LoginPage(OidcProperties oidc) {
        this.oidc = oidc;
    }

    @GetMapping("/login")
    String login(@RequestParam(required = false) @Nullable String refused, Model model) {
        model.addAttribute("broker", oidc.enabled() ? "/oauth2/authorization/" + Broker.REGISTRATION : null);
        model.addAttribute("refused", refusal(refused));
        return "identity/login";
    }

    /** The message key of a known refusal; anything else in the address is not shown. */
    private static @Nullable String refusal(@Nullable String code) {
        if ("broker".equals(code)) {
            return "login.refused.broker";
        }
        return Arrays.stream(BrokerLoginRefused.Reason.values()).filter(reason -> reason.code().equals(code))
                .findFirst().map(reason -> "login.refused." + reason.code()).orElse(null);
    }
}
