package dev.htsgd.study;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.htsgd.dynamics.DivergenceException;
import dev.htsgd.run.Json;
import dev.htsgd.run.Study;
import dev.htsgd.sim.ExitTimeExperiment;
import java.io.UncheckedIOException;

/**
 * A replication as one line of JSON, exactly: doubles as their {@link Double#toString} text (NaN and
 * infinities included, which JSON numbers cannot carry), the divergence with its step, state and gradient.
 */
enum ExitTimeCodec implements Study.Codec<ExitTimeExperiment.Replication> {
    INSTANCE;

    @Override
    public String encode(ExitTimeExperiment.Replication r) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("index", r.index());
        o.put("steps", r.steps());
        o.put("censored", r.censored());
        if (r.exitLocation() != null) {
            o.set("exit", doubles(r.exitLocation()));
        }
        DivergenceException d = r.divergence();
        if (d != null) {
            o.put("diverged_step", d.step());
            o.set("diverged_state", doubles(d.state()));
            o.set("diverged_gradient", doubles(d.gradient()));
        }
        return o.toString();
    }

    @Override
    public ExitTimeExperiment.Replication decode(String json) {
        JsonNode n;
        try {
            n = Json.MAPPER.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException("unreadable exit-times task result: " + json, e);
        }
        DivergenceException d = n.has("diverged_step") ? new DivergenceException(n.get("diverged_step").asLong(),
                doubles(n.get("diverged_state")), doubles(n.get("diverged_gradient"))) : null;
        return new ExitTimeExperiment.Replication(n.get("index").asInt(), n.get("steps").asLong(),
                n.get("censored").asBoolean(), n.has("exit") ? doubles(n.get("exit")) : null, d);
    }

    private static ArrayNode doubles(double[] v) {
        ArrayNode a = Json.MAPPER.createArrayNode();
        for (double x : v) {
            a.add(Double.toString(x));
        }
        return a;
    }

    private static double[] doubles(JsonNode a) {
        double[] v = new double[a.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = Double.parseDouble(a.get(i).asText());
        }
        return v;
    }
}
