package dev.rerun4j.host.app;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A component whose value a handler can read ({@link EventContext#get(Input)}) and set by
 * returning a value for it as an output.
 */
public abstract class Input<T, S extends Input<T, S>> extends Component<S> {

    protected Input(String label) {
        super(label);
    }

    /** Fires when the user changes the value (a pick, an upload, Enter or leaving a text or number field). */
    public EventBinding change(EventHandler handler, Inputs inputs, Outputs outputs) {
        return on("change", handler, inputs, outputs);
    }

    /** The value the page sent, checked and converted; throws {@link InvalidInputException} when unusable. */
    protected abstract T parse(JsonNode raw, UploadLookup uploads);

    /** The value as the page shows it, for an {@code update} message. */
    protected abstract Object toPage(T value);

    /** Resolves upload ids to the uploaded bytes (only image inputs need it). */
    public interface UploadLookup {
        Upload find(String id);
    }

    /** An uploaded file. */
    public record Upload(String id, String contentType, byte[] bytes) {}

    /** The host's entry point: the page's raw value, checked and converted. */
    public final T fromPage(JsonNode raw, UploadLookup uploads) {
        return parse(raw, uploads);
    }

    /** The host's entry point: a handler's output value as the page shows it. */
    @SuppressWarnings("unchecked")
    public final Object pageValue(Object value) {
        return toPage((T) value);
    }
}
