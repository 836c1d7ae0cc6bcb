package io.neuralplayground.ui.view.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.neuralplayground.data.Feature;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The geometry alone, without the FX thread, at the sizes the window gives the graph. */
class GraphLayoutTest {
    private static final double LABEL = 46;
    static final GraphShape DEFAULT = new GraphShape(List.of(Feature.X1, Feature.X2), List.of(4, 2), 1);
    static final GraphShape LARGEST = new GraphShape(List.of(Feature.values()), Collections.nCopies(6, 8), 1);
    static final GraphShape NO_HIDDEN = new GraphShape(List.of(Feature.X1), List.of(), 1);

    @ParameterizedTest
    // 444 × 476 and 880 × 846: what the window gives the graph at 1024 × 640 and at 1600 × 1000
    @CsvSource({"444, 476", "500, 450", "560, 480", "700, 560", "750, 650", "880, 846", "1000, 900"})
    void everythingFitsAndNothingOverlaps(double width, double height) {
        for (GraphShape shape : List.of(DEFAULT, LARGEST, NO_HIDDEN)) {
            GraphLayout layout = GraphLayout.compute(width, height, shape, LABEL);
            double node = layout.nodeSize();
            assertThat(node).isBetween(GraphLayout.MIN_NODE, GraphLayout.MAX_NODE);
            assertThat(layout.labelRight() - layout.labelLeft()).as("room for the labels").isGreaterThanOrEqualTo(LABEL);
            for (Feature f : Feature.values()) {
                assertInside(layout, layout.input(f));
            }
            for (int l = 0; l < shape.depth(); l++) {
                for (int j = 0; j < shape.units(l); j++) {
                    Box box = layout.node(l, j);
                    Box bias = layout.bias(l, j);
                    assertInside(layout, box);
                    assertInside(layout, bias);
                    assertThat(box.y()).isGreaterThanOrEqualTo(GraphLayout.NODES_TOP);
                    // the bias sits at the lower-left corner, left of the node, clear of the column before
                    assertThat(bias.right()).isLessThan(box.x());
                    assertThat(bias.bottom()).isGreaterThan(box.bottom());
                    assertThat(bias.x()).isGreaterThan(layout.source(l, 0).right() + 4);
                    if (j > 0) {
                        assertThat(box.y()).as("rows apart").isGreaterThan(layout.node(l, j - 1).bottom() + 4);
                        assertThat(box.x()).as("columns aligned").isEqualTo(layout.node(l, 0).x());
                    }
                }
            }
            for (int c = 1; c < layout.columns(); c++) {
                assertThat(layout.columnX(c) - layout.columnX(c - 1)).as("columns apart")
                        .isGreaterThan(node + GraphLayout.BIAS_SIZE + 10);
            }
        }
    }

    private static void assertInside(GraphLayout layout, Box box) {
        assertThat(box.x()).isGreaterThanOrEqualTo(0);
        assertThat(box.y()).isGreaterThanOrEqualTo(0);
        assertThat(box.right()).isLessThanOrEqualTo(layout.width());
        assertThat(box.bottom()).isLessThanOrEqualTo(layout.height());
    }

    @Test
    void nodesAreReadableAtTheSmallestSize() {
        assertThat(GraphLayout.compute(500, 450, LARGEST, LABEL).nodeSize()).isGreaterThanOrEqualTo(30);
        assertThat(GraphLayout.compute(700, 560, LARGEST, LABEL).nodeSize()).isGreaterThanOrEqualTo(40);
    }

    @Test
    void onAProjectorTheNodesGrowIntoTheRoomUnderThem() {
        GraphLayout layout = GraphLayout.compute(880, 846, LARGEST, LABEL);
        assertThat(layout.nodeSize()).isGreaterThan(60);
        assertThat(layout.node(0, 7).bottom()).as("the last row near the bottom").isGreaterThan(0.9 * 846);
    }

