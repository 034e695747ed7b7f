package dev.andon.core.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.andon.core.spi.Candidate;
import dev.andon.core.spi.Candidates;
import dev.andon.core.spi.Parameters;
import dev.andon.core.spi.PluginRegistry;
import dev.andon.core.spi.ProviderException;
import dev.andon.core.spi.Target;
import dev.andon.core.testing.SimpleRunContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessTargetProviderTest {

    private final ProcessTargetProvider provider = new ProcessTargetProvider();
    private final SpawnedProcesses spawned = new SpawnedProcesses();
    private final SimpleRunContext context = new SimpleRunContext();

    @TempDir
    Path dir;

    @AfterEach
    void destroySpawnedProcesses() {
        spawned.close();
    }

    @Test
    @DisplayName("selects the processes whose command line matches, ordered by PID, with pid, ppid, user and start instant")
    void selectsByCommandLine() throws Exception {
        List<Process> sleepers = List.of(spawned.sleeper(), spawned.sleeper(), spawned.sleeper());

        Candidates found = provider.candidates(selector("commandMatches", spawned.marker()), context);

        List<Long> expectedPids = sleepers.stream().map(Process::pid).sorted().toList();
        assertThat(found.candidates()).allMatch(Candidate::isEligible);
        assertThat(found.eligible()).extracting(t -> Long.parseLong(t.id())).containsExactlyElementsOf(expectedPids);
        Target first = found.eligible().get(0);
        Process firstProcess = sleepers.stream().min(Comparator.comparingLong(Process::pid)).orElseThrow();
        long self = ProcessHandle.current().pid();
        assertThat(first.provider()).isEqualTo("local.process");
        assertThat(first.name()).matches(spawned.marker() + "[0-2]");
        assertThat(first.group()).isEqualTo(Long.toString(self));
        assertThat(first.attributes())
                .containsEntry("pid", first.id())
                .containsEntry("ppid", Long.toString(self))
                .containsEntry("user", System.getProperty("user.name"))
                .containsEntry("started", firstProcess.info().startInstant().orElseThrow().toString())
                .containsEntry("executable", "sleep");
        assertThat(first.labels()).containsEntry("user", System.getProperty("user.name"));
    }

    @Test
    @DisplayName("parentPid selects exactly the children of that process")
    void selectsByParent() throws Exception {
        Process shell = spawned.parentOf(2);
        spawned.sleeper();
        org.awaitility.Awaitility.await().until(() -> shell.children().count() == 2);

        Candidates found = provider.candidates(selector("parentPid", shell.pid()), context);

        assertThat(found.eligible()).hasSize(2)
                .allSatisfy(t -> assertThat(t.attribute("ppid")).isEqualTo(Long.toString(shell.pid())))
                .allSatisfy(t -> assertThat(t.group()).isEqualTo(Long.toString(shell.pid())))
                .extracting(Target::name).allMatch(name -> name.matches(spawned.marker() + "9[01]"));
    }

    @Test
    @DisplayName("pidFile selects the one process whose PID the file holds, read at selection time")
    void selectsByPidFile() throws Exception {
        spawned.sleeper();
        Process service = spawned.sleeper();
        Path pidFile = spawned.pidFile(dir, service.pid());

        Candidates found = provider.candidates(selector("pidFile", pidFile.toString()), context);

        assertThat(found.eligible()).extracting(Target::id).containsExactly(Long.toString(service.pid()));
    }

    @Test
    @DisplayName("a missing pidFile is NOT_FOUND and names the file; one without a PID says what it holds")
    void badPidFiles() throws Exception {
        Path missing = dir.resolve("absent.pid");
        assertThatThrownBy(() -> provider.candidates(selector("pidFile", missing.toString()), context))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.NOT_FOUND))
                .hasMessageContaining("pidFile " + missing + " does not exist");

        Path garbage = Files.writeString(dir.resolve("garbage.pid"), "not-a-pid\n");
        assertThatThrownBy(() -> provider.candidates(selector("pidFile", garbage.toString()), context))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.FAILED))
                .hasMessageContaining("does not hold a PID (it holds 'not-a-pid')");
    }

    @Test
    @DisplayName("user narrows the selection to processes of that user, combined with the other criteria")
    void selectsByUser() throws Exception {
        Process sleeper = spawned.sleeper();
        String me = System.getProperty("user.name");

        Candidates mine = provider.candidates(Parameters.of(Map.of("commandMatches", spawned.marker(), "user", me)), context);
        Candidates someoneElses = provider.candidates(Parameters.of(Map.of("commandMatches", spawned.marker(), "user", "andon-no-such-user")), context);

        assertThat(mine.eligible()).extracting(Target::id).containsExactly(Long.toString(sleeper.pid()));
        assertThat(someoneElses.candidates()).isEmpty();
    }

    @Test
    @DisplayName("Andon's own process, its parent and PID 1 are listed as excluded with a reason, never eligible")
    void protectsItselfItsAncestorsAndInit() throws Exception {
        long self = ProcessHandle.current().pid();
        long parent = ProcessHandle.current().parent().orElseThrow().pid();

        Candidate own = only(provider.candidates(selector("pidFile", spawned.pidFile(dir, self).toString()), context));
        Candidate ancestor = only(provider.candidates(selector("pidFile", spawned.pidFile(dir, parent).toString()), context));
        Candidate init = only(provider.candidates(selector("pidFile", spawned.pidFile(dir, 1).toString()), context));

        assertThat(own.exclusion()).contains("Andon's own process");
        assertThat(ancestor.exclusion()).hasValueSatisfying(reason -> assertThat(reason).startsWith("an ancestor of Andon (pid " + parent + ", "));
        assertThat(init.exclusion()).hasValueSatisfying(reason -> assertThat(reason).startsWith("PID 1"));
    }

    @Test
    @DisplayName("an empty selector and an invalid regex are rejected when the file is checked")
    void checksSelectors() {
        assertThat(provider.check(Parameters.empty()))
                .containsExactly("a local.process selector needs at least one of commandMatches, user, parentPid, pidFile");
        assertThat(provider.check(Parameters.of(Map.of("commandMatches", "fleet-(replica"))))
                .singleElement().asString().startsWith("commandMatches is not a valid regex: Unclosed group");
    }

    @Test
    @DisplayName("the local plugin is found by ServiceLoader with its provider, actions and probes")
    void registeredThroughServiceLoader() {
        PluginRegistry registry = PluginRegistry.load();

        assertThat(registry.plugin("local")).isPresent();
        assertThat(registry.providerNames()).contains("local.process");
        assertThat(registry.actionNames()).contains("process.kill", "process.signal");
        assertThat(registry.probeNames()).contains("http", "tcp", "process");
    }

    private static Candidate only(Candidates candidates) {
        assertThat(candidates.candidates()).hasSize(1);
        return candidates.candidates().get(0);
    }

    private static Parameters selector(String key, Object value) {
        return Parameters.of(Map.of(key, value));
    }
}
