package io.neuralplayground.ui.view.teaching;

import static org.assertj.core.api.Assertions.assertThat;

import io.neuralplayground.engine.autodiff.AutodiffFunctions;
import io.neuralplayground.engine.autodiff.ComputationalGraph;
import io.neuralplayground.engine.autodiff.Edge;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The graph's geometry, without JavaFX. */
class AutodiffLayoutTest {

    @Test
    void columnsAreLayersAndALongEdgeGoesAroundTheBoxItSkips() {
        ComputationalGraph g = ComputationalGraph.parse(AutodiffFunctions.DEFAULT);
        AutodiffLayout layout = AutodiffLayout.of(g, 1400, 600);
        assertThat(layout.box(0).x()).isEqualTo(AutodiffLayout.MARGIN);
        for (int i = 1; i < g.size(); i++) {
            assertThat(layout.box(i).x()).isGreaterThanOrEqualTo(layout.box(i - 1).x());
        }
        assertThat(layout.box(g.size() - 1).x()).as("f in the last column").isGreaterThan(layout.box(5).x());
        Edge ac = g.edgesInto(3).stream().filter(e -> e.from() == 1).findFirst().orElseThrow();
        AutodiffLayout.Route route = layout.routes().get(ac.index());
        assertThat(route.points()).hasSize(4);
        AutodiffLayout.Box b = layout.box(2);
        double passY = route.points().get(1).y();
        assertThat(passY < b.y() || passY > b.y() + b.height()).as("the a → c edge passes beside b").isTrue();
        assertThat(layout.scale()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.neuralplayground.engine.autodiff.AutodiffFunctions#cases")
    void everyGraphFitsWithoutOverlaps(AutodiffFunctions.Case c) {
        ComputationalGraph g = ComputationalGraph.parse(c.text());
        for (double[] size : new double[][] {{1400, 560}, {1100, 420}, {700, 300}}) {
            AutodiffLayout layout = AutodiffLayout.of(g, size[0], size[1]);
            assertThat(layout.naturalWidth() * layout.scale()).isLessThanOrEqualTo(size[0] + 1e-9);
            assertThat(layout.naturalHeight() * layout.scale()).isLessThanOrEqualTo(size[1] + 1e-9);
            for (AutodiffLayout.Box a : layout.boxes()) {
                for (AutodiffLayout.Box o : layout.boxes()) {
                    if (a != o) {
                        assertThat(a.x() < o.right() && o.x() < a.right() && a.y() < o.y() + o.height()
                                && o.y() < a.y() + a.height()).as("%s overlaps %s", a, o).isFalse();
                    }
                }
            }
            for (AutodiffLayout.Route r : layout.routes()) {
                assertThat(r.points().get(0).x()).isEqualTo(layout.box(r.edge().from()).right());
                assertThat(r.points().get(r.points().size() - 1).x()).isEqualTo(layout.box(r.edge().to()).x());
            }
        }
    }

    @Test
    void theBarycentreOrderUncrossesEdges() {
        // Written so that the first order crosses: the sin branch is made first but used second.
        ComputationalGraph g = ComputationalGraph.parse("exp(sin(x)) * (cos(x) + 1) + sin(x)");
        AutodiffLayout layout = AutodiffLayout.of(g, 1400, 600);
        int crossings = 0;
        for (AutodiffLayout.Route r : layout.routes()) {
            for (AutodiffLayout.Route s : layout.routes()) {
                AutodiffLayout.Point r0 = r.points().get(0);
                AutodiffLayout.Point r1 = r.points().get(1);
                AutodiffLayout.Point s0 = s.points().get(0);
                AutodiffLayout.Point s1 = s.points().get(1);
                if (r != s && r0.x() == s0.x() && r1.x() == s1.x() && (r0.y() - s0.y()) * (r1.y() - s1.y()) < 0) {
                    crossings++;
                }
            }
        }
        assertThat(crossings).isZero();
    }

    @Test
    void aSmallGraphIsDrawnBigger() {
        AutodiffLayout layout = AutodiffLayout.of(ComputationalGraph.parse("x^2"), 1400, 600);
        assertThat(layout.scale()).isEqualTo(AutodiffLayout.MAX_SCALE);
        AutodiffLayout one = AutodiffLayout.of(ComputationalGraph.parse("x"), 1400, 600);
        assertThat(one.boxes()).hasSize(1);
        assertThat(one.routes()).isEmpty();
        assertThat(one.nodeAt(700, 300)).isZero();
    }
}
