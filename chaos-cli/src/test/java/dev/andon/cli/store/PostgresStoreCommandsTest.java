package dev.andon.cli.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.andon.cli.CliRun;
import dev.andon.core.store.AndonStore;
import dev.andon.core.store.EmbeddedPostgresExtension;
import dev.andon.core.store.PostgresServer;
import dev.andon.core.store.StoreConfig;
import dev.andon.core.store.jdbc.JdbcAndonStore;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("andon halt on a shared PostgreSQL store")
@ExtendWith(EmbeddedPostgresExtension.class)
class PostgresStoreCommandsTest {

    @TempDir
    Path secrets;

    @Test
    @DisplayName("halt and history reach PostgreSQL with --db and a password file, and other nodes see the halt")
    void haltOnPostgres(PostgresServer postgres) throws Exception {
        StoreConfig db = postgres.freshDatabase();
        Path passwordFile = Files.writeString(secrets.resolve("db-password"), "not-needed-by-trust-auth\n");
        String url = db.jdbcUrl() + "?user=postgres";

        CliRun halt = CliRun.of("halt", "--reason", "region failover", "--db", url, "--db-password-file", passwordFile.toString());
        CliRun history = CliRun.of("history", "--db", url, "--db-password-file", passwordFile.toString());

        assertThat(halt.exitCode()).as(halt.err()).isZero();
        assertThat(halt.out()).contains("Runs sharing PostgreSQL jdbc:postgresql://127.0.0.1:");
        assertThat(history.out()).startsWith("HALTED: halted by ");
        try (AndonStore otherNode = JdbcAndonStore.open(db)) {
            assertThat(otherNode.halts().currentHalt()).hasValueSatisfying(h -> assertThat(h.why()).isEqualTo("region failover"));
        }
    }

    @Test
    @DisplayName("an unreachable database is a platform error naming the URL, without credentials")
    void unreachable() {
        CliRun history = CliRun.of("history", "--db", "jdbc:postgresql://127.0.0.1:1/andon?password=hunter2");

        assertThat(history.exitCode()).isEqualTo(5);
        assertThat(history.err()).contains("cannot open the store PostgreSQL jdbc:postgresql://127.0.0.1:1/andon").doesNotContain("hunter2");
    }
}
