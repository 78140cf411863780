package io.loupe.appliance.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The models command's errors name the file and the fix; the conversion itself is tested in the models module. */
class ModelsCommandTest {

    @Test
    void convert_aFileThatIsNotTflite_failsNamingItAndWritesNothing(@TempDir Path dir) throws Exception {
        Path notTflite = dir.resolve("model.tflite");
        Files.writeString(notTflite, "this is not a flatbuffer");
        Path onnx = dir.resolve("model.onnx");

        CliRun r = CliRun.of("models", "convert", notTflite.toString(), onnx.toString());

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("model.tflite");
        assertThat(onnx).doesNotExist();
    }

    @Test
    void models_withoutOrWithAnUnknownAction_isAUsageError() {
        assertThat(CliRun.of("models").code()).isEqualTo(2);
        CliRun unknown = CliRun.of("models", "frobnicate");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("frobnicate").contains("convert or fetch");
    }
}
