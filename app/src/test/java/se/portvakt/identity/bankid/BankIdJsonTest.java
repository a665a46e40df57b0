package se.portvakt.identity.bankid;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import se.portvakt.identity.EidProvider.EidStart;
import se.portvakt.identity.bankid.BankIdJson.CollectResponse;
import se.portvakt.person.PersonalIdentityNumber;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The bodies as BankID's RP API v6.0 documents them. */
class BankIdJsonTest {

    static final JsonMapper JSON = JsonMapper.shared();

    @Test
    void authNamesTheExpectedPersonAndSendsTheTextAsSimpleMarkdown() {
        PersonalIdentityNumber anna =
                PersonalIdentityNumber.parse("198003152462").orElseThrow();
        JsonNode body = JSON.readTree(
                JSON.writeValueAsString(BankIdProvider.authRequest(new EidStart("192.0.2.1", anna, "Logga in"))));

        assertThat(body.get("endUserIp").asString()).isEqualTo("192.0.2.1");
        assertThat(body.get("requirement").get("personalNumber").asString()).isEqualTo("198003152462");
        assertThat(body.get("userVisibleData").asString()).isEqualTo("TG9nZ2EgaW4=");
        assertThat(body.get("userVisibleDataFormat").asString()).isEqualTo("simpleMarkdownV1");
    }

    @Test
    void authForAnyoneLeavesOutTheRequirementAndEmptyFields() {
        JsonNode body = JSON.readTree(
                JSON.writeValueAsString(BankIdProvider.authRequest(new EidStart("2001:db8::1", null, null))));

        assertThat(body.has("requirement")).isFalse();
        assertThat(body.has("userVisibleData")).isFalse();
        assertThat(body.has("userVisibleDataFormat")).isFalse();
    }

    @Test
    void collectReadsBankIdsCompletionAndIgnoresFieldsItDoesNotKnow() {
        CollectResponse answer = JSON.readValue("""
                {"orderRef":"131daac9-16c6-4618-beb0-365768f37288","status":"complete",
                 "completionData":{"user":{"personalNumber":"190000000000","name":"Karl Karlsson",
                   "givenName":"Karl","surname":"Karlsson"},"device":{"ipAddress":"192.168.0.1","uhi":"OZvYM9VvyiAmG7NA5jU5zRGcSVGN"},
                   "stepUp":{"mrtd":false},"bankIdIssueDate":"2020-02-01","signature":"PD94","ocspResponse":"MIIH"},
                 "risk":"low"}""", CollectResponse.class);

        assertThat(answer.status()).isEqualTo(BankIdJson.COMPLETE);
        assertThat(answer.completionData().user().name()).isEqualTo("Karl Karlsson");
        assertThat(answer.completionData().simulated()).isNull();
    }

    @Test
    void autoStartLinkOpensTheAppOnThisDevice() {
        assertThat(BankIdProvider.autoStartLink("7c40b5c9-fa74-49cf-b98c-bfe651f9a7c6"))
                .isEqualTo("bankid:///?autostarttoken=7c40b5c9-fa74-49cf-b98c-bfe651f9a7c6&redirect=null");
    }
}
