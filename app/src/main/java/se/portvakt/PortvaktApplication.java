package se.portvakt;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Portvakt: secure video meetings where a host admits identified guests. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class PortvaktApplication {

    public static void main(String[] args) {
        SpringApplication.run(PortvaktApplication.class, args);
    }
}
