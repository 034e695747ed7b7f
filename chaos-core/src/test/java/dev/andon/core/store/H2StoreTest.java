package dev.andon.core.store;

import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("store on embedded H2")
class H2StoreTest extends AndonStoreContract {

    @TempDir
    Path dataDir;

    @Override
    StoreConfig newDatabase() {
        return StoreConfig.h2(dataDir);
    }
}
