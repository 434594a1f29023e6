package dev.rerun4j.model.blueprint;

import java.util.List;
import java.util.Objects;

/**
 * Children as tabs, one shown at a time. The active tab is chosen as in the Python SDK: by index, or
 * by a view's name (the last child that matches wins), or here also by the child object itself.
 */
public final class Tabs extends Container<Tabs> {

    private Integer activeIndex;
    private String activeName;

    public Tabs(ContainerOrView... contents) {
        super(ContainerKind.TABS, contents);
    }

    /** The child at {@code index} is selected. */
    public Tabs activeTab(int index) {
        if (index < 0 || index >= contents().size()) {
            throw new IndexOutOfBoundsException("active tab " + index + " is not among the " + contents().size() + " children");
        }
        this.activeIndex = index;
        this.activeName = null;
        return this;
    }

    /** The child view named {@code viewName} is selected; checked when the rows are built. */
    public Tabs activeTab(String viewName) {
        this.activeName = Objects.requireNonNull(viewName, "viewName");
        this.activeIndex = null;
        return this;
    }

    /** {@code child}, which must be one of the contents, is selected. */
    public Tabs activeTab(ContainerOrView child) {
        int index = indexOf(contents(), child);
        if (index < 0) throw new IllegalArgumentException(child + " is not a child of this Tabs container");
        return activeTab(index);
    }

    private static int indexOf(List<ContainerOrView> contents, ContainerOrView child) {
        for (int i = 0; i < contents.size(); i++) if (contents.get(i) == child) return i;
        return -1;
    }

    @Override
    void addKindFields(ContainerBlueprint blueprint) {
        if (activeIndex != null) blueprint.activeTab(contents().get(activeIndex).entityPath());
        if (activeName == null) return;
        String path = null;
        for (ContainerOrView child : contents()) {
            if (child instanceof View<?> && activeName.equals(child.name())) path = child.entityPath();
        }
        if (path == null) throw new IllegalStateException("active tab '" + activeName + "' is not the name of a view in " + this);
        blueprint.activeTab(path);
    }
}
