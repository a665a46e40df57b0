package se.portvakt.config;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.AbstractResourceResolver;
import org.springframework.web.servlet.resource.EncodedResourceResolver;
import org.springframework.web.servlet.resource.ResourceResolverChain;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * How the web client's files go out. Those under /assets/ carry a hash of their content in their names (web build),
 * so browsers and proxies may keep them a year without asking again; the pages write the plain name
 * ({@code @{/assets/portal.js}}) and get the hashed one ({@link ResourceUrlEncodingFilter}, from the build's
 * manifest). The build also wrote each file as .br and .gz, which go to browsers that accept them
 * (Content-Encoding, Vary: Accept-Encoding). Files that keep their own names (the blur model MediaPipe asks for by
 * name) are revalidated on every use. Pages are not resources: Spring Security keeps them no-store.
 */
@Configuration(proxyBeanMethods = false)
class StaticAssets implements WebMvcConfigurer {

    static final CacheControl HASHED = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();
    static final CacheControl REVALIDATED = CacheControl.noCache().cachePublic();

    private final WebAssets assets = WebAssets.fromClassPath();

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/assets/selfie/**")
                .addResourceLocations("classpath:/static/assets/selfie/")
                .setCacheControl(REVALIDATED)
                .resourceChain(true)
                .addResolver(new EncodedResourceResolver());
        registry.addResourceHandler("/assets/*.json")
                .addResourceLocations("classpath:/static/assets/")
                .setCacheControl(REVALIDATED);
        registry.addResourceHandler("/assets/**")
                .addResourceLocations("classpath:/static/assets/")
                .setCacheControl(HASHED)
                .resourceChain(true)
                .addResolver(new EncodedResourceResolver())
                .addResolver(new HashedNames(assets));
    }

    /** Rewrites the pages' links to resources (Thymeleaf's @{...} goes through HttpServletResponse.encodeURL). */
    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
        return new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
    }

    /** A plain name in a page's link becomes the hashed name of the build's manifest. */
    private static final class HashedNames extends AbstractResourceResolver {

        private final WebAssets assets;

        HashedNames(WebAssets assets) {
            this.assets = assets;
        }

        @Override
        protected Resource resolveResourceInternal(HttpServletRequest request, String requestPath,
                List<? extends Resource> locations, ResourceResolverChain chain) {
            return chain.resolveResource(request, requestPath, locations); // requests name the hashed file itself
        }

        @Override
        protected String resolveUrlPathInternal(String resourceUrlPath, List<? extends Resource> locations,
                ResourceResolverChain chain) {
            String hashed = assets.hashedName(resourceUrlPath);
            return chain.resolveUrlPath(hashed != null ? hashed : resourceUrlPath, locations);
        }
    }
}
