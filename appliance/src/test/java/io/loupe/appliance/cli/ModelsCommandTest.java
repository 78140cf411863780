package io.loupe.appliance.cli;

import io.loupe.appliance.Loupe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The models command's errors name the file and the fix; the conversion itself is tested in the models module. */
class ModelsCommandTest {

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... argv) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Loupe.execute(argv, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void convert_aFileThatIsNotTflite_failsNamingItAndWritesNothing(@TempDir Path dir) throws Exception {
        Path notTflite = dir.resolve("model.tflite");
        Files.writeString(notTflite, "this is not a flatbuffer");
        Path onnx = dir.resolve("model.onnx");

        Run r = run("models", "convert", notTflite.toString(), onnx.toString());

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("model.tflite");
        assertThat(onnx).doesNotExist();
    }

    @Test
    void models_withoutOrWithAnUnknownAction_isAUsageError() {
        assertThat(run("models").code()).isEqualTo(2);
        Run unknown = run("models", "frobnicate");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("frobnicate").contains("convert or fetch");
    }
}
