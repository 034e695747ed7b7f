package dev.andon.aws.cloudwatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

/** CloudWatch speaks Smithy RPC v2 CBOR in SDK 2.57: bodies are CBOR maps, answers carry smithy-protocol. */
public final class Cbor {

    private static final CBORMapper MAPPER = new CBORMapper();

    private Cbor() {
    }

    public static ResponseDefinitionBuilder answer(int status, Object body) {
        try {
            return aResponse().withStatus(status)
                    .withHeader("Content-Type", "application/cbor")
                    .withHeader("smithy-protocol", "rpc-v2-cbor")
                    .withBody(MAPPER.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode read(byte[] body) {
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
