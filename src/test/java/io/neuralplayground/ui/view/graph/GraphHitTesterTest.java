package io.neuralplayground.ui.view.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.neuralplayground.data.Feature;
import io.neuralplayground.engine.Activation;
import io.neuralplayground.engine.Network;
import org.junit.jupiter.api.Test;

class GraphHitTesterTest {
    private final GraphShape shape = GraphLayoutTest.DEFAULT;
    private final GraphLayout layout = GraphLayout.compute(700, 560, shape, 46);
    private final GraphHitTester tester = new GraphHitTester(layout);
    private final Network network = Network.of(2, new int[] {4, 2}, Activation.TANH, 1, Activation.TANH);

    @Test
    void nodesInputsAndBiasesAreHitInsideTheirSquares() {
        Box node = layout.node(0, 2);
        assertThat(tester.hit(node.centerX(), node.centerY(), network)).isEqualTo(new GraphHit.Neuron(0, 2));
        assertThat(tester.hit(node.x() + 1, node.bottom() - 1, network)).isEqualTo(new GraphHit.Neuron(0, 2));
        Box output = layout.node(2, 0);
        assertThat(tester.hit(output.centerX(), output.centerY(), network)).isEqualTo(new GraphHit.Neuron(2, 0));
        Box off = layout.input(Feature.SIN_X2);
        assertThat(tester.hit(off.centerX(), off.centerY(), network)).isEqualTo(new GraphHit.Input(Feature.SIN_X2));
        Box bias = layout.bias(1, 1);
        assertThat(tester.hit(bias.centerX(), bias.centerY(), network)).isEqualTo(new GraphHit.Bias(1, 1));
        assertThat(tester.hit(bias.x() - 1.5, bias.y() - 1.5, network)).as("a little slack")
                .isEqualTo(new GraphHit.Bias(1, 1));
    }

    @Test
    void emptySpaceHitsNothing() {
        assertThat(tester.hit(layout.width() - 5, layout.height() - 5, network)).isNull();
        assertThat(tester.hit(5, 5, network)).isNull();
        Box below = layout.input(Feature.SIN_X2);
        assertThat(tester.hit(layout.columnX(2), below.bottom() + 30, network)).isNull();
    }

    @Test
    void aLinkIsHitNearItsCurveAndNotFarFromIt() {
        GraphLayout.LinkCurve link = layout.link(0, 0, 3);
        double x = link.x(0.5);
        double y = link.y(0.5);
        GraphHit wanted = new GraphHit.Link(0, 0, 3);
        assertThat(tester.hit(x, y, network)).isEqualTo(wanted);
        // the curve is steep at its middle: move across it horizontally
        assertThat(tester.hit(x + 3, y, network)).isEqualTo(wanted);
        assertThat(tester.hit(x - 3, y, network)).isEqualTo(wanted);
        assertThat(tester.hit(x + 12, y, network)).isNotEqualTo(wanted);
        // every sampled point of every link hits that link or one drawn at the same place
        for (int l = 0; l < shape.depth(); l++) {
            for (int i = 0; i < shape.sources(l); i++) {
                for (int j = 0; j < shape.units(l); j++) {
                    GraphLayout.LinkCurve c = layout.link(l, i, j);
                    assertThat(tester.hit(c.x(0.5), c.y(0.5), network)).isInstanceOf(GraphHit.Link.class);
                }
            }
        }
    }

    @Test
    void aThickLinkIsEasierToHit() {
        GraphLayout.LinkCurve link = layout.link(2, 0, 0);
        double x = link.x(0.5);
        double y = link.y(0.5);
        // the link to the output from the first neuron of layer 2 runs level: move off it vertically
        assertThat(link.y0()).isEqualTo(layout.node(1, 0).centerY());
        double offset = 5.5;
        assertThat(tester.hit(x, y - offset, network)).as("thin: 4 px reach").isNull();
        network.layer(2).setWeight(0, 0, 5);
        assertThat(tester.hit(x, y - offset, network)).as("10 px wide: 8 px reach")
                .isEqualTo(new GraphHit.Link(2, 0, 0));
        assertThat(GraphHitTester.tolerance(network.layer(2), 0, 0)).isEqualTo(8);
        assertThat(GraphHitTester.tolerance(network.layer(2), 1, 0)).isEqualTo(4);
    }

    @Test
    void linksOfANetworkOfAnotherShapeAreNotHit() {
        Network other = Network.of(2, new int[] {3}, Activation.TANH, 1, Activation.TANH);
        GraphLayout.LinkCurve link = layout.link(0, 0, 3);
        assertThat(tester.hit(link.x(0.5), link.y(0.5), other)).isNull();
        Box node = layout.node(0, 0);
        assertThat(tester.hit(node.centerX(), node.centerY(), other)).isEqualTo(new GraphHit.Neuron(0, 0));
    }

    @Test
    void distanceToASegment() {
        assertThat(GraphHitTester.distanceToSegment(5, 3, 0, 0, 10, 0)).isEqualTo(3);
        assertThat(GraphHitTester.distanceToSegment(-3, 4, 0, 0, 10, 0)).isEqualTo(5);
        assertThat(GraphHitTester.distanceToSegment(1, 1, 0, 0, 0, 0)).isEqualTo(Math.sqrt(2));
    }
}
