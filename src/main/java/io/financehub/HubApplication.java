package io.financehub;

import io.financehub.platform.routecheck.RouteValidationCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class HubApplication {
    public static void main(String[] args) {
        if (RouteValidationCommand.requested(args)) {
            // before Spring: checking route files must need no vendor, HTTP port, broker or database
            System.exit(RouteValidationCommand.run(args, System.out, System.err));
        }
        SpringApplication.run(HubApplication.class, args);
    }
}
