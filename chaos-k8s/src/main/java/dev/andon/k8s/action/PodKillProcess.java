package dev.andon.k8s.action;

import dev.andon.core.spi.Action;
import dev.andon.core.spi.ActionEffect;
import dev.andon.core.spi.ActionRequest;
import dev.andon.core.spi.ParamSpec;
import dev.andon.core.spi.ParamType;
import dev.andon.core.spi.Parameters;
import dev.andon.core.spi.ProviderException;
import dev.andon.k8s.ApiErrors;
import dev.andon.k8s.Cluster;
import dev.andon.k8s.target.PodTargets;
import io.fabric8.kubernetes.client.dsl.ExecWatch;
import io.fabric8.kubernetes.client.dsl.PodResource;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * {@code k8s.pod.kill-process}: runs {@code kill -SIGNAL PID} inside a container through the exec API
 * (PID 1, the container's main process, by default), so the container restarts in place rather than the
 * pod being replaced. The container image must have a {@code kill} command.
 */
public final class PodKillProcess implements Action {

    public static final String NAME = "k8s.pod.kill-process";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    private static final Pattern SIGNAL = Pattern.compile("[A-Z0-9]{1,8}");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "send a signal to a process inside a pod's container (exec kill)";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.withDefault("signal", ParamType.STRING, "KILL", "signal name without SIG, or its number"),
                ParamSpec.withDefault("pid", ParamType.INTEGER, 1L, "process id inside the container"),
                ParamSpec.optional("container", ParamType.STRING, "container name (default: the pod's first container)"),
                ParamSpec.withDefault("timeout", ParamType.DURATION, DEFAULT_TIMEOUT, "how long to wait for kill to finish"));
    }

    @Override
    public List<String> check(Parameters parameters) {
        String signal = parameters.string("signal").orElse("KILL");
        if (!SIGNAL.matcher(signal).matches()) {
            return List.of("signal '" + signal + "' is not a signal name like KILL, TERM, STOP or a number");
        }
        if (parameters.integer("pid").orElse(1L) < 1) {
            return List.of("pid must be at least 1, but was " + parameters.integer("pid").get());
        }
        return List.of();
    }

    @Override
    public Set<String> targetProviders() {
        return Set.of(PodTargets.NAME);
    }

    @Override
    public ActionEffect apply(ActionRequest request) throws ProviderException {
        PodRef pod = PodRef.of(request.requireTarget());
        Parameters p = request.parameters();
        String signal = p.string("signal").orElse("KILL");
        long pid = p.integer("pid").orElse(1L);
        String container = p.string("container").orElse(firstContainer(request.requireTarget().attribute("containers")));
        Duration timeout = p.duration("timeout").orElse(DEFAULT_TIMEOUT);
        Cluster cluster = Cluster.of(request.context());
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        Integer exitCode;
        try (ExecWatch watch = ApiErrors.call("create", "pods/exec", pod.namespace(), pod.name(), () -> {
            PodResource resource = cluster.client().pods().inNamespace(pod.namespace()).withName(pod.name());
            return (container == null ? resource : resource.inContainer(container))
                    .writingError(stderr)
                    .exec("kill", "-" + signal, Long.toString(pid));
        })) {
            exitCode = watch.exitCode().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new ProviderException(ProviderException.Kind.FAILED, "kill -" + signal + " " + pid + " in pod " + pod + " did not finish within " + timeout.toSeconds() + "s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException(ProviderException.Kind.FAILED, "interrupted while killing " + pid + " in pod " + pod);
        } catch (ExecutionException e) {
            throw new ProviderException(ProviderException.Kind.FAILED, "exec in pod " + pod + " failed: " + e.getCause().getMessage(), e.getCause());
        }
        if (exitCode == null) {
            throw new ProviderException(ProviderException.Kind.FAILED, "kill -" + signal + " " + pid + " in pod " + pod
                    + ": the exec stream closed without an exit status (is the container running, does its image have kill?)");
        }
        if (exitCode != 0) {
            String err = stderr.toString(StandardCharsets.UTF_8).trim();
            throw new ProviderException(ProviderException.Kind.FAILED,
                    "kill -" + signal + " " + pid + " in pod " + pod + (container == null ? "" : " container " + container)
                            + " exited with " + exitCode + (err.isEmpty() ? "" : ": " + err));
        }
        return new ActionEffect("sent " + signal + " to PID " + pid + " in pod " + pod + (container == null ? "" : " (" + container + ")"),
                Map.of("pod", pod.toString(), "signal", signal, "pid", pid, "container", container == null ? "" : container));
    }

    private static String firstContainer(String containers) {
        return containers == null || containers.isBlank() ? null : containers.split(",")[0];
    }
}
