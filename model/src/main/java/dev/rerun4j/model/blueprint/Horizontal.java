package dev.rerun4j.model.blueprint;

/** Children side by side, left to right. */
public final class Horizontal extends Container<Horizontal> {

    public Horizontal(ContainerOrView... contents) {
        super(ContainerKind.HORIZONTAL, contents);
    }

    /** Relative column widths, one per child. */
    public Horizontal columnShares(float... shares) {
        return setColumnShares(shares);
    }
}
