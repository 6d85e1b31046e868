package dk.fsc.shared.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The accessibility statement (tilgængelighedserklæring) that the Danish act on accessibility
 * of public bodies' websites requires, public and linked from every page's footer; it follows
 * the headings of Digitaliseringsstyrelsen's template. Its feedback section names the service
 * center's telephone and e-mail as configured ({@code fsc.contact.phone}, {@code fsc.contact.email}),
 * each left out while not set.
 */
@Controller
class AccessibilityStatementPage {

    private final String phone;
    private final String email;

    AccessibilityStatementPage(@Value("${fsc.contact.phone:}") String phone, @Value("${fsc.contact.email:}") String email) {
        this.phone = phone.strip();
        this.email = email.strip();
    }

    @GetMapping("/tilgaengelighed")
    String statement(Model model) {
        if (StringUtils.hasText(phone)) {
            model.addAttribute("contactPhone", phone);
            model.addAttribute("contactPhoneLink", "tel:" + phone.replaceAll("[^+0-9]", ""));
        }
        if (StringUtils.hasText(email)) {
            model.addAttribute("contactEmail", email);
        }
        return "accessibility";
    }
}
