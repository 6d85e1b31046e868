package dk.fsc.shared.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page: what the platform is and where to go. */
@Controller
class HomePage {

    @GetMapping("/")
    String home() {
        return "home";
    }
}
