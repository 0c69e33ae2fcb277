package dev.arena.server.protocol;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Java side against the golden vectors in {@code protocol/vectors} (the
 * same files the browser client's tests read): the bytes of the code that
 * writes each message in production (for SNAPSHOT and DELTA, the room's
 * replication writer) and the decoders of {@link FrameCodec}.
 */
class ProtocolVectorsTest {
    private static final String FIX = " (if the protocol changed on purpose, update PROTOCOL.md, regenerate the "
            + "vectors with GenerateVectors and make the JS decoder agree; otherwise the Java writer or decoder broke the "
            + "wire format)";

    @TestFactory
    Stream<DynamicTest> encodingFieldsGivesTheHexAndDecodingTheHexGivesTheFields() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : vectorFiles()) {
            JsonArray vectors = new JsonArray(Files.readString(file));
            for (int i = 0; i < vectors.size(); i++) {
                JsonObject v = vectors.getJsonObject(i);
                String label = file.getFileName() + ": " + v.getString("name");
                tests.add(DynamicTest.dynamicTest(label, () -> check(label, v)));
            }
        }
        assertThat(tests).as("golden vectors found").hasSizeGreaterThan(40);
        return tests.stream();
    }

    @Test
    void snapshotAndDeltaHaveOneWriterTheRoomsReplication() {
        FrameCodec codec = new FrameCodec();
        assertThatThrownBy(() -> codec.encode(new Snapshot(1, List.of())))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("SnapshotEncoder");
        assertThatThrownBy(() -> codec.encode(new Delta(2, 1, new int[0], List.of(), List.of())))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("SnapshotEncoder");
    }

    private static void check(String label, JsonObject v) {
        FrameCodec codec = new FrameCodec();
        String name = v.getString("message");
        Object message = VectorJson.message(name, v.getJsonObject("fields"));
        byte[] expected = VectorJson.hex(v.getString("hex"));
        boolean client = name.startsWith("CLIENT_");
        byte[] encoded = ProductionEncoding.encode(codec, name, message);
        assertThat(VectorJson.hex(encoded)).as("encoding of " + label + FIX).isEqualTo(v.getString("hex"));
        Object decoded = client ? codec.decodeClient(expected) : codec.decodeServer(expected);
        assertThat(decoded).as("decoding of " + label + FIX).isEqualTo(message);
        assertThat(VectorJson.fields(decoded)).as("fields of " + label).isEqualTo(v.getJsonObject("fields"));
    }

    static List<Path> vectorFiles() throws IOException, URISyntaxException {
        Path dir = Path.of(ProtocolVectorsTest.class.getResource("/protocol/vectors").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }
}
