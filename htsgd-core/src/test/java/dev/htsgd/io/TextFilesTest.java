package dev.htsgd.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextFilesTest {

    @TempDir
    Path dir;

    @Test
    void textPassesUnchanged() throws IOException {
        String text = "a: 1\r\n\tb: \u00e9\f\n# \u03b1 = 1.2\n";
        Path f = Files.writeString(dir.resolve("t.yaml"), text, StandardCharsets.UTF_8);
        assertThat(TextFiles.read(f)).isEqualTo(text);
    }

    @Test
    void binaryIsRefusedWithTheFileAndTheLine() throws IOException {
        Path nul = Files.write(dir.resolve("nul.txt"), "1\n2\n3\u0000\n".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> TextFiles.read(nul)).isInstanceOf(TextFiles.NotTextException.class)
                .hasMessage(nul + " line 3: not a text file (control byte 0x00)");
        Path latin1 = Files.write(dir.resolve("l.txt"), new byte[] {'x', '\n', (byte) 0xe9, '\n'});
        assertThatThrownBy(() -> TextFiles.read(latin1)).isInstanceOf(TextFiles.NotTextException.class)
                .hasMessageContaining("not a text file (bytes that are not UTF-8)");
        // ELF and zip headers begin with ASCII; their control bytes give them away
        Path elf = Files.write(dir.resolve("ls"), new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0});
        assertThatThrownBy(() -> TextFiles.read(elf)).isInstanceOf(TextFiles.NotTextException.class)
                .hasMessageContaining("line 1");
    }
}
