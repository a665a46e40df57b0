package se.portvakt;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import se.portvakt.audit.AuditVerifyCommand;

/** Portvakt: secure video meetings where a host admits identified guests. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PortvaktApplication {

    public static void main(String[] args) {
        SpringApplication.run(PortvaktApplication.class, AuditVerifyCommand.argumentsFor(args));
    }
}
