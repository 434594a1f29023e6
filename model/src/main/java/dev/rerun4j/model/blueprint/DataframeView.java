package dev.rerun4j.model.blueprint;

/** Class {@code Dataframe}: a table of the selected entities' components. */
public final class DataframeView extends View<DataframeView> {

    public DataframeView() { this("/"); }

    public DataframeView(String origin) { super("Dataframe", origin); }
}
