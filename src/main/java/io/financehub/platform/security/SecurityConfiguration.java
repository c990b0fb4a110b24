package io.financehub.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.financehub.platform.web.ErrorBody;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.DefaultSecurityFilterChain;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.List;

/**
 * Who may call what: vendors reach {@code /webhooks} (each request is signature-checked by the hub), the invoicing
 * application {@code /api} with a bearer token, people and Prometheus everything else with HTTP Basic, by role
 * ({@link HubRole}). Health is open for orchestrators. What a role may do inside Jolokia (and so hawtio) is
 * {@link JolokiaRoleRestrictor}'s call. Every refusal is the JSON error format: {@code unauthorized} (401) without
 * valid credentials, {@code forbidden} (403) with credentials whose role does not reach.
 */
@Configuration
public class SecurityConfiguration {

    private static final String API = "API";

    @Bean
    HubCredentials hubCredentials(AccessProperties access) {
        return new HubCredentials(access);
    }

    /**
     * Vendor webhooks pass no filter at all (the firewall of {@code FilterChainProxy} still applies): each request is
     * authenticated by its signature in the intake route, and a filter chain around it - security context, header
     * writers, anonymous authentication, authorization of {@code permitAll} - was 17.5 % of the hub's CPU samples
     * under webhook load (docs/performance.md). The answers carry their own cache and sniffing headers ({@code WebhookIntake}).
     * The matcher is a plain path pattern: an MVC matcher would look the handler up once more per request.
     */
    @Bean
    @Order(0)
    SecurityFilterChain vendorWebhooks() {
        return new DefaultSecurityFilterChain(PathPatternRequestMatcher.withDefaults().matcher("/webhooks/**"));
    }

    @Bean
    @Order(1)
    SecurityFilterChain openEndpoints(HttpSecurity http) throws Exception {
        return stateless(http.securityMatcher("/api/openapi.json", "/actuator/health", "/actuator/health/**", "/error"))
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain apiEndpoints(HttpSecurity http, HubCredentials credentials, ObjectMapper json) throws Exception {
        AuthenticationEntryPoint unauthorized = unauthorized(json, "Bearer");
        return stateless(http.securityMatcher("/api/**"))
                .addFilterBefore(new BearerTokenFilter(credentials), BasicAuthenticationFilter.class)
                // finance staff read an invoice's timeline with their viewer account; only the invoicing
                // application issues invoices
                .authorizeHttpRequests(a -> a
                        .requestMatchers(HttpMethod.GET, "/api/invoices/*").hasAnyRole(API, HubRole.VIEWER.name())
                        .anyRequest().hasRole(API))
                .httpBasic(b -> b.authenticationEntryPoint(unauthorized))
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden(json)))
                .build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain operatorEndpoints(HttpSecurity http, ObjectMapper json) throws Exception {
        AuthenticationEntryPoint unauthorized = unauthorized(json, "Basic realm=\"finance-integration-hub\"");
        return stateless(http)
                .authorizeHttpRequests(a -> a
                        .requestMatchers(HttpMethod.GET, "/actuator/prometheus").hasRole(HubRole.METRICS.name())
                        .requestMatchers(HttpMethod.GET, "/actuator", "/actuator/info", "/actuator/metrics",
                                "/actuator/metrics/**").hasRole(HubRole.VIEWER.name())
                        // per-role limits inside Jolokia: JolokiaRoleRestrictor
                        .requestMatchers("/actuator/jolokia", "/actuator/jolokia/**", "/actuator/hawtio",
                                "/actuator/hawtio/**").hasRole(HubRole.VIEWER.name())
                        .requestMatchers(HttpMethod.GET, "/admin/**").hasRole(HubRole.VIEWER.name())
                        .requestMatchers(HttpMethod.POST, "/admin/**").hasRole(HubRole.OPERATOR.name())
                        .anyRequest().hasRole(HubRole.ADMIN.name()))
                .httpBasic(b -> b.authenticationEntryPoint(unauthorized))
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden(json)))
                .headers(h -> h.frameOptions(f -> f.sameOrigin()))
                .build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new ConstantTimePasswordEncoder();
    }

    @Bean
    UserDetailsService operators(HubCredentials credentials, PasswordEncoder encoder) {
        List<UserDetails> users = credentials.accounts().stream()
                .map(account -> User.withUsername(account.username())
                        .password(encoder.encode(account.password()))
                        .authorities(account.role().authorities().toArray(String[]::new))
                        .build())
                .toList();
        return new InMemoryUserDetailsManager(users);
    }

    private static HttpSecurity stateless(HttpSecurity http) throws Exception {
        // no browser sessions: every request carries its credentials, so CSRF tokens protect nothing here
        return http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable);
    }

    private static AuthenticationEntryPoint unauthorized(ObjectMapper json, String challenge) {
        return (request, response, e) -> {
            response.setHeader("WWW-Authenticate", challenge);
            error(json, response, HttpServletResponse.SC_UNAUTHORIZED,
                    ErrorBody.of("unauthorized", "missing or invalid credentials"));
        };
    }

    private static AccessDeniedHandler forbidden(ObjectMapper json) {
        return (request, response, e) -> error(json, response, HttpServletResponse.SC_FORBIDDEN,
                ErrorBody.of("forbidden", "this account's role may not do this"));
    }

    private static void error(ObjectMapper json, HttpServletResponse response, int status, ErrorBody body)
            throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), body);
    }

    /** Accepts {@code Authorization: Bearer <token>} for one of {@code HUB_API_TOKENS}. */
    static final class BearerTokenFilter extends OncePerRequestFilter {

        private final HubCredentials credentials;

        BearerTokenFilter(HubCredentials credentials) {
            this.credentials = credentials;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String header = request.getHeader("Authorization");
            if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                    && credentials.isApiToken(header.substring(7).trim())) {
                SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "invoicing-application", null, AuthorityUtils.createAuthorityList("ROLE_" + API)));
            }
            chain.doFilter(request, response);
        }
    }
}
