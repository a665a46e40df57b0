package se.portvakt.identity.freja;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;
import se.portvakt.IntegrationTest;
import se.portvakt.PortalClient;
import se.portvakt.identity.EidMethod;
import se.portvakt.identity.EidProvider;
import se.portvakt.identity.EidProvider.EidOrder;
import se.portvakt.identity.EidProvider.EidProgress.Status;
import se.portvakt.identity.EidProvider.EidStart;
import se.portvakt.person.PersonalIdentityNumber;

/** A person on the simulator's phone page sees only what their app would, and approves or rejects with a form. */
@IntegrationTest
class FrejaPhonePageIT {

    @Autowired
    WebApplicationContext context;

    @Autowired
    List<EidProvider> providers;

    private EidProvider freja() {
        return providers.stream()
                .filter(p -> p.method() == EidMethod.FREJA)
                .findFirst()
                .orElseThrow();
    }

    private static String authRef(EidOrder order) {
        return URLDecoder.decode(
                order.autoStartLink().substring(FrejaLinks.BIND_PREFIX.length()), StandardCharsets.UTF_8);
    }

    @Test
    void aBoundTransactionShowsOnlyOnItsPersonsPhoneAndIsApprovedThere() throws Exception {
        MockMvc mvc = new PortalClient(context).mvc();
        EidProvider freja = freja();
        EidOrder order = freja.start(new EidStart(
                "192.0.2.1", PersonalIdentityNumber.parse("196807123572").orElseThrow(), "x"));
        String authRef = authRef(order);

        String bertils = mvc.perform(get("/simulator/freja").param("person", "196807123572"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String annas = mvc.perform(get("/simulator/freja").param("person", "198001012387"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(bertils).contains(authRef);
        assertThat(annas).doesNotContain(authRef);

        // the page's forms are ordinary portal forms: without the CSRF token they are refused
        mvc.perform(post("/simulator/freja/approve").param("authRef", authRef).param("person", "196807123572"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/simulator/freja/approve")
                        .with(csrf())
                        .param("authRef", authRef)
                        .param("person", "196807123572"))
                .andExpect(status().is3xxRedirection());

        assertThat(freja.poll(order.orderRef()).status()).isEqualTo(Status.COMPLETE);
    }

    @Test
    void aQrTransactionCanBeRejectedFromAnyPhone() throws Exception {
        MockMvc mvc = new PortalClient(context).mvc();
        EidOrder order = freja().start(new EidStart("192.0.2.1", null, "x"));
        mvc.perform(post("/simulator/freja/reject")
                        .with(csrf())
                        .param("authRef", authRef(order))
                        .param("person", "201203151467"))
                .andExpect(status().is3xxRedirection());
        assertThat(freja().poll(order.orderRef()).messageKey()).isEqualTo(FrejaMessages.REJECTED);
    }
}
