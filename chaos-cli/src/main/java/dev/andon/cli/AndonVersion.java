package dev.andon.cli;

import dev.andon.core.AndonInfo;
import picocli.CommandLine.IVersionProvider;

final class AndonVersion implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {"andon " + AndonInfo.version(), "Java " + Runtime.version()};
    }
}
