package se.portvakt.booking.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.media.UUIDSchema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.portvakt.booking.internal.BookingRules;

/**
 * The frame of /api/v1/openapi.json; springdoc fills in the operations from {@link BookingApi}, and
 * {@link #strictSchemas()} says what the records cannot: required fields, lengths, and that no other field is
 * allowed (the API refuses unknown fields, {@link ApiMeeting}). BookingApiContractIT holds real responses to it.
 */
@Configuration(proxyBeanMethods = false)
class BookingApiDocs {

    static final String API_KEY = "apiKey";

    @Bean
    OpenAPI bookingOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Portvakt booking API").version("v1").description("""
                        Book, change and cancel meetings in Portvakt from another system, such as a journal or \
                        case system. Errors are RFC 9457 problem details with an `errors` array of \
                        `{field, code, message}`; messages follow `Accept-Language` (sv, en, fi; Swedish by \
                        default). See also docs/api.md."""))
                .components(new Components()
                        .addSecuritySchemes(
                                API_KEY,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("pvk_...")
                                        .description("The organisation's API key: Authorization: Bearer pvk_...")))
                .addSecurityItem(new SecurityRequirement().addList(API_KEY));
    }

    /** The fields each schema always has; the others may be absent (null fields are left out of the JSON). */
    static final Map<String, List<String>> REQUIRED = Map.of(
            "MeetingRequest", List.of("title", "hostEmail", "start", "end", "assuranceLevel"),
            "InviteeRequest", List.of("name"),
            "Meeting",
                    List.of(
                            "id",
                            "title",
                            "roomId",
                            "roomName",
                            "hostName",
                            "hostEmail",
                            "start",
                            "end",
                            "assuranceLevel",
                            "confidential",
                            "language",
                            "status",
                            "version",
                            "invitees",
                            "attachments"),
            "Invitee", List.of("id", "name", "link"),
            "Attachment", List.of("id", "fileName", "contentType", "size"),
            "RoomSummary", List.of("id", "name"),
            "MeetingPage", List.of("from", "to", "page", "size", "hasMore", "meetings"),
            "Problem", List.of("title", "status", "detail", "instance"),
            "ApiError", List.of("code", "message"));

    @Bean
    @SuppressWarnings({"rawtypes", "unchecked"})
    OpenApiCustomizer strictSchemas() {
        return api -> {
            Map<String, Schema> schemas = api.getComponents().getSchemas();
            schemas.values().forEach(schema -> schema.setAdditionalProperties(false));
            REQUIRED.forEach((name, required) -> {
                Schema schema = schemas.get(name);
                if (schema != null) {
                    schema.setRequired(required);
                }
            });
            Schema meeting = schemas.get("MeetingRequest");
            maxLength(meeting, "title", BookingRules.MAX_TITLE);
            maxLength(meeting, "information", BookingRules.MAX_INFORMATION);
            // a meeting as read may be sent back, changed, to PUT: what only the server writes is ignored there
            meeting.addProperty("id", readOnly(new UUIDSchema()));
            meeting.addProperty("hostName", readOnly(new StringSchema()));
            meeting.addProperty("status", readOnly(new StringSchema()));
            meeting.addProperty(
                    "attachments",
                    readOnly(new ArraySchema().items(new Schema<>().$ref("#/components/schemas/Attachment"))));
            Schema invitee = schemas.get("InviteeRequest");
            maxLength(invitee, "name", BookingRules.MAX_NAME);
            invitee.addProperty("link", readOnly(new StringSchema()));
        };
    }

    private static Schema<?> readOnly(Schema<?> schema) {
        return schema.readOnly(true).description("Written by the server; ignored in a request");
    }

    @SuppressWarnings("rawtypes")
    private static void maxLength(Schema schema, String property, int length) {
        ((Schema) schema.getProperties().get(property)).setMaxLength(length);
    }
}
