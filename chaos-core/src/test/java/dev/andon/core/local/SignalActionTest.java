package dev.andon.core.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.andon.core.spi.ActionEffect;
import dev.andon.core.spi.ActionRequest;
import dev.andon.core.spi.Compensation;
import dev.andon.core.spi.Parameters;
import dev.andon.core.spi.ProviderException.Kind;
import dev.andon.core.spi.ProviderException;
import dev.andon.core.spi.Target;
import dev.andon.core.testing.SimpleRunContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SignalActionTest {

    private final SpawnedProcesses spawned = new SpawnedProcesses();
    private final SimpleRunContext context = new SimpleRunContext();
    private final SignalAction kill = SignalAction.kill();
    private final SignalAction signal = SignalAction.signal();

    @AfterEach
    void destroySpawnedProcesses() {
        spawned.close();
    }

    @Test
    @DisplayName("KILL ends the process at once (exit status 128 + 9) and says what it did")
    void killsWithKill() throws Exception {
        Process sleeper = spawned.sleeper();

        ActionEffect effect = kill.apply(request(targetOf(sleeper), "KILL"));

        assertThat(sleeper.waitFor()).isEqualTo(128 + 9);
        assertThat(effect.summary()).isEqualTo("sent KILL to " + sleeper.pid() + " (sleep)");
        assertThat(effect.details()).containsEntry("signal", "KILL").containsEntry("pid", sleeper.pid());
    }

    @Test
    @DisplayName("TERM is the default signal (exit status 128 + 15)")
    void killsWithTermByDefault() throws Exception {
        Process sleeper = spawned.sleeper();

        kill.apply(new ActionRequest(Optional.of(targetOf(sleeper)), Parameters.empty(), context));

        assertThat(sleeper.waitFor()).isEqualTo(128 + 15);
    }

    @Test
    @DisplayName("STOP freezes the process (state T) and its planned undo, process.signal CONT, resumes it")
    void stopThenCont() throws Exception {
        Process sleeper = spawned.sleeper();
        Target target = targetOf(sleeper);
        ActionRequest stop = request(target, "STOP");

        Optional<Compensation> undo = kill.plannedUndo(stop);
        kill.apply(stop);

        await().atMost(Duration.ofSeconds(5)).until(() -> state(sleeper.pid()) == 'T');
        assertThat(undo).hasValueSatisfying(compensation -> {
            assertThat(compensation.action()).isEqualTo("process.signal");
            assertThat(compensation.target()).contains(target);
            assertThat(compensation.parameters()).isEqualTo(Map.of("signal", "CONT"));
            assertThat(compensation.description()).isEqualTo("resume " + sleeper.pid() + " with CONT");
        });

        Compensation resume = undo.orElseThrow();
        signal.apply(new ActionRequest(resume.target(), Parameters.of(resume.parameters()), context));

        await().atMost(Duration.ofSeconds(5)).until(() -> state(sleeper.pid()) == 'S');
        assertThat(sleeper.isAlive()).isTrue();
    }

    @Test
    @DisplayName("only STOP plans an undo: a kill cannot be undone")
    void onlyStopHasAnUndo() throws Exception {
        Target target = targetOf(spawned.sleeper());

        for (String fault : Signals.FAULTS) {
            assertThat(kill.plannedUndo(request(target, fault)).isPresent()).as(fault).isEqualTo(fault.equals("STOP"));
        }
    }

    @Test
    @DisplayName("a target whose PID now belongs to another process (different start instant) is not signalled")
    void detectsPidReuse() throws Exception {
        Process sleeper = spawned.sleeper();
        Target original = targetOf(sleeper);
        Map<String, String> attributes = new HashMap<>(original.attributes());
        Instant earlier = Instant.parse(original.attribute("started")).minusSeconds(3600);
        attributes.put("started", earlier.toString());
        Target recordedBeforeReuse = new Target(original.provider(), original.id(), original.name(), original.group(), original.labels(), attributes);

        assertThatThrownBy(() -> kill.apply(request(recordedBeforeReuse, "KILL")))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND))
                .hasMessage("process " + sleeper.pid() + " exited or its PID was reused");
        assertThat(sleeper.isAlive()).isTrue();
        // Sleeping, or still running its start-up: anything but killed or stopped.
        assertThat(state(sleeper.pid())).isIn('S', 'R');
    }

    @Test
    @DisplayName("a process that exited since it was selected is NOT_FOUND, also for the CONT undo")
    void exitedProcessIsNotFound() throws Exception {
        Process sleeper = spawned.sleeper();
        Target target = targetOf(sleeper);
        sleeper.destroyForcibly().waitFor();

        assertThatThrownBy(() -> kill.apply(request(target, "TERM")))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND))
                .hasMessage("process " + sleeper.pid() + " exited or its PID was reused");
        assertThatThrownBy(() -> signal.apply(request(target, "CONT")))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND));
    }

    @Test
    @DisplayName("refuses to signal Andon's own process or an ancestor even when a target names it directly")
    void refusesProtectedProcesses() {
        Target self = ProcessTargetProvider.target(ProcessSnapshot.of(ProcessHandle.current()));
        Target parent = ProcessTargetProvider.target(ProcessSnapshot.of(ProcessHandle.current().parent().orElseThrow()));

        assertThatThrownBy(() -> kill.apply(request(self, "KILL")))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.kind()).isEqualTo(Kind.FORBIDDEN))
                .hasMessage("refusing to signal process " + ProcessHandle.current().pid() + ": it is Andon's own process");
        assertThatThrownBy(() -> kill.apply(request(parent, "STOP")))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.kind()).isEqualTo(Kind.FORBIDDEN))
                .hasMessageContaining("an ancestor of Andon");
    }

    @Test
    @DisplayName("a dry run proves the process can be signalled but leaves it running")
    void rehearsalSendsNothing() throws Exception {
        Process sleeper = spawned.sleeper();

        ActionEffect effect = kill.rehearse(request(targetOf(sleeper), "STOP"));

        assertThat(effect.summary()).isEqualTo("would send STOP to " + sleeper.pid() + " (sleep)");
        assertThat(state(sleeper.pid())).isEqualTo('S');
        assertThat(sleeper.isAlive()).isTrue();
    }

    @Test
    @DisplayName("a target that is not a PID is refused with a message naming it")
    void refusesNonPidTargets() {
        Target pod = new Target("k8s.pod", "shop/web-1", null, null, Map.of(), Map.of());

        assertThatThrownBy(() -> kill.apply(request(pod, "KILL")))
                .isInstanceOf(ProviderException.class)
                .hasMessage("target 'shop/web-1' is not a PID; process actions take local.process targets");
    }

    private ActionRequest request(Target target, String signalName) {
        return new ActionRequest(Optional.of(target), Parameters.of(Map.of("signal", signalName)), context);
    }

    /** The target as local.process lists it, so the test exercises the real identity attributes. */
    private static Target targetOf(Process process) {
        return ProcessTargetProvider.target(ProcessSnapshot.of(process.toHandle()));
    }

    /** The one-letter state in /proc/PID/stat: S sleeping, T stopped; the field after the parenthesised name. */
    static char state(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        return stat.charAt(stat.lastIndexOf(')') + 2);
    }
}
