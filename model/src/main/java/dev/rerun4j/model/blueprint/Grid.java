package dev.rerun4j.model.blueprint;

/** Children in a grid, filled row by row. */
public final class Grid extends Container<Grid> {

    private Integer gridColumns;

    public Grid(ContainerOrView... contents) {
        super(ContainerKind.GRID, contents);
    }

    public Grid columnShares(float... shares) {
        return setColumnShares(shares);
    }

    public Grid rowShares(float... shares) {
        return setRowShares(shares);
    }

    /** Number of columns; without it the viewer picks a roughly square grid. */
    public Grid gridColumns(int columns) {
        if (columns < 1) throw new IllegalArgumentException("grid_columns must be at least 1, got " + columns);
        this.gridColumns = columns;
        return this;
    }

    @Override
    void addKindFields(ContainerBlueprint blueprint) {
        if (gridColumns != null) blueprint.gridColumns(gridColumns);
    }
}
