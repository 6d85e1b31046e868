package dk.fsc.shared.web;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The start page: the modules' boxes for the current user, a word on what their role does here
 * today, and cards for the pages their role can use (nothing that answers 403).
 */
@Controller
class HomePage {

    /** A box to show: where its fragment is and its model. */
    record Panel(String template, String fragment, Map<String, Object> model) {
    }

    /** A link on the start page; its title and text are {@code home.card.<name>.title} and {@code .text}. */
    record Card(String href, String name) {
    }

    private record RoleCard(Card card, Set<String> roles) {

        RoleCard(String href, String name, String... roles) {
            this(new Card(href, name), Set.of(roles));
        }
    }

    private static final String[] EVERY_ROLE = { "FSC_ADMIN", "FSC_AGENT", "WAREHOUSE", "TECHNICIAN", "FINANCE",
            "MUNICIPAL_CASEWORKER", "MUNICIPAL_HOMECARE", "MUNICIPAL_FINANCE", "NURSE", "REGION_ANALYST", "CITIZEN" };

    private static final List<RoleCard> CARDS = List.of(
            new RoleCard("/my/profile", "profile", "CITIZEN"),
            new RoleCard("/me/access-log", "log", "CITIZEN"),
            new RoleCard("/alarms", "alarms", "MUNICIPAL_HOMECARE", "FSC_AGENT"),
            new RoleCard("/support", "support", "FSC_AGENT", "FSC_ADMIN"),
            new RoleCard("/support/referrals", "referrals", "NURSE"),
            new RoleCard("/warehouse", "warehouse", "WAREHOUSE", "FSC_ADMIN"),
            new RoleCard("/my-day", "myDay", "TECHNICIAN"),
            new RoleCard("/work-orders", "workOrders", "TECHNICIAN", "WAREHOUSE", "MUNICIPAL_CASEWORKER"),
            new RoleCard("/statistics", "statistics", "REGION_ANALYST", "MUNICIPAL_CASEWORKER", "FINANCE"),
            new RoleCard("/indicators", "indicators", "REGION_ANALYST"),
            new RoleCard("/citizens", "phoneOrder", "FSC_AGENT"),
            new RoleCard("/citizens", "citizens", "FSC_ADMIN", "MUNICIPAL_CASEWORKER", "MUNICIPAL_HOMECARE", "NURSE"),
            new RoleCard("/citizens", "addresses", "WAREHOUSE", "TECHNICIAN"),
            new RoleCard("/invoicing", "invoicing", "FINANCE", "MUNICIPAL_FINANCE"),
            new RoleCard("/admin/users", "users", "FSC_ADMIN"),
            new RoleCard("/admin/api-keys", "apiKeys", "FSC_ADMIN"),
            new RoleCard("/assortment", "assortment", EVERY_ROLE),
            new RoleCard("/suppliers", "suppliers", "FSC_ADMIN", "WAREHOUSE", "FINANCE"),
            new RoleCard("/contracts", "contracts", "FINANCE", "REGION_ANALYST"),
            new RoleCard("/service-rates", "serviceRates", "FSC_ADMIN", "FINANCE", "REGION_ANALYST"),
            new RoleCard("/municipalities", "municipalities", "FSC_ADMIN", "FINANCE", "REGION_ANALYST"),
            new RoleCard("/populations", "populations", "FSC_ADMIN", "FINANCE", "REGION_ANALYST"),
            new RoleCard("/swagger-ui.html", "api", "FSC_ADMIN"));

    private final ObjectProvider<StartPagePanel> panels;

    HomePage(ObjectProvider<StartPagePanel> panels) {
        this.panels = panels;
    }

    @GetMapping("/")
    String home(Model model) {
        Set<String> roles = roles();
        model.addAttribute("panels", panels.stream().sorted(Comparator.comparingInt(StartPagePanel::order))
                .flatMap(panel -> panel.model().map(content -> new Panel(panel.template(), panel.fragment(), content))
                        .stream())
                .toList());
        model.addAttribute("cards", CARDS.stream().filter(card -> card.roles().stream().anyMatch(roles::contains))
                .map(RoleCard::card).collect(Collectors.toCollection(LinkedHashSet::new)));
        return "home";
    }

    /** The current user's role names ({@code CITIZEN}, ...); none when nobody is signed in. */
    private static Set<String> roles() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            return Set.of();
        }
        return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith("ROLE_")).map(authority -> authority.substring(5))
                .collect(Collectors.toSet());
    }
}
