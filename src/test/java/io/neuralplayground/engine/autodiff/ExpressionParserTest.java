package io.neuralplayground.engine.autodiff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.neuralplayground.PlaygroundException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExpressionParserTest {

    private static ParseException error(String text) {
        return catchThrowableOfType(ParseException.class, () -> ExpressionParser.parse(text));
    }

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            ""            | 0 | Empty expression at position 0: type a function of x, such as x^2 + 1
            "   "         | 3 | Empty expression at position 3: type a function of x, such as x^2 + 1
            x^2 + )       | 6 | Unexpected ')' at position 6: '+' needs an operand after it
            x^2 +         | 5 | Missing operand after '+' at position 5: the expression ends too soon
            (x+1          | 4 | Missing ')' at position 4: the '(' at position 0 is not closed
            sin(x         | 5 | Missing ')' at position 5: the '(' of sin at position 3 is not closed
            sin(x 2)      | 6 | Unexpected number '2' at position 6: expected ')' to close the '(' of sin at position 3, or an operator before it
            sinh(x)       | 0 | Unknown function 'sinh' at position 0: known are exp, log, sqrt, sin, cos, tanh, sigmoid, relu
            y + 1         | 0 | Unknown name 'y' at position 0: the variable is x and the functions are exp, log, sqrt, sin, cos, tanh, sigmoid, relu
            2x            | 1 | Unexpected 'x' at position 1: write an operator before it, as in 2*x
            x $ 2         | 2 | Unexpected character '$' at position 2: use numbers, x, + - * / ^, brackets and the functions exp, log, sqrt, sin, cos, tanh, sigmoid, relu
            exp x         | 4 | Expected '(' after 'exp' at position 4: write exp(x)
            exp()         | 4 | Missing argument of 'exp' at position 4: write exp(x)
            x * * 2       | 4 | Unexpected '*' at position 4: '*' needs an operand after it
            1e999         | 0 | Number '1e999' is too large at position 0: the largest is about 1.8e308
            )             | 0 | Unexpected ')' at position 0: it closes no '('
            (x))          | 3 | Unexpected ')' at position 3: it closes no '('
            ()            | 1 | Unexpected ')' at position 1: the brackets are empty
            *x            | 0 | Unexpected '*' at position 0: an operand (a number, x, a function or a bracket) must come first
            x(2)          | 1 | Unexpected '(' at position 1: x is the variable, not a function; write x*(…) for a product
            x^            | 2 | Missing operand after '^' at position 2: the expression ends too soon
            x + (2 *)     | 8 | Unexpected ')' at position 8: '*' needs an operand after it
            1.2.3         | 3 | Unexpected number '.3' at position 3: write an operator before it, as in 2*x
            exp(x) 3      | 7 | Unexpected number '3' at position 7: write an operator before it, as in 2*x
            ((((x)))      | 8 | Missing ')' at position 8: the '(' at position 0 is not closed
            x + ²         | 4 | Unexpected '²' at position 4: '+' needs an operand after it
            """)
    void badInputSaysWhatAndWhere(String text, int position, String message) {
        ParseException e = error(text);
        assertThat(e).isNotNull().isInstanceOf(PlaygroundException.class);
        assertThat(e.position()).isEqualTo(position);
        assertThat(e.getMessage()).isEqualTo(message);
        assertThat(e.input()).isEqualTo(text);
    }

    @Test
    void thePointerPutsACaretUnderThePosition() {
        assertThat(error("x^2 + )").pointer()).isEqualTo("x^2 + )\n      ^");
        assertThat(error("x^2 +").pointer()).isEqualTo("x^2 +\n     ^");
        assertThat(error("x\t$").pointer()).isEqualTo("x $\n  ^");
    }

    @Test
    void nestingIsBoundedSoTheStackNeverOverflows() {
        String deep = "(".repeat(100_000) + "x" + ")".repeat(100_000);
        ParseException e = error(deep);
        assertThat(e.position()).isEqualTo(ExpressionParser.MAX_DEPTH);
        assertThat(e.getMessage()).startsWith("Expression nested too deeply at position 200");
        assertThat(error("-".repeat(5000) + "x").getMessage()).startsWith("Expression nested too deeply");
        assertThat(error("x" + "^x".repeat(5000)).getMessage()).startsWith("Expression nested too deeply");
        String ok = "(".repeat(150) + "x" + ")".repeat(150);
        assertThat(ExpressionParser.parse(ok)).isEqualTo(new Expr.Variable());
    }

    @Test
    void treesAreRecordsThatCompareByStructure() {
        assertThat(ExpressionParser.parse("exp( x ^ 2 )")).isEqualTo(ExpressionParser.parse("exp((x**2.0))"));
        assertThat(ExpressionParser.parse("-x^2")).isEqualTo(Expr.apply(Op.NEG,
                Expr.apply(Op.POW, new Expr.Variable(), new Expr.Number(2, "2"))));
        assertThat(ExpressionParser.parse("-2")).isEqualTo(new Expr.Number(-2, "−2"));
        assertThat(ExpressionParser.parse("a".replace("a", "x - 1"))).isEqualTo(Expr.apply(Op.SUB,
                new Expr.Variable(), new Expr.Number(1, "1")));
    }
}
