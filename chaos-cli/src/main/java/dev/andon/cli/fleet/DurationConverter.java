package dev.andon.cli.fleet;

import dev.andon.core.model.Durations;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads durations on the command line with the spelling of experiment files: {@code 500ms}, {@code 1s}, {@code 2m}. */
final class DurationConverter implements ITypeConverter<Duration> {

    @Override
    public Duration convert(String value) {
        return Durations.parse(value).orElseThrow(() -> new TypeConversionException(
                "'" + value + "' is not a duration; write it like 500ms, 1s, 2m or 1m30s"));
    }
}
