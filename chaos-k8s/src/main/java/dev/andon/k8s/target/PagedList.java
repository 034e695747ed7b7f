package dev.andon.k8s.target;

import dev.andon.core.spi.ProviderException;
import dev.andon.k8s.ApiErrors;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.api.model.ListOptions;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import java.util.function.Function;

/**
 * Lists page by page with {@code limit}/{@code continue}, handing each object to a consumer, so memory
 * holds one page at a time however large the cluster is.
 */
public final class PagedList {

    /** Takes one listed object; may refuse with the same failures as the listing itself. */
    @FunctionalInterface
    public interface Each<T> {
        void accept(T item) throws ProviderException;
    }

    private PagedList() {
    }

    /**
     * @param verb,resource,namespace for the error message when the listing is refused
     * @return the number of API calls made
     */
    public static <T extends HasMetadata> int forEach(
            Function<ListOptions, ? extends KubernetesResourceList<T>> lister,
            String labelSelector,
            String fieldSelector,
            long pageSize,
            String resource,
            String namespace,
            Each<T> each) throws ProviderException {
        String token = null;
        int calls = 0;
        do {
            ListOptions options = new ListOptionsBuilder()
                    .withLimit(pageSize)
                    .withContinue(token)
                    .withLabelSelector(labelSelector)
                    .withFieldSelector(fieldSelector)
                    .build();
            KubernetesResourceList<T> page = ApiErrors.call("list", resource, namespace, null, () -> lister.apply(options));
            calls++;
            for (T item : page.getItems()) {
                each.accept(item);
            }
            token = page.getMetadata() == null ? null : page.getMetadata().getContinue();
        } while (token != null && !token.isEmpty());
        return calls;
    }
}
