package dev.andon.core.engine;

/** The phases of a run, in order (DESIGN.md, "One run, as data flows"). */
public enum Phase {
    GUARDS("guards"),
    HYPOTHESIS_BEFORE("hypothesis-before"),
    SELECT("select"),
    INJECT("inject"),
    RECOVERY("recovery"),
    HYPOTHESIS_AFTER("hypothesis-after"),
    ROLLBACK("rollback"),
    DONE("done");

    private final String spelling;

    Phase(String spelling) {
        this.spelling = spelling;
    }

    public String spelling() {
        return spelling;
    }
}
