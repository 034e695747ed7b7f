package dev.andon.core.store;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests a real PostgreSQL: one embedded server per test JVM (started on first use, stopped when
 * the test run ends), a fresh database per request. Declare a {@link PostgresServer} parameter.
 */
public final class EmbeddedPostgresExtension implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == PostgresServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot()
                .getStore(ExtensionContext.Namespace.create(EmbeddedPostgresExtension.class))
                .getOrComputeIfAbsent(PostgresServer.class, k -> PostgresServer.start(), PostgresServer.class);
    }
}
