package dev.andon.core.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.andon.core.spi.ParamSpec;
import dev.andon.core.spi.ParamType;
import dev.andon.core.spi.Parameters;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ParameterReaderTest {

    private static final List<ParamSpec> SPECS = List.of(
            ParamSpec.required("url", ParamType.STRING, "the URL to request"),
            ParamSpec.withDefault("timeout", ParamType.DURATION, Duration.ofSeconds(2), "per request"),
            ParamSpec.withDefault("signal", ParamType.STRING, "TERM", "the signal").oneOf("TERM", "KILL", "STOP"),
            ParamSpec.optional("token", ParamType.STRING, "bearer token").asSecret(),
            ParamSpec.optional("extra", ParamType.ANY, "anything"));

    private final Problems problems = new Problems("p.yaml");

    private Parameters read(String yaml) throws InvalidFileException {
        return ParameterReader.read(SourceParser.parse("p.yaml", yaml), SPECS, "probe 'front'", problems);
    }

    @Test
    @DisplayName("converts declared keys to their types and fills defaults")
    void convertsAndDefaults() throws Exception {
        Parameters p = read("""
                url: http://127.0.0.1/
                token: s3cret
                extra: {a: [1, 2]}
                """);
        assertThat(problems.list()).isEmpty();
        assertThat(p.requireString("url")).isEqualTo("http://127.0.0.1/");
        assertThat(p.duration("timeout")).contains(Duration.ofSeconds(2));
        assertThat(p.string("signal")).contains("TERM");
        assertThat(p.any("extra")).contains(Map.of("a", List.of(1L, 2L)));
        assertThat(ParameterReader.secretValues(SPECS, p)).containsExactly("s3cret");
    }

    @Test
    @DisplayName("reports a missing required key, a value outside the choices and an unknown key together")
    void reportsAll() throws Exception {
        read("""
                signal: KIL
                timout: 3s
                """);
        assertThat(problems.list()).extracting(Problem::format).containsExactly(
                "p.yaml:1:1: missing required key 'url' in probe 'front' (add 'url:' here)",
                "p.yaml:1:9: 'signal' must be one of TERM, KILL, STOP, but was 'KIL' (did you mean 'KILL'?)",
                "p.yaml:2:1: unknown key 'timout' in probe 'front' (did you mean 'timeout'?)");
    }
}
