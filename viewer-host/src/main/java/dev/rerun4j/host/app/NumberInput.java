package dev.rerun4j.host.app;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/** A number field with optional bounds and precision (decimal places; 0 = integers). */
public final class NumberInput extends ValueInput<Double, NumberInput> {
    private Double minimum, maximum;
    private Integer precision;

    public NumberInput(String label) {
        super(label, null);
    }

    public NumberInput value(double v) { this.value = v; return this; }
    public NumberInput minimum(double m) { this.minimum = m; return this; }
    public NumberInput maximum(double m) { this.maximum = m; return this; }
    public NumberInput precision(int p) { this.precision = p; return this; }

    @Override
    public String kind() { return "number"; }

    @Override
    protected Double parse(JsonNode raw, UploadLookup uploads) {
        if (raw == null || raw.isNull()) {
            if (value != null) return value;
            throw new InvalidInputException(label() + ": a number is required");
        }
        if (!raw.isNumber() && !(raw.isTextual() && isNumber(raw.asText()))) throw new InvalidInputException(label() + ": '" + raw.asText() + "' is not a number");
        double v = raw.asDouble();
        if (Double.isNaN(v) || Double.isInfinite(v)) throw new InvalidInputException(label() + ": " + v + " is not a finite number");
        if (minimum != null && v < minimum) throw new InvalidInputException(label() + ": " + v + " is below the minimum " + minimum);
        if (maximum != null && v > maximum) throw new InvalidInputException(label() + ": " + v + " is above the maximum " + maximum);
        if (precision != null) v = BigDecimal.valueOf(v).setScale(precision, RoundingMode.HALF_EVEN).doubleValue();
        return v;
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> m = super.describe();
        m.put("minimum", minimum);
        m.put("maximum", maximum);
        m.put("precision", precision);
        return m;
    }
}
