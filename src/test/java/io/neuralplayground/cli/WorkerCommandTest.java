package io.neuralplayground.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The worker command's options and its messages on bad input (a running worker is tested in tune.cluster). */
class WorkerCommandTest {
    @Test
    void theHelpNamesEveryOption() {
        CliTest.Run help = CliTest.run("worker", "--help");

        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("--cluster=HOST:PORT,...", "--port", "--bind", "--slots", "--name",
                "--heartbeat-timeout");
        assertThat(help.out().lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(80));
        assertThat(CliTest.run("--help").out()).contains("worker");
    }

    @Test
    void badInputSaysWhatToWriteBeforeAnythingStarts() {
        CliTest.Run noPort = CliTest.run("worker", "--cluster", "pc-1");
        assertThat(noPort.exit()).isEqualTo(Cli.FAILED);
        assertThat(noPort.err()).contains("\"pc-1\" has no port: write HOST:PORT");

        CliTest.Run noSlots = CliTest.run("worker", "--cluster", "127.0.0.1:5701", "--slots", "0");
        assertThat(noSlots.exit()).isEqualTo(Cli.FAILED);
        assertThat(noSlots.err()).contains("at least one slot");

        CliTest.Run badName = CliTest.run("worker", "--cluster", "127.0.0.1:5701", "--name", "my lab");
        assertThat(badName.exit()).isEqualTo(Cli.FAILED);
        assertThat(badName.err()).contains("\"my lab\" is not a name");

        assertThat(CliTest.run("worker").exit()).isEqualTo(Cli.USAGE);
    }
}
