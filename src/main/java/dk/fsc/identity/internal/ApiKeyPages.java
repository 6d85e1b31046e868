package dk.fsc.identity.internal;

import java.security.Principal;
import java.util.List;
import java.util.UUID;

import dk.fsc.identity.ApiScope;
import dk.fsc.shared.problem.DomainException;
import dk.fsc.shared.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The administrator's page for machine clients' API keys. */
@Controller
class ApiKeyPages {

    private final ApiKeys apiKeys;
    private final MessageSource messages;

    ApiKeyPages(ApiKeys apiKeys, MessageSource messages) {
        this.apiKeys = apiKeys;
        this.messages = messages;
    }

    @GetMapping("/admin/api-keys")
    String list(Model model) {
        model.addAttribute("keys", apiKeys.all());
        model.addAttribute("scopes", ApiScope.values());
        return "identity/api-keys";
    }

    @PostMapping("/admin/api-keys")
    String create(@RequestParam(defaultValue = "") String name,
            @RequestParam(required = false) List<String> scopes, Principal principal, Model model) {
        try {
            model.addAttribute("created", apiKeys.create(name, scopes, principal.getName()));
        } catch (DomainException e) {
            model.addAttribute("name", name);
            model.addAttribute("errors", FormErrors.byField(e.errors(), messages));
        }
        return list(model);
    }

    @PostMapping("/admin/api-keys/{id}/revoke")
    String revoke(@PathVariable UUID id, RedirectAttributes redirect) {
        redirect.addFlashAttribute("revoked", apiKeys.revoke(id).name());
        return "redirect:/admin/api-keys";
    }

}
