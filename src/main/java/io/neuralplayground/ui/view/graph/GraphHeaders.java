package io.neuralplayground.ui.view.graph;

import io.neuralplayground.engine.Activation;
import io.neuralplayground.engine.Network;
import io.neuralplayground.session.PlaygroundSettings;
import io.neuralplayground.ui.viewmodel.PlaygroundViewModel;
import java.util.ArrayList;
import java.util.List;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

/**
 * The controls above the graph: "FEATURES", the + and − buttons with "N HIDDEN LAYERS", "OUTPUT"; over each
 * hidden layer its + and − buttons, "N neurons" and its activation; over the output its activation. An activation
 * is a {@link MenuButton} drawn as a small label: it opens its menu of {@link PlaygroundViewModel#ACTIVATIONS} on
 * the press, as the File menu and the combo boxes do. (A label that showed a context menu from its click handler,
 * after the button was released, lost the menu again on some window managers as the pointer moved onto it.)
 *
 * <p>The controls are real nodes (CSS, tooltips, hand cursor), placed by the view at the columns of the
 * {@link GraphLayout}. They are made again only when the number of hidden layers changes.
 */
public final class GraphHeaders {
    /** Set on the view when columns are closer than {@link #COMPACT_PITCH}. */
    public static final PseudoClass COMPACT = PseudoClass.getPseudoClass("compact");
    static final double COMPACT_PITCH = 64;
    private final PlaygroundViewModel vm;
    private final Label featuresTitle = title("FEATURES", "Click a feature to switch it on or off");
    private final Label outputTitle = title("OUTPUT", "The network's output; its picture is the big plot");
    private final Button addLayer = button("+", "Add a hidden layer");
    private final Button removeLayer = button("\u2212", "Remove the last hidden layer");
    private final Label layersTitle = new Label();
    private final HBox layersHeader = new HBox(4, addLayer, removeLayer, layersTitle);
    private final List<Column> columns = new ArrayList<>();
    private final MenuButton outputActivation;
    private final List<Node> nodes = new ArrayList<>();
    private Network shown;
    private int version;

    /** Whether the columns are close together and the header texts short. */
    private boolean compact;

    /** One hidden layer's controls. */
    private record Column(HBox buttons, Button add, Button remove, Label neurons, MenuButton activation) {
    }

    public GraphHeaders(PlaygroundViewModel vm) {
        this.vm = vm;
        addLayer.setOnAction(e -> vm.addLayer());
        removeLayer.setOnAction(e -> vm.removeLayer());
        layersTitle.getStyleClass().add("layers-title");
        layersHeader.getStyleClass().add("layers-header");
        layersHeader.setAlignment(Pos.CENTER);
        layersHeader.setManaged(false);
        outputActivation = activationLabel(-1);
        outputActivation.getStyleClass().add("output-activation");
        collectNodes();
    }

    /** Every header node, in drawing order; a new set whenever {@link #version()} changes. */
    public List<Node> nodes() {
        return nodes;
    }

    /** Counts the times the set of nodes was made anew. */
    public int version() {
        return version;
    }

    /**
     * Shows {@code network}'s layers; returns whether the set of nodes or any text changed (the view must then
     * place them again).
     */
    public boolean update(Network network) {
        int layers = network.depth() - 1;
        boolean changed = false;
        if (columns.size() != layers) {
            rebuild(layers);
            changed = true;
        }
        changed |= setText(layersTitle, GraphTexts.hiddenLayers(layers));
        addLayer.setDisable(layers >= PlaygroundSettings.MAX_LAYERS);
        removeLayer.setDisable(layers == 0);
        for (int k = 0; k < layers; k++) {
            Column c = columns.get(k);
            int units = network.layer(k).units();
            changed |= setText(c.neurons(), neuronsText(units));
            c.add().setDisable(units >= PlaygroundSettings.MAX_NEURONS);
            c.remove().setDisable(units <= 1);
            changed |= setActivation(c.activation(), network.layer(k).activation());
        }
        changed |= setActivation(outputActivation, network.outputLayer().activation());
        shown = network;
        return changed;
    }

    private void rebuild(int layers) {
        columns.clear();
        for (int k = 0; k < layers; k++) {
            int layer = k;
            Button add = button("+", "Add a neuron to layer " + (k + 1));
            Button remove = button("\u2212", "Remove a neuron from layer " + (k + 1));
            add.setOnAction(e -> vm.addNeuron(layer));
            remove.setOnAction(e -> vm.removeNeuron(layer));
            HBox buttons = new HBox(4, add, remove);
            buttons.getStyleClass().addAll("layer-header", "layer-buttons");
            buttons.setManaged(false);
            Label neurons = new Label();
            neurons.getStyleClass().addAll("layer-header", "layer-neurons");
            neurons.setTooltip(new javafx.scene.control.Tooltip("Neurons in layer " + (k + 1)));
            neurons.setManaged(false);
            columns.add(new Column(buttons, add, remove, neurons, activationLabel(layer)));
        }
        collectNodes();
        version++;
    }

    private void collectNodes() {
        nodes.clear();
        nodes.addAll(List.of(featuresTitle, layersHeader, outputTitle, outputActivation));
        for (Column c : columns) {
            nodes.addAll(List.of(c.buttons(), c.neurons(), c.activation()));
        }
    }

    /** "8 neurons", or "8" where columns are close (the tooltip says what it counts). */
    private String neuronsText(int units) {
        return compact ? Integer.toString(units) : GraphTexts.neurons(units);
    }

