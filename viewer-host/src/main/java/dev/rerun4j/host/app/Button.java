package dev.rerun4j.host.app;

/** A button; {@link #click} runs a handler. */
public final class Button extends Component<Button> {

    public Button(String label) {
        super(label);
    }

    @Override
    public String kind() { return "button"; }

    /** Runs {@code handler} on click with the given inputs, sending its result to the outputs. */
    public EventBinding click(EventHandler handler, Inputs inputs, Outputs outputs) {
        return on("click", handler, inputs, outputs);
    }
}
