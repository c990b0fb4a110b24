package io.financehub.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.financehub.adapter.in.web.ErrorBody;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Who may call what: vendors reach {@code /webhooks} (each request is signature-checked by the hub), the invoicing
 * application {@code /api} with a bearer token, operators everything else with HTTP Basic. Health is open for
 * orchestrators. Every refusal is the contract's JSON {@code unauthorized} error.
 */
@Configuration
public class SecurityConfiguration {

    @Bean
    HubCredentials hubCredentials(AccessProperties access) {
        return new HubCredentials(access);
    }

    @Bean
    @Order(1)
    SecurityFilterChain openEndpoints(HttpSecurity http) throws Exception {
        return stateless(http.securityMatcher("/webhooks/**", "/actuator/health", "/actuator/health/**", "/error"))
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain apiEndpoints(HttpSecurity http, HubCredentials credentials, ObjectMapper json) throws Exception {
        AuthenticationEntryPoint unauthorized = unauthorized(json, "Bearer");
        return stateless(http.securityMatcher("/api/**"))
                .addFilterBefore(new BearerTokenFilter(credentials), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized))
                .build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain operatorEndpoints(HttpSecurity http, ObjectMapper json) throws Exception {
        AuthenticationEntryPoint unauthorized = unauthorized(json, "Basic realm=\"finance-integration-hub\"");
        return stateless(http)
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .httpBasic(b -> b.authenticationEntryPoint(unauthorized))
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized))
                .headers(h -> h.frameOptions(f -> f.sameOrigin()))
                .build();
    }

    @Bean
    UserDetailsService operators(HubCredentials credentials) {
        return new InMemoryUserDetailsManager(User.withUsername(credentials.adminUsername())
                .password("{noop}" + credentials.adminPassword()).roles("ADMIN").build());
    }

    private static HttpSecurity stateless(HttpSecurity http) throws Exception {
        // no browser sessions: every request carries its credentials, so CSRF tokens protect nothing here
        return http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable);
    }

    private static AuthenticationEntryPoint unauthorized(ObjectMapper json, String challenge) {
        return (request, response, e) -> {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader("WWW-Authenticate", challenge);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            json.writeValue(response.getOutputStream(),
                    ErrorBody.of("unauthorized", "missing or invalid credentials"));
        };
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
                        "invoicing-application", null, AuthorityUtils.createAuthorityList("ROLE_API")));
            }
            chain.doFilter(request, response);
        }
    }
}
