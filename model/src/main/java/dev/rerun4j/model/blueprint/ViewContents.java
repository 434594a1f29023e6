package dev.rerun4j.model.blueprint;

import java.util.List;

/**
 * {@code rerun.blueprint.archetypes.ViewContents}, logged at {@code view/<uuid>/ViewContents}: the
 * query expressions that pick a view's entities, e.g. {@code $origin/**} or {@code -/world/noise}.
 */
public final class ViewContents extends BlueprintArchetype<ViewContents> {

    public ViewContents(List<String> queries) {
        super("ViewContents");
        withTexts("query", "QueryExpression", queries);
    }
}
