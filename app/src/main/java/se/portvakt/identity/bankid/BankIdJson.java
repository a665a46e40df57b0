package se.portvakt.identity.bankid;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The JSON bodies of BankID's RP API v6.0 as documented, used by both the client and the simulator so that the
 * two cannot drift apart. Optional fields are left out when null; fields BankID adds later are ignored.
 */
public final class BankIdJson {

    public static final String PENDING = "pending";
    public static final String FAILED = "failed";
    public static final String COMPLETE = "complete";

    private BankIdJson() {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AuthRequest(
            String endUserIp,
            Requirement requirement,
            String userVisibleData,
            String userVisibleDataFormat,
            Boolean returnRisk) {}

    /** Only the parts Portvakt asks for; BankID also knows pinCode, mrtd, cardReader and certificatePolicies. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Requirement(String personalNumber) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AuthResponse(String orderRef, String autoStartToken, String qrStartToken, String qrStartSecret) {}

    /** The body of both collect and cancel. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record OrderRef(String orderRef) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CollectResponse(String orderRef, String status, String hintCode, CompletionData completionData) {}

    /**
     * @param simulated not BankID's: only Portvakt's simulator sets it, so that what it vouches for is never taken
     *     for a real identification
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CompletionData(
            User user,
            Device device,
            String bankIdIssueDate,
            String signature,
            String ocspResponse,
            Boolean simulated) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record User(String personalNumber, String name, String givenName, String surname) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Device(String ipAddress, String uhi) {}

    /** What every 4xx and 5xx carries. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ErrorBody(String errorCode, String details) {}
}
