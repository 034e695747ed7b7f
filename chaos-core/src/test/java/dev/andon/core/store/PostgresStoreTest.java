package dev.andon.core.store;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.ExtendWith;

@DisplayName("store on PostgreSQL")
@ExtendWith(EmbeddedPostgresExtension.class)
class PostgresStoreTest extends AndonStoreContract {

    private PostgresServer postgres;

    @BeforeEach
    void server(PostgresServer server) {
        this.postgres = server;
    }

    @Override
    StoreConfig newDatabase() {
        return postgres.freshDatabase();
    }
}
