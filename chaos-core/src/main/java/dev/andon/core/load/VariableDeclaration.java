package dev.andon.core.load;

import java.util.Optional;

/**
 * A variable declared under {@code spec.variables}.
 *
 * @param name         as used in {@code ${name}}
 * @param defaultValue used when neither {@code --var}, {@code --var-file} nor the environment sets it
 * @param secret       its value is redacted (replaced by {@code ***}) in journals and output
 * @param description  one line for readers of the file
 */
public record VariableDeclaration(String name, Optional<String> defaultValue, boolean secret, String description) {

    public static VariableDeclaration undeclared(String name) {
        return new VariableDeclaration(name, Optional.empty(), false, "");
    }
}
