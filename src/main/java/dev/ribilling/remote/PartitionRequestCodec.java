package dev.ribilling.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.batch.integration.partition.StepExecutionRequest;

/**
 * The body of a partition request on the queue: {@code {"stepName":"matchCustomerStep","stepExecutionId":42}} as
 * text (no Java serialization on the wire; any worker version that reads the shared job repository understands it).
 */
final class PartitionRequestCodec {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PartitionRequestCodec() {
    }

    static String encode(StepExecutionRequest request) {
        return JSON.createObjectNode().put("stepName", request.getStepName())
                .put("stepExecutionId", request.getStepExecutionId()).toString();
    }

    static StepExecutionRequest decode(Object body) {
        String text = body instanceof byte[] bytes ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8)
                : String.valueOf(body);
        try {
            JsonNode node = JSON.readTree(text);
            if (node == null || !node.hasNonNull("stepName") || !node.hasNonNull("stepExecutionId")) {
                throw new IllegalArgumentException("not a partition request: " + text);
            }
            return new StepExecutionRequest(node.get("stepName").asText(), node.get("stepExecutionId").asLong());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("not a partition request: " + text, e);
        }
    }
}
