package io.neuralplayground.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.neuralplayground.engine.Regularization;
import io.neuralplayground.session.PlaygroundSettings;
import io.neuralplayground.ui.view.OutputPlot;
import io.neuralplayground.ui.viewmodel.PlaygroundViewModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.event.Event;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.skin.ComboBoxListViewSkin;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.stage.PopupWindow;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every drop-down list and menu of the window, opened as a person would, shows its selected and its hovered row
 * in a text colour that stands out from the row's background (computed styles of the real popups: a rule meant
 * for a combo box's field once reached its list and made the selected row's text the colour of its ground).
 */
@ExtendWith(ApplicationExtension.class)
class PopupColoursTest {
    /** WCAG's contrast for large text; white on the accent is about 11, the bug was 1. */
    static final double MIN_CONTRAST = 3;

    @RegisterExtension
    final FxFixture fx = new FxFixture();
    private PlaygroundViewModel vm;
    private MainWindow window;
    private final List<String> problems = new ArrayList<>();

    @Start
    void start(Stage stage) {
        fx.start(stage);
        // Regularization on, so that its rate's combo box is enabled and can be opened.
        vm = fx.playground(PlaygroundSettings.defaults().withRegularization(Regularization.l2(0.001)));
        vm.onFrame();
        window = new MainWindow(vm, Runnable::run, 1400, 860);
        fx.show(window.scene());
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> Window.getWindows().stream().filter(w -> w instanceof PopupWindow).toList()
                .forEach(Window::hide));
    }

    @Test
    void everyDropDownListShowsItsSelectedAndHoveredRowsReadably(FxRobot robot) {
        // A model of its own in the stepper, so that its loss can be chosen (the playground's network keeps its own).
        robot.interact(() -> window.stepper().openTextbookExample());
        int lists = 0;
        for (MainWindow.View view : MainWindow.View.values()) {
            robot.interact(() -> window.select(view));
            WaitForAsyncUtils.waitForFxEvents();
            for (Node node : window.scene().getRoot().lookupAll(".combo-box")) {
                if (node instanceof ComboBox<?> box && shown(box) && !box.isDisabled()) {
                    checkList(robot, box);
                    lists++;
                }
            }
            for (Node node : window.scene().getRoot().lookupAll(".choice-box")) {
                if (node instanceof ChoiceBox<?> box && shown(box) && !box.isDisabled()) {
                    robot.interact(box::show);
                    checkOpenMenu(robot, "choice box " + box.getValue());
                    robot.interact(box::hide);
                    lists++;
                }
            }
        }
        assertThat(problems).isEmpty();
        // the top bar's six, the stepper's loss and the gradient check's filter
        assertThat(lists).isGreaterThanOrEqualTo(8);
    }

    @Test
    void everyMenuOfTheMenuBarShowsItsHoveredItemReadably(FxRobot robot) {
        MenuBar bar = (MenuBar) window.scene().lookup(".main-menu");
        for (Menu menu : bar.getMenus()) {
            robot.interact(() -> MenuOpener.open(window.menuBar(), menu.getText()));
            checkOpenMenu(robot, "menu " + menu.getText());
            robot.interact(menu::hide);
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theContextMenusShowTheirHoveredItemsReadably(FxRobot robot) {
        // a layer's activation
        robot.clickOn(robot.lookup(".activation-label").queryAs(Node.class));
        checkOpenMenu(robot, "activation menu");
        robot.interact(() -> Window.getWindows().stream().filter(w -> w instanceof PopupWindow).toList()
                .forEach(Window::hide));
        // a training point of the output plot: "Step through backprop on this example"
        OutputPlot plot = robot.lookup(".plot-area").queryAs(OutputPlot.class);
        var data = vm.snapshotProperty().get().split().train();
        Bounds b = plot.plotBounds();
        double x = b.getMinX() + plot.grid().toPixelX(data.value(0, 0), b.getWidth());
        double y = b.getMinY() + plot.grid().toPixelY(data.value(0, 1), b.getHeight());
        assertThat(plot.exampleNear(x, y)).isNotNull();
        Point2D scene = plot.localToScene(x, y);
        Point2D screen = plot.localToScreen(x, y);
        // Monocle's robot makes no context-menu event of a right click: the event a right click makes, fired.
        robot.interact(() -> Event.fireEvent(plot, new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED,
                scene.getX(), scene.getY(), screen.getX(), screen.getY(), false, null)));
        checkOpenMenu(robot, "output plot menu");
        assertThat(problems).isEmpty();
    }

    /** Opens {@code box}'s list, checks its selected row, hovers another row and checks it. */
    private void checkList(FxRobot robot, ComboBox<?> box) {
        robot.interact(box::show);
        WaitForAsyncUtils.waitForFxEvents();
        Node list = ((ComboBoxListViewSkin<?>) box.getSkin()).getPopupContent();
        List<ListCell<?>> cells = list.lookupAll(".list-cell").stream()
                .filter(n -> n instanceof ListCell<?> c && !c.isEmpty() && shown(c))
                .<ListCell<?>>map(n -> (ListCell<?>) n).toList();
        String name = "list of " + box.getStyleClass() + " showing " + box.getValue();
        ListCell<?> selected = cells.stream().filter(ListCell::isSelected).findFirst().orElse(null);
        if (selected == null) {
            problems.add(name + ": no selected row");
        } else {
            check(name + ", selected row '" + selected.getText() + "'", selected, selected);
        }
        // A list of one row (the Images tab's data with only the bundled subset found) has no other row to hover.
        ListCell<?> other = cells.stream().filter(c -> !c.isSelected() && !c.isEmpty()).findFirst().orElse(null);
        if (other == null) {
            robot.interact(box::hide);
            return;
        }
        robot.moveTo(other);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(other.isHover()).as(name + ": the pointer is on a row").isTrue();
        check(name + ", hovered row '" + other.getText() + "'", other, other);
        if (selected != null) {
            check(name + ", selected row '" + selected.getText() + "' while another is hovered", selected,
                    selected);
        }
        robot.interact(box::hide);
    }

    /** Hovers every enabled item of the open popup menu in turn and checks it. */
    private void checkOpenMenu(FxRobot robot, String name) {
        WaitForAsyncUtils.waitForFxEvents();
        List<Node> items = openPopups().stream()
                .flatMap(w -> w.getScene().getRoot().lookupAll(".menu-item").stream())
                .filter(n -> shown(n) && !n.isDisabled()).toList();
        if (items.isEmpty()) {
            problems.add(name + ": no items open");
        }
        for (Node item : items) {
            robot.moveTo(item);
            WaitForAsyncUtils.waitForFxEvents();
            Labeled label = (Labeled) item.lookup(".label");
            check(name + ", hovered item '" + label.getText() + "'", label, item);
        }
    }

    private static List<Window> openPopups() {
        return Window.getWindows().stream()
                .filter(w -> w instanceof PopupWindow && w.isShowing() && w.getScene() != null).toList();
    }

    /** Whether the text of {@code text} stands out from the background behind {@code row}. */
    private void check(String what, Labeled text, Node row) {
        Color fill = (Color) text.getTextFill();
        Color ground = background(row);
        double contrast = contrast(fill, ground);
        if (contrast < MIN_CONTRAST) {
            problems.add(String.format(Locale.ROOT, "%s: text %s on %s, contrast %.2f", what, fill, ground,
                    contrast));
        }
    }

    /** The colour behind {@code node}: its own topmost opaque fill, or its nearest parent's; white at the top. */
    static Color background(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n instanceof Region r && r.getBackground() != null) {
                List<BackgroundFill> fills = r.getBackground().getFills();
                for (int k = fills.size() - 1; k >= 0; k--) {
                    if (fills.get(k).getFill() instanceof Color c && c.getOpacity() > 0.5) {
                        return c;
                    }
                }
            }
        }
        return Color.WHITE;
    }

    /** WCAG 2 contrast ratio of two colours, 1 (same) to 21 (black on white). */
    static double contrast(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(Color c) {
        return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    private static double linear(double channel) {
        return channel <= 0.03928 ? channel / 12.92 : Math.pow((channel + 0.055) / 1.055, 2.4);
    }

    /** Whether {@code node} and every parent of it are visible. */
    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null;
    }
}
