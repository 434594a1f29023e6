package dev.rerun4j.model.blueprint;

/** Class {@code Tensor}: N-dimensional tensors, sliced to 2D. */
public final class TensorView extends View<TensorView> {

    public TensorView() { this("/"); }

    public TensorView(String origin) { super("Tensor", origin); }
}
