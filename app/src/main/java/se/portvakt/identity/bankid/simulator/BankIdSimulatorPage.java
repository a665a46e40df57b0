package se.portvakt.identity.bankid.simulator;

import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.portvakt.identity.ConditionalOnIdentitySimulators;
import se.portvakt.identity.bankid.simulator.TestIdentities.TestPerson;
import se.portvakt.person.PersonalIdentityNumber;

/**
 * The simulated BankID phone app, a server-rendered page: scan a QR string or open an order by its autostart
 * token, choose a test person, then approve, cancel or force one of BankID's failures. Simulator only.
 */
@Controller
@ConditionalOnIdentitySimulators
@RequestMapping(BankIdSimulatorPage.PATH)
class BankIdSimulatorPage {

    static final String PATH = "/simulator/bankid";

    private final SimulatedBankId bankId;

    BankIdSimulatorPage(SimulatedBankId bankId) {
        this.bankId = bankId;
    }

    /** One order as the page lists it; the required number is masked, as it may be a real person's. */
    record OrderView(
            String orderRef,
            String stage,
            String hintCode,
            String visibleText,
            String requiredPerson,
            String chosenPerson) {

        static OrderView of(SimulatedOrder order) {
            String required = order.requiredPersonalNumber() == null
                    ? null
                    : PersonalIdentityNumber.parse(order.requiredPersonalNumber())
                            .map(PersonalIdentityNumber::masked)
                            .orElse("ogiltigt");
            return new OrderView(
                    order.orderRef(),
                    order.stage().name(),
                    order.hintCode(),
                    order.visibleText(),
                    required,
                    order.person() == null ? null : order.person().name());
        }
    }

    /** A test person as the radio buttons list them. */
    record PersonView(String personalNumber, String label) {

        static PersonView of(TestPerson person) {
            return new PersonView(
                    person.personalNumber(),
                    person.name() + ", " + person.displayNumber() + " (" + person.description() + ")");
        }
    }

    @GetMapping
    String phone(Model model) {
        model.addAttribute(
                "orders", bankId.pending().stream().map(OrderView::of).toList());
        return "identity/bankid-simulator";
    }

    @GetMapping("/order/{orderRef}")
    String order(@PathVariable String orderRef, Model model) {
        Optional<SimulatedOrder> order = bankId.find(orderRef);
        if (order.isEmpty()) {
            return "redirect:" + PATH;
        }
        model.addAttribute("order", OrderView.of(order.get()));
        model.addAttribute(
                "persons", TestIdentities.ALL.stream().map(PersonView::of).toList());
        model.addAttribute(
                "failures", SimulatedBankId.PHONE_FAILURES.stream().sorted().toList());
        return "identity/bankid-simulator-order";
    }

    @PostMapping("/scan")
    String scan(@RequestParam String qrCode, RedirectAttributes flash) {
        return act(flash, null, () -> bankId.scan(qrCode).orderRef());
    }

    @PostMapping("/open")
    String open(@RequestParam String autoStartToken, RedirectAttributes flash) {
        return act(flash, null, () -> bankId.open(autoStartToken).orderRef());
    }

    /**
     * A person following the journey on one machine cannot point a camera at their own screen: the list lets
     * them take an order as if its QR code had been read. Only the simulator offers this.
     */
    @PostMapping("/order/{orderRef}/take")
    String take(@PathVariable String orderRef, RedirectAttributes flash) {
        return act(flash, null, () -> bankId.select(orderRef, null, null, true).orderRef());
    }

    @PostMapping("/order/{orderRef}/identify")
    String identify(@PathVariable String orderRef, @RequestParam String personalNumber, RedirectAttributes flash) {
        return act(flash, orderRef, () -> {
            TestPerson person = TestIdentities.byNumber(personalNumber)
                    .orElseThrow(() -> SimulatorRefusal.onPhone("Välj en av testpersonerna."));
            bankId.identify(orderRef, person);
            return orderRef;
        });
    }

    @PostMapping("/order/{orderRef}/approve")
    String approve(@PathVariable String orderRef, RedirectAttributes flash) {
        return finish(flash, orderRef, () -> bankId.approve(orderRef), "Godkänt: ordern är klar.");
    }

    @PostMapping("/order/{orderRef}/fail")
    String fail(@PathVariable String orderRef, @RequestParam String hintCode, RedirectAttributes flash) {
        return finish(flash, orderRef, () -> bankId.fail(orderRef, hintCode), "Ordern misslyckades: " + hintCode + ".");
    }

    private String act(RedirectAttributes flash, String fallbackOrder, Supplier<String> step) {
        try {
            return "redirect:" + PATH + "/order/" + step.get();
        } catch (SimulatorRefusal refusal) {
            flash.addFlashAttribute("error", refusal.getMessage());
            return "redirect:" + PATH + (fallbackOrder == null ? "" : "/order/" + fallbackOrder);
        }
    }

    private String finish(RedirectAttributes flash, String orderRef, Runnable step, String done) {
        try {
            step.run();
            flash.addFlashAttribute("notice", done);
            return "redirect:" + PATH;
        } catch (SimulatorRefusal refusal) {
            flash.addFlashAttribute("error", refusal.getMessage());
            return "redirect:" + PATH + "/order/" + orderRef;
        }
    }
}
