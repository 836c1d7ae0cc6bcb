package io.neuralplayground.session;

/** How fast a playing session trains. */
public enum Speed {
    /** One epoch per frame of the window, as TF Playground: every frame shows a new epoch. */
    ONE_PER_FRAME,
    /** As fast as the machine goes; the window shows the newest epoch each frame. */
    FLAT_OUT
}
