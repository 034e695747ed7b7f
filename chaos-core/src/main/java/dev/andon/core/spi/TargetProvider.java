package dev.andon.core.spi;

/**
 * Lists the candidates a selector matches, each either eligible or excluded with a reason.
 *
 * <p>Providers apply their own safety rules here (opt-in labels, protected tags, system namespaces,
 * the process or host Andon runs on), so that {@code andon targets} can show every candidate and why
 * it will never be hit. The engine then applies the experiment's generic exclusions and limits.
 * The {@linkplain #parameters() parameters} are the keys of the target set's {@code selector}.
 */
public interface TargetProvider extends Part {

    /**
     * Every candidate the selector matches, in a stable order (the seeded pick depends on it).
     *
     * @throws ProviderException when the platform cannot be asked (unreachable, forbidden)
     */
    Candidates candidates(Parameters selector, RunContext context) throws ProviderException;
}
