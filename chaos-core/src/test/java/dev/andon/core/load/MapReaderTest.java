package dev.andon.core.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MapReaderTest {

    private final Problems problems = new Problems("t.yaml");

    private MapReader reader(String yaml) throws InvalidFileException {
        return MapReader.of(SourceParser.parse("t.yaml", yaml), "the map", problems).orElseThrow();
    }

    @Test
    @DisplayName("reads every value type and reports nothing when the map is well formed")
    void readsTypes() throws Exception {
        MapReader r = reader("""
                name: shop
                count: 3
                ratio: 2.5
                on: true
                wait: 1m30s
                ids: [a, b]
                one: solo
                labels: {app: shop, tier: 1}
                """);
        assertThat(r.requiredString("name")).contains("shop");
        assertThat(r.integer("count")).contains(3L);
        assertThat(r.number("ratio")).contains(2.5);
        assertThat(r.bool("on")).contains(true);
        assertThat(r.duration("wait")).contains(Duration.ofSeconds(90));
        assertThat(r.stringList("ids")).containsExactly("a", "b");
        assertThat(r.stringList("one")).containsExactly("solo");
        assertThat(r.stringMap("labels")).isEqualTo(Map.of("app", "shop", "tier", "1"));
        r.finish();
        assertThat(problems.list()).isEmpty();
    }

    @Test
    @DisplayName("a wrong type names the key, what was expected and what was found, at the value")
    void wrongType() throws Exception {
        MapReader r = reader("""
                wait:
                  - 5s
                """);
        assertThat(r.duration("wait")).isEmpty();
        assertThat(problems.list()).singleElement().satisfies(p -> {
            assertThat(p.message()).isEqualTo("'wait': expected a duration like 5s, but was a list");
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.column()).isEqualTo(3);
        });
    }

    @Test
    @DisplayName("a number where a duration is expected suggests adding a unit")
    void durationWithoutUnit() throws Exception {
        reader("wait: 5\n").duration("wait");
        assertThat(problems.list()).singleElement().satisfies(p -> {
            assertThat(p.message()).isEqualTo("'wait': expected a duration like 5s, but was the number 5");
            assertThat(p.hint()).isEqualTo("add a unit: 5s or 5ms");
        });
    }

    @Test
    @DisplayName("unknown keys are reported at the key's own position with the closest allowed key")
    void unknownKeyDidYouMean() throws Exception {
        MapReader r = reader("""
                provider: local.process
                selecter: {}
                """);
        r.string("provider");
        r.has("selector");
        r.finish();
        assertThat(problems.list()).singleElement().satisfies(p -> {
            assertThat(p.format()).isEqualTo("t.yaml:2:1: unknown key 'selecter' in the map (did you mean 'selector'?)");
        });
    }

    @Test
    @DisplayName("an unknown key with no close match lists the allowed keys")
    void unknownKeyListsAllowed() throws Exception {
        MapReader r = reader("zzz: 1\n");
        r.allow("alpha", "beta");
        r.finish();
        assertThat(problems.list()).singleElement()
                .satisfies(p -> assertThat(p.hint()).isEqualTo("known keys: alpha, beta"));
    }

    @Test
    @DisplayName("a missing required key is reported at the map that lacks it")
    void missingRequired() throws Exception {
        MapReader r = reader("""
                other: 1
                """);
        assertThat(r.requiredString("name")).isEmpty();
        assertThat(problems.list()).singleElement().satisfies(p -> {
            assertThat(p.message()).isEqualTo("missing required key 'name' in the map");
            assertThat(p.line()).isEqualTo(1);
        });
    }

    @Test
    @DisplayName("several problems of one map are all collected, in file order")
    void collectsAll() throws Exception {
        MapReader r = reader("""
                a: [1]
                b: x
                c: {}
                """);
        r.integer("b");
        r.string("a");
        r.bool("c");
        r.finish();
        assertThat(problems.list()).extracting(Problem::line).containsExactly(1, 2, 3);
    }

    @Test
    @DisplayName("close misspellings are suggested, unrelated words are not")
    void didYouMean() {
        assertThat(DidYouMean.closest("replica", List.of("replicas", "db"))).contains("replicas");
        assertThat(DidYouMean.closest("Selector", List.of("selector"))).contains("selector");
        assertThat(DidYouMean.closest("timeout", List.of("selector", "mode"))).isEmpty();
    }
}