    @Test
    void linksRunFromTheRightEdgeOfTheSourceToTheLeftEdgeOfTheTarget() {
        GraphLayout layout = GraphLayout.compute(700, 560, DEFAULT, LABEL);
        for (int l = 0; l < DEFAULT.depth(); l++) {
            for (int i = 0; i < DEFAULT.sources(l); i++) {
                for (int j = 0; j < DEFAULT.units(l); j++) {
                    GraphLayout.LinkCurve link = layout.link(l, i, j);
                    Box from = layout.source(l, i);
                    Box to = layout.node(l, j);
                    assertThat(link.x0()).isEqualTo(from.right());
                    assertThat(link.y0()).isEqualTo(from.centerY());
                    assertThat(link.x1()).isEqualTo(to.x());
                    assertThat(link.y1()).isBetween(to.y() + 2, to.bottom() - 2);
                    assertThat(link.x(0)).isEqualTo(link.x0());
                    assertThat(link.y(1)).isEqualTo(link.y1());
                    assertThat(link.x(0.5)).isCloseTo(link.midX(), within(1e-9));
                    assertThat(link.y(0.5)).isCloseTo((link.y0() + link.y1()) / 2, within(1e-9));
                }
            }
        }
        // layer 0's inputs are the enabled features in input order
        GraphShape shape = new GraphShape(List.of(Feature.X2, Feature.SIN_X1), List.of(3), 1);
        GraphLayout other = GraphLayout.compute(700, 560, shape, LABEL);
        assertThat(other.source(0, 1)).isEqualTo(other.input(Feature.SIN_X1));
        assertThat(other.link(0, 1, 0).y0()).isEqualTo(other.input(Feature.SIN_X1).centerY());
    }

    @Test
    void linksIntoOneNodeArriveApart() {
        GraphLayout layout = GraphLayout.compute(700, 560, DEFAULT, LABEL);
        assertThat(layout.link(1, 0, 0).y1()).isLessThan(layout.link(1, 3, 0).y1());
        assertThat(layout.link(1, 3, 0).y1() - layout.link(1, 0, 0).y1()).isGreaterThan(6);
    }

    @Test
    void nodesKeepTheirPlaceWhenNeuronsOrLayersAreAdded() {
        GraphLayout before = GraphLayout.compute(700, 560, DEFAULT, LABEL);
        GraphLayout wider = GraphLayout.compute(700, 560,
                new GraphShape(DEFAULT.offered(), DEFAULT.inputs(), List.of(5, 2), 1), LABEL);
        assertThat(wider.node(0, 3)).isEqualTo(before.node(0, 3));
        assertThat(wider.input(Feature.X1)).isEqualTo(before.input(Feature.X1));
        GraphLayout deeper = GraphLayout.compute(700, 560,
                new GraphShape(DEFAULT.offered(), DEFAULT.inputs(), List.of(4, 2, 2), 1), LABEL);
        assertThat(deeper.columns()).isEqualTo(before.columns() + 1);
        assertThat(deeper.node(0, 0).y()).isEqualTo(before.node(0, 0).y());
        assertThat(deeper.input(Feature.X1)).isEqualTo(before.input(Feature.X1));
    }

    @Test
    void theLayersHeaderIsCentredOverTheHiddenColumns() {
        GraphLayout layout = GraphLayout.compute(700, 560, DEFAULT, LABEL);
        assertThat(layout.hiddenCenterX()).isEqualTo((layout.columnX(1) + layout.columnX(2)) / 2);
        GraphLayout none = GraphLayout.compute(700, 560, NO_HIDDEN, LABEL);
        assertThat(none.columns()).isEqualTo(2);
        assertThat(none.hiddenCenterX()).isBetween(none.columnX(0), none.columnX(1));
    }

    /** A data file's {@code columns} columns, {@code on} of them switched on (the first ones), 4-2 hidden. */
    private static GraphShape wide(int columns, int on) {
        List<io.neuralplayground.ui.viewmodel.InputNode> offered = new java.util.ArrayList<>();
        for (int c = 0; c < columns; c++) {
            offered.add(new io.neuralplayground.ui.viewmodel.InputNode("c" + c, "c" + c));
        }
        return new GraphShape(offered, offered.subList(0, on).stream().map(n -> n.id()).toList(), List.of(4, 2), 1);
    }

