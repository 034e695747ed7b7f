package dev.andon.k8s.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.andon.core.spi.Parameters;
import dev.andon.core.spi.StopCondition;
import dev.andon.k8s.KubernetesPlugin;
import dev.andon.k8s.SelfIdentity;
import dev.andon.k8s.support.ClusterFixtures;
import dev.andon.k8s.support.MockCluster;
import io.fabric8.kubernetes.api.model.EventBuilder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class WarningEventStopTest {

    private MockCluster cluster;

    @BeforeEach
    void arrange() {
        cluster = new MockCluster();
        new ClusterFixtures(cluster.client()).namespace("shop", Map.of());
    }

    @AfterEach
    void tearDown() {
        cluster.close();
    }

    private List<StopCondition> conditions(Object... extra) throws Exception {
        Map<String, Object> settings = new HashMap<>(cluster.settings());
        settings.put("stopInterval", Duration.ZERO);
        for (int i = 0; i < extra.length; i += 2) {
            settings.put((String) extra[i], extra[i + 1]);
        }
        return new KubernetesPlugin(SelfIdentity.NOWHERE).stopConditions(Parameters.of(settings), Clock.systemUTC());
    }

    private void event(String name, String reason, Instant at) {
        cluster.client().v1().events().inNamespace("shop").resource(new EventBuilder().withNewMetadata().withName(name).withNamespace("shop").endMetadata()
                .withType("Warning").withReason(reason).withLastTimestamp(at.toString())
                .withNewInvolvedObject().withKind("Pod").withNamespace("shop").withName("storefront-1").endInvolvedObject().build()).create();
    }

    @Test
    @DisplayName("no stopOnWarnings, no stop condition")
    void noneByDefault() throws Exception {
        assertThat(conditions()).isEmpty();
    }

    @Test
    @DisplayName("stops, and stays stopped, once a Warning event of a listed reason appears after the run began; older ones and other reasons do not count")
    void stopsOnWarning() throws Exception {
        event("before", "BackOff", Instant.now().minusSeconds(600));
        StopCondition stop = conditions("stopOnWarnings", List.of("BackOff")).get(0);
        try {
            event("other", "FailedMount", Instant.now().plusSeconds(1));
            assertThat(stop.reasonToStop()).isEmpty();

            event("crash", "BackOff", Instant.now().plusSeconds(1));

            assertThat(stop.reasonToStop()).contains("stop condition: Warning event BackOff on Pod shop/storefront-1 (k8s.stopOnWarnings)");
            cluster.client().v1().events().inNamespace("shop").withName("crash").delete();
            assertThat(stop.reasonToStop()).isPresent();
        } finally {
            stop.close();
        }
    }

    @Test
    @DisplayName("events that cannot be read stop the run, saying why")
    void unreadableStops() throws Exception {
        cluster.server().expect().get().withPath("/api/v1/namespaces/shop/events?fieldSelector=type%3DWarning&limit=500")
                .andReturn(403, "{\"kind\":\"Status\",\"code\":403}").always();
        StopCondition stop = conditions("stopOnWarnings", List.of("BackOff")).get(0);
        try {
            assertThat(stop.reasonToStop()).hasValueSatisfying(r -> assertThat(r)
                    .startsWith("stop condition unreadable, stopping to be safe: forbidden: cannot list events in namespace shop"));
        } finally {
            stop.close();
        }
    }
}
