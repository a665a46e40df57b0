package se.portvakt.bench.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** What the results were measured on, for the report. */
public record MachineInfo(String cpu, int cores, long memoryMib, String kernel, String java, String janus) {

    public static MachineInfo here() {
        String cpu = "unknown CPU";
        long memKib = 0;
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    cpu = line.substring(line.indexOf(':') + 1).trim();
                    break;
                }
            }
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    memKib = Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException e) {
            // leave unknown
        }
        String kernel = System.getProperty("os.name") + " " + System.getProperty("os.version");
        String java = System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version");
        return new MachineInfo(
                cpu,
                Runtime.getRuntime().availableProcessors(),
                memKib / 1024,
                kernel,
                java,
                command("janus", "--version"));
    }

    private static String command(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            p.waitFor(10, TimeUnit.SECONDS);
            return out.lines()
                    .filter(l -> l.startsWith("Janus version"))
                    .findFirst()
                    .orElse("not installed")
                    .trim();
        } catch (IOException e) {
            return "not installed";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
