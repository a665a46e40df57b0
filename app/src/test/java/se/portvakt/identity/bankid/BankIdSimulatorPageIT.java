package se.portvakt.identity.bankid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;
import se.portvakt.IntegrationTest;
import se.portvakt.PortalClient;
import se.portvakt.identity.EidProvider.EidOrder;
import se.portvakt.identity.EidProvider.EidProgress.Status;
import se.portvakt.identity.EidProvider.EidStart;
import se.portvakt.identity.bankid.simulator.TestIdentities;

/** The simulated phone app's page: ordinary forms with CSRF tokens, no login needed. */
@IntegrationTest
class BankIdSimulatorPageIT {

    @Autowired
    WebApplicationContext context;

    @Autowired
    BankIdProvider bankId;

    @Test
    void openChooseAPersonAndApproveCompletesTheOrder() throws Exception {
        MockMvc mvc = new PortalClient(context).mvc();
        EidOrder order = bankId.start(new EidStart("192.0.2.20", null, "Logga in till möte hos Demo kommun"));
        String token = order.autoStartLink()
                .substring(
                        order.autoStartLink().indexOf('=') + 1,
                        order.autoStartLink().indexOf('&'));

        mvc.perform(get("/simulator/bankid"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("BankID-simulator – inte riktig BankID")))
                .andExpect(content().string(Matchers.containsString("Logga in till möte hos Demo kommun")));
        mvc.perform(post("/simulator/bankid/open").param("autoStartToken", token))
                .andExpect(status().isForbidden()); // no CSRF token
        String orderPage = mvc.perform(post("/simulator/bankid/open")
                        .param("autoStartToken", token)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(orderPage).startsWith("/simulator/bankid/order/");
        mvc.perform(get(orderPage))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Anna Svensson, 19800315-2462")));

        mvc.perform(post(orderPage + "/identify")
                        .param("personalNumber", TestIdentities.ANNA.personalNumber())
                        .with(csrf()))
                .andExpect(redirectedUrl(orderPage));
        assertThat(bankId.poll(order.orderRef()).messageKey()).isEqualTo(BankIdMessages.RFA9);
        mvc.perform(post(orderPage + "/approve").with(csrf()))
                .andExpect(redirectedUrl("/simulator/bankid"))
                .andExpect(flash().attributeExists("notice"));

        assertThat(bankId.poll(order.orderRef()).status()).isEqualTo(Status.COMPLETE);
    }

    @Test
    void aPersonOnOneMachineTakesAnUnscannedOrderFromTheList() throws Exception {
        MockMvc mvc = new PortalClient(context).mvc();
        EidOrder order = bankId.start(new EidStart("192.0.2.21", null, "Inloggning till Portvakt"));
        bankId.qrCode(order.orderRef());

        String list =
                mvc.perform(get("/simulator/bankid")).andReturn().getResponse().getContentAsString();
        java.util.regex.Matcher take = java.util.regex.Pattern.compile(
                        "action=\"(/simulator/bankid/order/[^\"]+/take)\"")
                .matcher(list);
        assertThat(take.find()).as(list).isTrue();
        String orderPage = mvc.perform(post(take.group(1)).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();

        assertThat(orderPage).startsWith("/simulator/bankid/order/").doesNotEndWith("/take");
        assertThat(bankId.poll(order.orderRef()).messageKey())
                .as("scanned: the app has the order")
                .isNotEqualTo(BankIdMessages.RFA1);
    }

    @Test
    void aWrongQrStringIsRefusedOnThePage() throws Exception {
        new PortalClient(context)
                .mvc()
                .perform(post("/simulator/bankid/scan")
                        .param("qrCode", "bankid.nonsense")
                        .with(csrf()))
                .andExpect(redirectedUrl("/simulator/bankid"))
                .andExpect(flash().attributeExists("error"));
    }
}
