package dev.rerun4j.model.blueprint;

/** Children stacked top to bottom. */
public final class Vertical extends Container<Vertical> {

    public Vertical(ContainerOrView... contents) {
        super(ContainerKind.VERTICAL, contents);
    }

    /** Relative row heights, one per child. */
    public Vertical rowShares(float... shares) {
        return setRowShares(shares);
    }
}
