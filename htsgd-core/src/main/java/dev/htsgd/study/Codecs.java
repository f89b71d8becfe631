package dev.htsgd.study;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.htsgd.run.Json;
import dev.htsgd.run.Study;
import java.io.UncheckedIOException;

/** Task results of the studies as one line of JSON and back, exactly (doubles are written in their shortest exact form). */
final class Codecs {

    private static final ObjectWriter ONE_LINE = Json.MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT);

    private Codecs() {
    }

    /** The codec of a record type, by Jackson. */
    static <T> Study.Codec<T> json(Class<T> type) {
        return new Study.Codec<>() {
            @Override
            public String encode(T value) {
                try {
                    return ONE_LINE.writeValueAsString(value);
                } catch (JsonProcessingException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public T decode(String json) {
                try {
                    return Json.MAPPER.readValue(json, type);
                } catch (JsonProcessingException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }
}
