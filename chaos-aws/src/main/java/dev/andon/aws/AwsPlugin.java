package dev.andon.aws;

import dev.andon.core.spi.AndonPlugin;

/** AWS targets, actions and probes. */
public final class AwsPlugin implements AndonPlugin {

    @Override
    public String name() {
        return "aws";
    }
}
