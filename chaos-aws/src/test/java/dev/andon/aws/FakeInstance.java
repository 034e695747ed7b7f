package dev.andon.aws;

import java.util.LinkedHashMap;
import java.util.Map;

/** An instance as the fake EC2 describes it. */
public record FakeInstance(String id, String state, String zone, String type, Map<String, String> tags) {

    public FakeInstance {
        tags = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    }

    public static FakeInstance running(String id, String zone, Map<String, String> tags) {
        return new FakeInstance(id, "running", zone, "t3.micro", tags);
    }

    public static FakeInstance optedIn(String id, String zone) {
        return running(id, zone, Map.of("Name", "web-" + id, AwsSettings.OPT_IN_TAG, "true"));
    }

    public FakeInstance withState(String s) {
        return new FakeInstance(id, s, zone, type, tags);
    }
}
