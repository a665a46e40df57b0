package se.portvakt.identity.bankid.simulator;

import java.util.Map;
import java.util.function.Supplier;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.portvakt.identity.ConditionalOnIdentitySimulators;
import se.portvakt.identity.bankid.simulator.TestIdentities.TestPerson;

/**
 * Simulator only, not part of BankID's API: plays the phone app without a page, for integration and browser
 * tests. An order is picked by BankID's orderRef, its autoStartToken, or the QR string shown right now (checked
 * like a scan). See docs/bankid.md.
 */
@RestController
@ConditionalOnIdentitySimulators
@RequestMapping(value = BankIdSimulatorTestApi.PATH, produces = MediaType.APPLICATION_JSON_VALUE)
public class BankIdSimulatorTestApi {

    public static final String PATH = "/simulator/bankid/api/test";

    private final SimulatedBankId bankId;

    BankIdSimulatorTestApi(SimulatedBankId bankId) {
        this.bankId = bankId;
    }

    /** Which order, and (for approve) as whom. */
    record PhoneAction(String orderRef, String autoStartToken, String qrCode, String personalNumber, String hintCode) {}

    /** Scans or opens the order: collect then answers pending/started. */
    @PostMapping("/open")
    ResponseEntity<Map<String, String>> open(@RequestBody PhoneAction action) {
        return answer(() -> select(action));
    }

    /** Opens the order if needed, identifies as personalNumber (one of the test persons) and approves. */
    @PostMapping("/approve")
    ResponseEntity<Map<String, String>> approve(@RequestBody PhoneAction action) {
        return answer(() -> {
            TestPerson person = TestIdentities.byNumber(action.personalNumber())
                    .orElseThrow(() ->
                            SimulatorRefusal.onPhone("Ingen testperson har personnumret " + action.personalNumber()));
            SimulatedOrder order = select(action);
            bankId.identify(order.orderRef(), person);
            bankId.approve(order.orderRef());
            return order;
        });
    }

    /** Ends the order as the phone would: userCancel, expiredTransaction, startFailed, certificateErr, userDeclinedCall. */
    @PostMapping("/fail")
    ResponseEntity<Map<String, String>> fail(@RequestBody PhoneAction action) {
        return answer(() -> {
            SimulatedOrder order = bankId.select(action.orderRef(), action.autoStartToken(), action.qrCode(), false);
            bankId.fail(order.orderRef(), action.hintCode());
            return order;
        });
    }

    private SimulatedOrder select(PhoneAction action) {
        return bankId.select(action.orderRef(), action.autoStartToken(), action.qrCode(), true);
    }

    private static ResponseEntity<Map<String, String>> answer(Supplier<SimulatedOrder> action) {
        try {
            SimulatedOrder order = action.get();
            return ResponseEntity.ok(
                    Map.of("orderRef", order.orderRef(), "stage", order.stage().name()));
        } catch (SimulatorRefusal refusal) {
            return ResponseEntity.badRequest()
                    .body(Map.of("errorCode", refusal.errorCode(), "details", refusal.getMessage()));
        }
    }
}
