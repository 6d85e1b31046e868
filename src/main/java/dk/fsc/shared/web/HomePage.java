package dk.fsc.shared.web;

import java.util.Comparator;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page: what the platform is, where to go, and the modules' boxes for the current user. */
@Controller
class HomePage {

    /** A box to show: where its fragment is and its model. */
    record Panel(String template, String fragment, Map<String, Object> model) {
    }

    private final ObjectProvider<StartPagePanel> panels;

    HomePage(ObjectProvider<StartPagePanel> panels) {
        this.panels = panels;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("panels", panels.stream().sorted(Comparator.comparingInt(StartPagePanel::order))
                .flatMap(panel -> panel.model().map(content -> new Panel(panel.template(), panel.fragment(), content))
                        .stream())
                .toList());
        return "home";
    }
}
