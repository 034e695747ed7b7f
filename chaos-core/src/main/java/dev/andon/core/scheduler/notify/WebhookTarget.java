package dev.andon.core.scheduler.notify;

import java.net.URI;
import java.util.Objects;

/**
 * Where a notification goes and how it is shaped.
 *
 * @param uri    the HTTP(S) endpoint
 * @param format {@link Format#JSON} posts Andon's event object; {@link Format#SLACK} posts {@code {"text": ...}},
 *               which Slack's incoming webhooks (and Mattermost, Teams' Slack-compatible connectors) accept
 */
public record WebhookTarget(URI uri, Format format) {

    public enum Format { JSON, SLACK }

    public WebhookTarget {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(format, "format");
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw new IllegalArgumentException("a webhook must be an http or https URL, but was " + uri);
        }
    }
}
