package se.portvakt.config;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
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

    static final CacheControl HASHED =
            CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();
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

    /** Brotli first, for the web client's files only. */
    @Bean
    FilterRegistrationBean<BrotliFirst> brotliFirst() {
        FilterRegistrationBean<BrotliFirst> registration = new FilterRegistrationBean<>(new BrotliFirst());
        registration.addUrlPatterns("/assets/*");
        return registration;
    }

    /**
     * Spring sends the first coding of the browser's Accept-Encoding that it has a file for, and browsers name gzip
     * first ("gzip, deflate, br, zstd"); the .br files are some 10 % smaller, so a browser that accepts br gets br.
     */
    static final class BrotliFirst extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String accepted = request.getHeader(HttpHeaders.ACCEPT_ENCODING);
            if (accepted == null || !acceptsBrotli(accepted)) {
                chain.doFilter(request, response);
                return;
            }
            String brotliFirst = "br, " + accepted;
            chain.doFilter(
                    new HttpServletRequestWrapper(request) {
                        @Override
                        public String getHeader(String name) {
                            return HttpHeaders.ACCEPT_ENCODING.equalsIgnoreCase(name)
                                    ? brotliFirst
                                    : super.getHeader(name);
                        }

                        @Override
                        public Enumeration<String> getHeaders(String name) {
                            return HttpHeaders.ACCEPT_ENCODING.equalsIgnoreCase(name)
                                    ? Collections.enumeration(List.of(brotliFirst))
                                    : super.getHeaders(name);
                        }
                    },
                    response);
        }

        static boolean acceptsBrotli(String acceptEncoding) {
            for (String coding : acceptEncoding.split(",")) {
                String[] parts = coding.strip().split(";");
                if (parts[0].strip().equalsIgnoreCase("br")) {
                    return parts.length == 1 || !parts[1].replace(" ", "").matches("q=0(\\.0*)?");
                }
            }
            return false;
        }
    }

    /** A plain name in a page's link becomes the hashed name of the build's manifest. */
    private static final class HashedNames extends AbstractResourceResolver {

        private final WebAssets assets;

        HashedNames(WebAssets assets) {
            this.assets = assets;
        }

        @Override
        protected Resource resolveResourceInternal(
                HttpServletRequest request,
                String requestPath,
                List<? extends Resource> locations,
                ResourceResolverChain chain) {
            return chain.resolveResource(request, requestPath, locations); // requests name the hashed file itself
        }

        @Override
        protected String resolveUrlPathInternal(
                String resourceUrlPath, List<? extends Resource> locations, ResourceResolverChain chain) {
            String hashed = assets.hashedName(resourceUrlPath);
            return chain.resolveUrlPath(hashed != null ? hashed : resourceUrlPath, locations);
        }
    }
}
