package se.portvakt.booking;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The frame of /api/v1/openapi.json; springdoc fills in the operations from {@link BookingApi}. */
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
                .components(new Components().addSecuritySchemes(API_KEY, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("pvk_...")
                        .description("The organisation's API key: Authorization: Bearer pvk_...")))
                .addSecurityItem(new SecurityRequirement().addList(API_KEY));
    }
}
