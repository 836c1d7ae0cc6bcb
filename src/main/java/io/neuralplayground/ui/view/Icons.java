package io.neuralplayground.ui.view;

import javafx.scene.shape.FillRule;
import javafx.scene.shape.SVGPath;

/** The window's icons as vector shapes, so they look the same whatever fonts a machine has. */
public final class Icons {
    private Icons() {
    }

    public static SVGPath play() {
        return icon("M2,0 L2,18 L16,9 Z");
    }

    public static SVGPath pause() {
        return icon("M2,0 h5 v18 h-5 Z M11,0 h5 v18 h-5 Z");
    }

    /** A triangle and a bar: one step. */
    public static SVGPath step() {
        return icon("M0,1 L0,15 L10,8 Z M11,1 h3 v14 h-3 Z");
    }

    /** A circular arrow turning back. */
    public static SVGPath reset() {
        SVGPath path = icon("M8,1 A7,7 0 1,0 15,8 L12.6,8 A4.6,4.6 0 1,1 8,3.4 L8,6 L12,2.2 L8,-1.6 Z");
        return path;
    }

    /** A die: new random weights. */
    public static SVGPath dice() {
        SVGPath path = icon("M3,0 h10 a3,3 0 0 1 3,3 v10 a3,3 0 0 1 -3,3 h-10 a3,3 0 0 1 -3,-3 v-10 a3,3 0 0 1 3,-3 Z"
                + " M4.5,3 a1.5,1.5 0 1 0 0.01,0 Z M11.5,3 a1.5,1.5 0 1 0 0.01,0 Z M8,6.5 a1.5,1.5 0 1 0 0.01,0 Z"
                + " M4.5,10 a1.5,1.5 0 1 0 0.01,0 Z M11.5,10 a1.5,1.5 0 1 0 0.01,0 Z");
        path.setFillRule(FillRule.EVEN_ODD);
        return path;
    }

    private static SVGPath icon(String content) {
        SVGPath path = new SVGPath();
        path.setContent(content);
        path.getStyleClass().add("icon");
        return path;
    }
}
