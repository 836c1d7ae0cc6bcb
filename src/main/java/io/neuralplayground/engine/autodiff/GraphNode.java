package io.neuralplayground.engine.autodiff;

import java.util.List;

/**
 * One intermediate variable of the computational graph: {@code b = exp(a)}.
 *
 * @param index    its place in evaluation order (0 is the input x)
 * @param id       its name: {@code x} for the input, then a, b, c, … (x skipped; after z: a1, b1, …)
 * @param op       what it computes
 * @param operands what it computes from, in order (earlier nodes or numbers)
 * @param formula  the formula with operand names, {@code exp(a)}
 * @param layer    the length of the longest path from x (0 for x), the column a left-to-right drawing puts it in
 */
public record GraphNode(int index, String id, Op op, List<Operand> operands, String formula, int layer) {

    public GraphNode {
        operands = List.copyOf(operands);
    }

    /** {@code b = exp(a)}; for the input just {@code x}. */
    public String label() {
        return op == Op.INPUT ? id : id + " = " + formula;
    }
}
