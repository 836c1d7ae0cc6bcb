package io.neuralplayground.tune.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ClusterSettingsTest {
    @Test
    void membersAreParsedFromACommaList() {
        assertThat(ClusterSettings.parseMembers("192.168.1.10:5701, pc-2:5702,[::1]:5703"))
                .containsExactly("192.168.1.10:5701", "pc-2:5702", "[::1]:5703");
        ClusterSettings s = ClusterSettings.of("10.0.0.1:5701");
        assertThat(s.clusterName()).isEqualTo("neural-playground");
        assertThat(s.port()).isEqualTo(5701);
        assertThat(s.heartbeatTimeout()).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void badMemberListsSayWhatToWrite() {
        assertThatThrownBy(() -> ClusterSettings.parseMembers("")).hasMessageContaining("HOST:PORT");
        assertThatThrownBy(() -> ClusterSettings.parseMembers("pc-1")).hasMessageContaining("\"pc-1\" has no port");
        assertThatThrownBy(() -> ClusterSettings.parseMembers("pc-1:57o1"))
                .hasMessageContaining("\"pc-1:57o1\" is not a number");
        assertThatThrownBy(() -> ClusterSettings.parseMembers("pc-1:5701,,pc-2:5701"))
                .hasMessageContaining("two commas");
        assertThatThrownBy(() -> ClusterSettings.parseMembers("pc-1:70000")).hasMessageContaining("1 to 65535");
        assertThatThrownBy(() -> ClusterSettings.parseMembers("fe80::1:5701")).hasMessageContaining("brackets");
        assertThatThrownBy(() -> ClusterSettings.of("a:1").withClusterName("my cluster"))
                .hasMessageContaining("not a name");
        assertThatThrownBy(() -> ClusterSettings.of("a:1").withHeartbeatTimeout(Duration.ofSeconds(1)))
                .hasMessageContaining("at least 2 s");
    }

    @Test
    void theBindAddressIsTheMembersOwnOrTheLoopbackOne() {
        assertThat(ClusterSettings.of("127.0.0.1:5701").resolveBindAddress()).isEqualTo("127.0.0.1");
        assertThat(ClusterSettings.of("10.0.0.1:5701").withBindAddress("127.0.0.1").resolveBindAddress())
                .isEqualTo("127.0.0.1");
        assertThatThrownBy(() -> ClusterSettings.of("10.0.0.1:5701").withBindAddress("192.0.2.77")
                .resolveBindAddress()).hasMessageContaining("not an address of this machine");
    }
}
