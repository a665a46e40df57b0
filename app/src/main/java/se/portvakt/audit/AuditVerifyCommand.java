package se.portvakt.audit;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The verification command: started with {@code --portvakt.audit.verify=true}, Portvakt checks every chain, prints
 * one line per chain and exits, with status 0 when all are intact and 1 when any is broken (docs/audit.md).
 */
@Component
@ConditionalOnBooleanProperty("portvakt.audit.verify")
public class AuditVerifyCommand implements ApplicationRunner {

    private static final String REQUEST = "--portvakt.audit.verify=true";

    /**
     * The command runs beside a live service on the same database: it takes no fixed port, sends nothing and seals
     * nothing while it checks. Settings the operator gave explicitly are left as given.
     */
    public static String[] argumentsFor(String[] args) {
        List<String> given = List.of(args);
        if (!given.contains(REQUEST)) {
            return args;
        }
        List<String> arguments = new ArrayList<>(given);
        for (String quiet : List.of(
                "--server.port=0",
                "--management.server.port=0",
                "--portvakt.media.udp-port=0",
                "--portvakt.scheduling.enabled=false")) {
            String name = quiet.substring(0, quiet.indexOf('=') + 1);
            if (given.stream().noneMatch(argument -> argument.startsWith(name))) {
                arguments.add(quiet);
            }
        }
        return arguments.toArray(String[]::new);
    }

    private final AuditVerifier verifier;
    private final ConfigurableApplicationContext context;

    AuditVerifyCommand(AuditVerifier verifier, ConfigurableApplicationContext context) {
        this.verifier = verifier;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<ChainReport> reports = verifier.verifyAll();
        reports.forEach(report -> System.out.println(line(report)));
        boolean intact = reports.stream().allMatch(ChainReport::intact);
        System.out.println(intact ? "AUDIT INTACT: " + reports.size() + " chains" : "AUDIT BROKEN");
        System.exit(SpringApplication.exit(context, () -> intact ? 0 : 1));
    }

    static String line(ChainReport report) {
        if (report.intact()) {
            return "chain " + report.chain() + ": intact since " + report.firstRecordAt() + ", " + report.records()
                    + " records, last checkpoint " + report.lastCheckpointAt() + ", " + report.unsealed() + " unsealed";
        }
        return "chain " + report.chain() + ": BROKEN at position "
                + report.broken().seq() + " (record id " + report.broken().recordId() + "): "
                + report.broken().problem();
    }
}
