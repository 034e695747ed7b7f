package dev.andon.cli;

import dev.andon.core.model.Durations;
import dev.andon.core.spi.AndonPlugin;
import dev.andon.core.spi.ParamSpec;
import dev.andon.core.spi.ParameterBinding;
import dev.andon.core.spi.Part;
import dev.andon.core.spi.PluginRegistry;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "plugins", mixinStandardHelpOptions = true,
        description = "List the installed target providers, actions and probes with their parameters.")
public final class PluginsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        for (AndonPlugin plugin : PluginRegistry.load().plugins()) {
            out.println("plugin " + plugin.name());
            section(out, "settings (spec.settings." + plugin.name() + ")", plugin.settings());
            plugin.targetProviders().forEach(p -> part(out, "target provider", p));
            plugin.actions().forEach(a -> part(out, "action", a));
            plugin.probes().forEach(p -> part(out, "probe", p));
            out.println();
        }
        out.flush();
        return ExitCodes.HELD;
    }

    private static void part(PrintWriter out, String kind, Part part) {
        out.println("  " + kind + " " + part.name() + (part.description().isEmpty() ? "" : " — " + part.description()));
        for (ParamSpec p : part.parameters()) {
            out.println("      " + describe(p));
        }
    }

    private static void section(PrintWriter out, String title, List<ParamSpec> params) {
        if (!params.isEmpty()) {
            out.println("  " + title);
            params.forEach(p -> out.println("      " + describe(p)));
        }
    }

    private static String describe(ParamSpec p) {
        return p.name() + ": " + ParameterBinding.describe(p.type()) + (p.required() ? ", required" : "")
                + p.defaultValue().map(d -> ", default " + (d instanceof java.time.Duration duration ? Durations.format(duration) : d)).orElse("") + (p.choices().isEmpty() ? "" : ", one of " + p.choices())
                + (p.description().isEmpty() ? "" : " — " + p.description());
    }
}
