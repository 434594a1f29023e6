package dev.rerun4j.model.arrow;

import java.util.List;

/** A schema with one array per field, all of {@code numRows} entries. */
public record RecordBatch(Schema schema, List<ArrayData> columns, int numRows) {
    public RecordBatch {
        columns = List.copyOf(columns);
        if (columns.size() != schema.fields().size()) {
            throw new IllegalArgumentException("schema has " + schema.fields().size() + " fields but " + columns.size() + " columns were given");
        }
        for (int i = 0; i < columns.size(); i++) {
            Field f = schema.fields().get(i);
            ArrayData c = columns.get(i);
            if (c.length() != numRows) {
                throw new IllegalArgumentException("column '" + f.name() + "' has " + c.length() + " rows, the batch has " + numRows);
            }
            if (!c.type().equals(f.type())) {
                throw new IllegalArgumentException("column '" + f.name() + "' is " + c.type().display() + " but its field says " + f.type().display());
            }
        }
    }
}