    @Test
    void aFileWithMoreColumnsThanRowsFitScrollsTheInputColumnAndKeepsTheNodesReadable() {
        GraphShape shape = wide(60, 60);
        GraphLayout top = GraphLayout.compute(444, 476, shape, LABEL);
        assertThat(top.scrollsInputs()).isTrue();
        assertThat(top.nodeSize()).isGreaterThanOrEqualTo(GraphLayout.MIN_NODE);
        assertThat(top.firstInput()).isZero();
        assertThat(top.shownInputs()).isBetween(GraphLayout.ROWS, 59);
        assertThat(top.moreAbove()).isNull();
        assertThat(top.inputsBelow()).isEqualTo(60 - top.shownInputs());
        assertInside(top, top.moreBelow());
        for (int c = 0; c < 60; c++) {
            Box box = top.input("c" + c);
            if (c < top.shownInputs()) {
                assertInside(top, box);
                assertThat(box.bottom()).as("clear of the marker below").isLessThan(top.moreBelow().y());
                assertThat(top.link(0, c, 0).y0()).isEqualTo(box.centerY());
            } else {
                assertThat(box).as("c%d out of view", c).isNull();
                assertThat(top.link(0, c, 0).x0()).as("no link from an input out of view").isNaN();
            }
        }

        GraphLayout middle = GraphLayout.compute(444, 476, shape, LABEL, 20);
        assertThat(middle.firstInput()).isEqualTo(20);
        assertThat(middle.input("c19")).isNull();
        assertThat(middle.input("c20").y()).isEqualTo(top.input("c0").y());
        assertThat(middle.inputsAbove()).isEqualTo(20);
        assertThat(middle.moreAbove().bottom()).as("above the first row").isLessThanOrEqualTo(GraphLayout.NODES_TOP);
        assertThat(middle.moreAbove().y()).as("below the header controls")
                .isGreaterThanOrEqualTo(GraphLayout.ACTIVATION_ROW_Y);
        assertThat(middle.moreAbove().right()).as("left of the first hidden column's headers")
                .isLessThan(middle.columnX(1) - middle.columnPitch() / 2);
        // The neurons stay where they are whichever inputs are in view.
        assertThat(middle.node(0, 3)).isEqualTo(top.node(0, 3));

        GraphLayout past = GraphLayout.compute(444, 476, shape, LABEL, 1000);
        assertThat(past.firstInput()).as("kept within the inputs").isEqualTo(60 - past.shownInputs());
        assertThat(past.moreBelow()).isNull();
        assertThat(past.input("c59")).isNotNull();
    }

    @Test
    void aTallerViewShowsMoreOfAWideFileAndAllOfItWhenItFits() {
        GraphShape shape = wide(30, 5);
        GraphLayout small = GraphLayout.compute(444, 476, shape, LABEL);
        GraphLayout tall = GraphLayout.compute(880, 846, shape, LABEL);
        assertThat(tall.shownInputs()).isGreaterThan(small.shownInputs());
        GraphShape fits = wide(12, 12);
        GraphLayout all = GraphLayout.compute(880, 846, fits, LABEL, 5);
        assertThat(all.scrollsInputs()).isFalse();
        assertThat(all.firstInput()).isZero();
        assertThat(all.shownInputs()).isEqualTo(12);
        for (int c = 0; c < 12; c++) {
            assertInside(all, all.input("c" + c));
        }
    }

    @Test
    void theMarkersScrollAPageAndLinksOutOfViewAreNotHit() {
        GraphShape shape = wide(60, 60);
        GraphLayout layout = GraphLayout.compute(444, 476, shape, LABEL, 10);
        GraphHitTester hits = new GraphHitTester(layout);
        Box below = layout.moreBelow();
        Box above = layout.moreAbove();
        assertThat(hits.hit(below.centerX(), below.centerY(), null)).isEqualTo(
                new GraphHit.MoreInputs(layout.shownInputs() - 1));
        assertThat(hits.hit(above.centerX(), above.centerY(), null)).isEqualTo(
                new GraphHit.MoreInputs(-(layout.shownInputs() - 1)));
        Box first = layout.input("c10");
        assertThat(hits.hit(first.centerX(), first.centerY(), null)).isEqualTo(new GraphHit.Input("c10"));
    }
}
