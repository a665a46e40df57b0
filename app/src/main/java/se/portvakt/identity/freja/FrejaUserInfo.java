package se.portvakt.identity.freja;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import se.portvakt.person.PersonalIdentityNumber;
import tools.jackson.databind.json.JsonMapper;

/** The {@code userInfo} of an SSN-bound start: base64 of {@code {"country":"SE","ssn":"YYYYMMDDNNNN"}}. */
final class FrejaUserInfo {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private FrejaUserInfo() {}

    static String swedishSsn(PersonalIdentityNumber pin) {
        String text = JSON.writeValueAsString(Map.of("country", "SE", "ssn", pin.digits()));
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
