package se.portvakt.booking.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.portvakt.Fixtures;
import se.portvakt.Fixtures.Tenant;
import se.portvakt.IntegrationTest;
import se.portvakt.booking.api.BookingApiClient.Reply;
import se.portvakt.organisation.ApiKeys;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * /api/v1/openapi.json is a valid OpenAPI document (swagger-parser reads it without a message), every operation
 * names its success response with a schema, and what the API really answers matches those schemas (each response of
 * a whole booking's life checked by a JSON Schema 2020-12 validator with the OpenAPI 3.1 dialect).
 */
@IntegrationTest
class BookingApiContractIT {

    static final String SCHEMAS = "#/components/schemas/";

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ApiKeys apiKeys;

    JsonNode document;
    final SchemaRegistry schemas = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi31());

    @BeforeEach
    void readTheDocument() throws Exception {
        Reply served = new BookingApiClient(port, null).get("/api/v1/openapi.json");
        assertThat(served.status()).isEqualTo(200);
        document = served.body();
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/openapi.json"), served.raw()); // to read when a check fails
    }

    @Test
    void theDocumentIsValidOpenApiAndEveryOperationHasItsSuccessResponseWithASchema() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(document.toString(), null, options);
        assertThat(parsed.getMessages()).as("swagger-parser's findings").isEmpty();
        OpenAPI api = parsed.getOpenAPI();
        assertThat(api.getOpenapi()).startsWith("3.1");

        List<String> operations = new ArrayList<>();
        api.getPaths()
                .forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                    operations.add(method + " " + path);
                    String success = success(operation);
                    assertThat(success)
                            .as(method + " " + path + " names a success response")
                            .isNotNull();
                    var response = operation.getResponses().get(success);
                    if (!success.equals("204")) {
                        assertThat(response.getContent())
                                .as(method + " " + path + " " + success + " has content")
                                .isNotEmpty();
                        response.getContent()
                                .forEach((type, content) -> assertThat(content.getSchema())
                                        .as(method + " " + path + " " + success + " " + type + " has a schema")
                                        .isNotNull());
                    } else {
                        assertThat(response.getContent())
                                .as(method + " " + path + " 204 has no body")
                                .isNullOrEmpty();
                    }
                    assertThat(operation.getResponses()).as(method + " " + path).containsKey("401");
                }));
        assertThat(operations)
                .containsExactlyInAnyOrder(
                        "GET /api/v1/rooms",
                        "POST /api/v1/meetings",
                        "GET /api/v1/meetings",
                        "GET /api/v1/meetings/{id}",
                        "PUT /api/v1/meetings/{id}",
                        "DELETE /api/v1/meetings/{id}",
                        "POST /api/v1/meetings/{id}/attachments",
                        "GET /api/v1/meetings/{id}/attachments/{attachmentId}",
                        "DELETE /api/v1/meetings/{id}/attachments/{attachmentId}");
    }

    @Test
    void theSchemasNameRequiredFieldsLengthsAndRefuseUnknownFields() {
        JsonNode request = schema("MeetingRequest");
        assertThat(request.path("additionalProperties").isBoolean()
                        && !request.path("additionalProperties").asBoolean())
                .as("MeetingRequest: additionalProperties false")
                .isTrue();
        assertThat(names(request.path("required"))).contains("title", "hostEmail", "start", "end", "assuranceLevel");
        assertThat(request.at("/properties/title/maxLength").asInt()).isEqualTo(200);
        assertThat(request.at("/properties/information/maxLength").asInt()).isEqualTo(4000);
        JsonNode invitee = schema("InviteeRequest");
        assertThat(invitee.path("additionalProperties").asBoolean(true)).isFalse();
        assertThat(names(invitee.path("required"))).contains("name");
        for (String response : List.of("Meeting", "Invitee", "Attachment", "RoomSummary", "MeetingPage", "Problem")) {
            assertThat(names(schema(response).path("required")))
                    .as(response + " names its required fields")
                    .isNotEmpty();
            assertThat(schema(response).path("additionalProperties").asBoolean(true))
                    .as(response + ": additionalProperties false")
                    .isFalse();
        }
        assertThat(names(schema("Meeting").path("required")))
                .contains("id", "title", "start", "end", "status", "version", "invitees", "attachments");

        Map<String, Object> misspelt = BookingApiIT.meeting(fixtures.tenant());
        misspelt.put("confidentail", true);
        assertThat(errors(SCHEMAS + "MeetingRequest", BookingApiClient.JSON.valueToTree(misspelt)))
                .as("an unknown field is refused by the schema as by the API")
                .isNotEmpty();
        Map<String, Object> longTitle = BookingApiIT.meeting(fixtures.tenant());
        longTitle.put("title", "x".repeat(201));
        assertThat(errors(SCHEMAS + "MeetingRequest", BookingApiClient.JSON.valueToTree(longTitle)))
                .isNotEmpty();
    }

    @Test
    void realResponsesOfEveryOperationMatchTheDocument() {
        Tenant tenant = fixtures.tenant();
        BookingApiClient api =
                new BookingApiClient(port, apiKeys.create(tenant.organisation().id(), "Kontrakt"));
        Map<String, Object> booking = BookingApiIT.meeting(tenant);
        assertThat(errors(SCHEMAS + "MeetingRequest", BookingApiClient.JSON.valueToTree(booking)))
                .as("the request the tests send is one the document allows")
                .isEmpty();

        matches("GET", "/api/v1/rooms", api.get("/api/v1/rooms"), 200);
        Reply booked = api.post("/api/v1/meetings", booking);
        matches("POST", "/api/v1/meetings", booked, 201);
        String id = booked.body().path("id").asString();
        String meeting = "/api/v1/meetings/" + id;
        matches(
                "GET",
                "/api/v1/meetings",
                api.get("/api/v1/meetings?from="
                        + BookingApiIT.format(BookingApiIT.TOMORROW.minusHours(1))
                                .replace("+", "%2B")),
                200);
        matches("GET", "/api/v1/meetings/{id}", api.get(meeting), 200);

        Reply attached = api.upload(meeting + "/attachments", "kallelse.txt", "Välkommen".getBytes());
        matches("POST", "/api/v1/meetings/{id}/attachments", attached, 201);
        String file = meeting + "/attachments/" + attached.body().path("id").asString();
        Reply downloaded = api.get(file);
        assertThat(downloaded.status()).isEqualTo(200);
        assertThat(response("GET", "/api/v1/meetings/{id}/attachments/{attachmentId}", 200))
                .isNotNull();
        matches("DELETE", "/api/v1/meetings/{id}/attachments/{attachmentId}", api.delete(file), 204);

        @SuppressWarnings("unchecked")
        Map<String, Object> change =
                BookingApiClient.JSON.convertValue(api.get(meeting).body(), Map.class);
        change.put("title", "Uppföljning, flyttad");
        matches("PUT", "/api/v1/meetings/{id}", api.put(meeting, change), 200);
        matches("DELETE", "/api/v1/meetings/{id}", api.delete(meeting), 204);

        // the errors are documented as they are answered
        matches("DELETE", "/api/v1/meetings/{id}", api.delete(meeting), 409);
        matches("GET", "/api/v1/meetings/{id}", api.get("/api/v1/meetings/" + UUID.randomUUID()), 404);
        Map<String, Object> bad = BookingApiIT.meeting(tenant);
        bad.put("title", "");
        matches("POST", "/api/v1/meetings", api.post("/api/v1/meetings", bad), 400);
        matches("GET", "/api/v1/meetings", new BookingApiClient(port, "pvk_unknown").get("/api/v1/meetings"), 401);
    }

    private void matches(String method, String path, Reply reply, int expectedStatus) {
        assertThat(reply.status()).as(method + " " + path + ": " + reply.raw()).isEqualTo(expectedStatus);
        JsonNode response = response(method, path, reply.status());
        assertThat(response)
                .as(method + " " + path + " documents " + reply.status())
                .isNotNull();
        if (reply.status() == 204) {
            assertThat(response.path("content").isMissingNode()
                            || response.path("content").isEmpty())
                    .isTrue();
            return;
        }
        String type = reply.contentType().replaceAll(";.*", "");
        JsonNode schema = response.path("content").path(type).path("schema");
        assertThat(schema.isMissingNode())
                .as(method + " " + path + " " + reply.status() + " documents " + type)
                .isFalse();
        assertThat(errors(schema, reply.body()))
                .as(method + " " + path + " " + reply.status() + ": " + reply.raw())
                .isEmpty();
    }

    private JsonNode response(String method, String path, int status) {
        JsonNode operation = document.path("paths").path(path).path(method.toLowerCase());
        JsonNode response = operation.path("responses").path(String.valueOf(status));
        return response.isMissingNode() ? null : response;
    }

    /** What the validator finds wrong in a value against a schema of the document ($ref or inline). */
    private List<String> errors(String reference, JsonNode value) {
        return errors(BookingApiClient.JSON.createObjectNode().put("$ref", reference), value);
    }

    private List<String> errors(JsonNode schema, JsonNode value) {
        // the schema standing alone, with the document's component schemas beside it as $defs
        ObjectNode standalone = ((ObjectNode) schema.deepCopy());
        standalone.set("$defs", document.path("components").path("schemas"));
        String text = standalone.toString().replace("\"" + SCHEMAS, "\"#/$defs/");
        Schema compiled = schemas.getSchema(text);
        return compiled.validate(value).stream().map(Error::toString).toList();
    }

    private JsonNode schema(String name) {
        JsonNode schema = document.path("components").path("schemas").path(name);
        assertThat(schema.isMissingNode()).as("schema " + name).isFalse();
        return schema;
    }

    private static List<String> names(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }

    private static String success(Operation operation) {
        return operation.getResponses().keySet().stream()
                .filter(code -> code.startsWith("2"))
                .findFirst()
                .orElse(null);
    }
}
