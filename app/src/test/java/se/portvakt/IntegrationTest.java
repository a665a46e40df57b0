package se.portvakt;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * A test against the whole application, its real database and a real SMTP server.
 * The database is an in-memory H2 in PostgreSQL mode, or the PostgreSQL server that the
 * build's second integration-test run names in {@code spring.datasource.url}.
 * All integration tests share one context and one mail server; each test makes its own organisation.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestDatabase.class)
@Import(TestSupport.class)
public @interface IntegrationTest {}
