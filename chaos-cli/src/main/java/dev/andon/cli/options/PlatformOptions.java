package dev.andon.cli.options;

import dev.andon.cli.ExitCodes;
import dev.andon.cli.UserError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Plugin settings from the command line, over {@code spec.settings} of the file: the generic
 * {@code --setting plugin.key=value} and the shortcuts SREs type most.
 */
public final class PlatformOptions {

    @Option(names = "--setting", paramLabel = "PLUGIN.KEY=VALUE", description = "A plugin setting, e.g. k8s.context=staging or aws.region=eu-west-1 (repeatable).")
    List<String> settings = new ArrayList<>();

    @Option(names = "--context", paramLabel = "NAME", description = "Kubernetes context (same as --setting k8s.context=NAME).")
    String context;

    @Option(names = "--namespace", paramLabel = "NAME", description = "Default Kubernetes namespace (same as --setting k8s.namespace=NAME).")
    String namespace;

    @Option(names = "--kubeconfig", paramLabel = "FILE", description = "Kubeconfig file (same as --setting k8s.kubeconfig=FILE).")
    String kubeconfig;

    @Option(names = "--profile", paramLabel = "NAME", description = "AWS profile (same as --setting aws.profile=NAME).")
    String profile;

    @Option(names = "--region", paramLabel = "NAME", description = "AWS region (same as --setting aws.region=NAME).")
    String region;

    public Map<String, Map<String, String>> overrides() {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (String s : settings) {
            int dot = s.indexOf('.');
            int eq = s.indexOf('=');
            if (dot <= 0 || eq < dot + 2) {
                throw new UserError(ExitCodes.INVALID_INPUT, "--setting " + s + ": expected PLUGIN.KEY=VALUE, e.g. --setting k8s.context=staging");
            }
            out.computeIfAbsent(s.substring(0, dot), k -> new LinkedHashMap<>()).put(s.substring(dot + 1, eq), s.substring(eq + 1));
        }
        put(out, "k8s", "context", context);
        put(out, "k8s", "namespace", namespace);
        put(out, "k8s", "kubeconfig", kubeconfig);
        put(out, "aws", "profile", profile);
        put(out, "aws", "region", region);
        return out;
    }

    private static void put(Map<String, Map<String, String>> out, String plugin, String key, String value) {
        if (value != null) {
            out.computeIfAbsent(plugin, k -> new LinkedHashMap<>()).put(key, value);
        }
    }
}