    /**
     * Places the controls over the columns of {@code layout}. Where columns are close the header text gets
     * smaller ({@code :compact}, set on {@code styled}, whose stylesheet must say how).
     */
    public void layout(GraphLayout layout, Node styled) {
        boolean nowCompact = layout.columnPitch() < COMPACT_PITCH;
        if (nowCompact != compact) {
            compact = nowCompact;
            for (int k = 0; k < columns.size(); k++) {
                columns.get(k).neurons().setText(neuronsText(shown.layer(k).units()));
            }
        }
        if (compact != styled.getPseudoClassStates().contains(COMPACT)) {
            styled.pseudoClassStateChanged(COMPACT, compact);
            // Measure the controls in their new font now, not after the next pulse.
            nodes.forEach(Node::applyCss);
        }
        double room = Math.max(20, layout.columnPitch() - 4);
        place(featuresTitle, layout.labelLeft(), GraphLayout.TITLE_ROW_Y, GraphLayout.TITLE_ROW_HEIGHT, room * 2);
        center(layersHeader, layout.hiddenCenterX(), GraphLayout.TITLE_ROW_Y, GraphLayout.TITLE_ROW_HEIGHT,
                Double.MAX_VALUE);
        double outputX = layout.columnX(layout.columns() - 1);
        double outputRoom = 2 * (layout.width() - GraphLayout.PAD - outputX);
        center(outputTitle, outputX, GraphLayout.TITLE_ROW_Y, GraphLayout.TITLE_ROW_HEIGHT, outputRoom);
        center(outputActivation, outputX, GraphLayout.ACTIVATION_ROW_Y, GraphLayout.ACTIVATION_ROW_HEIGHT,
                outputRoom);
        for (int k = 0; k < columns.size(); k++) {
            Column c = columns.get(k);
            double x = layout.columnX(k + 1);
            center(c.buttons(), x, GraphLayout.BUTTON_ROW_Y, GraphLayout.BUTTON_ROW_HEIGHT, room);
            center(c.neurons(), x, GraphLayout.NEURONS_ROW_Y, GraphLayout.NEURONS_ROW_HEIGHT, room);
            center(c.activation(), x, GraphLayout.ACTIVATION_ROW_Y, GraphLayout.ACTIVATION_ROW_HEIGHT, room);
        }
    }

    /** Centres {@code node} at {@code x} in a row, at its preferred width but at most {@code room}. */
    private static void center(Node node, double x, double rowY, double rowHeight, double room) {
        double w = Math.min(node.prefWidth(-1), room);
        double h = Math.min(node.prefHeight(w), rowHeight);
        node.resizeRelocate(Math.round(x - w / 2), Math.round(rowY + (rowHeight - h) / 2), w, h);
    }

    /** Places {@code node} with its left edge at {@code x}. */
    private static void place(Node node, double x, double rowY, double rowHeight, double room) {
        double w = Math.min(node.prefWidth(-1), room);
        double h = Math.min(node.prefHeight(w), rowHeight);
        node.resizeRelocate(Math.round(x), Math.round(rowY + (rowHeight - h) / 2), w, h);
    }

    /** The activation control of layer {@code layer}, or of the output layer for −1. */
    private MenuButton activationLabel(int layer) {
        MenuButton button = new MenuButton();
        button.getStyleClass().addAll("layer-header", "activation-label");
        // "leaky_relu" is a name, not a mnemonic: without this the underscore would vanish from the text.
        button.setMnemonicParsing(false);
        button.setManaged(false);
        button.setCursor(Cursor.HAND);
        button.setFocusTraversable(false);
        Tooltip tip = new Tooltip();
        button.setTooltip(tip);
        button.textProperty().addListener((o, was, now) -> tip.setText((layer < 0 ? "The output's" : "Layer "
                + (layer + 1) + "'s") + " activation is " + now + ": click to choose another"));
        // The entries are made as the menu opens, so that the tick marks the layer's activation of the moment.
        button.setOnShowing(e -> fill(button, layer < 0 ? (shown == null ? 0 : shown.depth() - 1) : layer));
        return button;
    }

    private void fill(MenuButton button, int layer) {
        ToggleGroup group = new ToggleGroup();
        Activation current = shown == null ? null : shown.layer(layer).activation();
        List<RadioMenuItem> items = new ArrayList<>();
        boolean output = shown != null && layer == shown.depth() - 1;
        List<Activation> offered = output ? vm.settings().loss().allowedOutputs() : PlaygroundViewModel.ACTIVATIONS;
        for (Activation a : offered) {
            RadioMenuItem item = new RadioMenuItem(a.kerasName());
            item.setMnemonicParsing(false);
            item.setToggleGroup(group);
            item.setSelected(a == current);
            item.setOnAction(e -> vm.setLayerActivation(layer, a));
            items.add(item);
        }
        button.getItems().setAll(items);
        if (output && offered.size() == 1) {
            // Say why there is no other choice rather than offer one that would not fit the loss.
            MenuItem why = new MenuItem(vm.settings().loss().label() + " needs " + offered.get(0).kerasName()
                    + ": choose another loss in the top bar for another output");
            why.setDisable(true);
            button.getItems().add(why);
        }
    }

    private static boolean setActivation(Labeled label, Activation activation) {
        return setText(label, activation.kerasName());
    }

    private static boolean setText(Labeled label, String text) {
        if (text.equals(label.getText())) {
            return false;
        }
        label.setText(text);
        return true;
    }

    private static Label title(String text, String tip) {
        Label label = new Label(text);
        label.getStyleClass().add("column-title");
        label.setTooltip(new Tooltip(tip));
        label.setManaged(false);
        return label;
    }

    private static Button button(String text, String tip) {
        Button button = new Button(text);
        button.getStyleClass().add("layer-button");
        button.setTooltip(new Tooltip(tip));
        button.setFocusTraversable(false);
        button.setCursor(Cursor.HAND);
        return button;
    }
}
