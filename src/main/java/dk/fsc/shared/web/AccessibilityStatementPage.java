package dk.fsc.shared.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The accessibility statement (tilgængelighedserklæring) that the Danish act on accessibility
 * of public bodies' websites requires, public and linked from every page's footer; it follows
 * the headings of Digitaliseringsstyrelsen's template.
 */
@Controller
class AccessibilityStatementPage {

    @GetMapping("/tilgaengelighed")
    String statement() {
        return "accessibility";
    }
}
