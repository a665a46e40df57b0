package se.portvakt.identity.freja.simulator;

import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import se.portvakt.identity.ConditionalOnIdentitySimulators;

/**
 * The simulator's "phone": a person picks a test identity and sees the transactions their Freja eID app would
 * show (QR starts and those bound to them), then approves, rejects or lets one expire.
 */
@Controller
@ConditionalOnIdentitySimulators
@RequestMapping("/simulator/freja")
class FrejaSimulatorPage {

    private final FrejaSimulator simulator;

    FrejaSimulatorPage(FrejaSimulator simulator) {
        this.simulator = simulator;
    }

    @GetMapping
    String phone(
            @RequestParam(required = false) String person, @RequestParam(required = false) String done, Model model) {
        Optional<FrejaTestPerson> chosen = FrejaTestPerson.bySsn(person);
        model.addAttribute("persons", FrejaTestPerson.ALL);
        model.addAttribute("person", chosen.orElse(null));
        model.addAttribute(
                "transactions",
                chosen.map(p -> simulator.pending().stream()
                                .filter(t -> t.visibleTo(p.ssn()))
                                .toList())
                        .orElse(java.util.List.of()));
        model.addAttribute("done", done);
        return "identity/freja-simulator";
    }

    @PostMapping("/approve")
    String approve(@RequestParam String authRef, @RequestParam String person) {
        boolean done = FrejaTestPerson.bySsn(person)
                .map(p -> simulator.approve(authRef, p, FrejaSimulatorForgery.NONE))
                .orElse(false);
        return back(person, done ? "approved" : "gone");
    }

    @PostMapping("/reject")
    String reject(@RequestParam String authRef, @RequestParam String person) {
        return back(person, simulator.end(authRef, "REJECTED") ? "rejected" : "gone");
    }

    @PostMapping("/expire")
    String expire(@RequestParam String authRef, @RequestParam String person) {
        return back(person, simulator.end(authRef, "EXPIRED") ? "expired" : "gone");
    }

    private static String back(String person, String done) {
        return "redirect:"
                + UriComponentsBuilder.fromPath("/simulator/freja")
                        .queryParam("person", person)
                        .queryParam("done", done)
                        .build()
                        .toUriString();
    }
}
