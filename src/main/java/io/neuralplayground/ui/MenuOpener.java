package io.neuralplayground.ui;

import java.util.List;
import javafx.event.Event;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.stage.PopupWindow;
import javafx.stage.Window;

/** Opens menus as clicks would, for pictures of them ({@link WindowDriver}) and tests. Call on the FX thread. */
final class MenuOpener {
    private MenuOpener() {
    }

    /**
     * Opens a menu of {@code bar} and the submenus on the way, as a click on each would: {@code "File",
     * "Export network"}.
     *
     * @throws IllegalArgumentException naming the first title that is not there
     */
    static void open(MenuBar bar, String... titles) {
        List<MenuItem> items = List.copyOf(bar.getMenus());
        for (int k = 0; k < titles.length; k++) {
            String title = titles[k];
            Menu menu = items.stream().filter(i -> i instanceof Menu && title.equals(i.getText()))
                    .map(Menu.class::cast).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no menu '" + title + "'"));
            if (k == 0) {
                menu.show();
            } else {
                hover(title);
            }
            items = menu.getItems();
        }
    }

    /** Moves the mouse, as it were, onto the open menu entry titled {@code title}: a submenu opens as on a hover. */
    private static void hover(String title) {
        for (Window w : Window.getWindows()) {
            if (!(w instanceof PopupWindow) || !w.isShowing() || w.getScene() == null) {
                continue;
            }
            for (Node node : w.getScene().getRoot().lookupAll(".menu")) {
                boolean titled = node instanceof Parent p && p.getChildrenUnmodifiable().stream()
                        .anyMatch(c -> c instanceof Label l && title.equals(l.getText()));
                if (titled) {
                    Bounds b = node.localToScreen(node.getBoundsInLocal());
                    Event.fireEvent(node, new MouseEvent(MouseEvent.MOUSE_ENTERED, b.getWidth() / 2,
                            b.getHeight() / 2, b.getCenterX(), b.getCenterY(), MouseButton.NONE, 0, false, false,
                            false, false, false, false, false, false, false, false, null));
                    return;
                }
            }
        }
        throw new IllegalArgumentException("no open menu entry '" + title + "'");
    }
}
