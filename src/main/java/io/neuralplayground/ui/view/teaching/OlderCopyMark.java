package io.neuralplayground.ui.view.teaching;

import io.neuralplayground.ui.viewmodel.teaching.TeachingContext;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.util.Duration;

/**
 * The mark beside a teaching view's network while it works on a copy of the playground's network that the
 * playground has moved on from: the view stays frozen while in use, and says plainly that it is an older copy.
 */
final class OlderCopyMark {
    private OlderCopyMark() {
    }

    /** A label shown (and taking room) only while {@code context}'s copy is behind the playground. */
    static Label of(TeachingContext context) {
        Label mark = new Label("older copy");
        mark.getStyleClass().add("teaching-older-copy");
        // Its look is the teaching views' own, in one style sheet for the stepper and the gradient check alike.
        mark.getStylesheets().add(AutodiffView.STYLESHEET);
        Tooltip tip = new Tooltip("The playground has changed since this copy of its network was taken (it trained"
                + " on, or its weights or settings changed). This view stays as it is while you work in it; take a"
                + " fresh copy with the button beside it, or leave the tab and come back.");
        tip.setShowDelay(Duration.millis(300));
        tip.setWrapText(true);
        tip.setMaxWidth(360);
        mark.setTooltip(tip);
        mark.visibleProperty().bind(context.behindProperty());
        mark.managedProperty().bind(context.behindProperty());
        return mark;
    }
}
