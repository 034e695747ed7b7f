package dev.andon.core.gameday;

/**
 * The coordinator's answer to a checkpoint.
 *
 * @param yes  the answer
 * @param note what was seen, may be empty
 * @param by   who or what answered: {@code operator}, {@code --yes}, {@code answer file}
 */
public record Answer(boolean yes, String note, String by) {

    public Answer {
        note = note == null ? "" : note.strip();
    }
}
