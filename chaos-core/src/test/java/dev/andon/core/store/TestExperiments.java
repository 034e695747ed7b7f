package dev.andon.core.store;

import dev.andon.core.model.Experiment;
import dev.andon.core.model.Metadata;
import java.util.List;
import java.util.Map;

final class TestExperiments {

    private TestExperiments() {
    }

    static Experiment named(String name) {
        return new Experiment("test", new Metadata(name, "", Map.of()), Map.of(), null, List.of(), null, null, null,
                Map.of(), Map.of(), List.of());
    }
}
