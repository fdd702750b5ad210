package adr.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BenchMainTest {

    @Test
    void anUnknownModelIsOneLineOnStderrAndExitCode2() {
        StringWriter err = new StringWriter();
        CommandLine cmd = BenchMain.commandLine();
        cmd.setErr(new PrintWriter(err, true));
        int code = cmd.execute("peer", "--model", "resnet");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString().strip()).startsWith("adr bench: unknown model 'resnet'").doesNotContain("\n");
    }

    @Test
    void anUnknownDatasetIsOneLineOnStderrAndExitCode2() {
        StringWriter err = new StringWriter();
        CommandLine cmd = BenchMain.commandLine();
        cmd.setErr(new PrintWriter(err, true));
        int code = cmd.execute("peer", "--dataset", "imagenet");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString().strip()).startsWith("adr bench: unknown dataset 'imagenet'").doesNotContain("\n");
    }
}
