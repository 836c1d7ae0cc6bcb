package io.neuralplayground.ui.viewmodel;

import io.neuralplayground.session.EpochLog;

/** Receives every epoch's losses and accuracies, in order, on the FX thread (the loss chart). */
public interface LossHistoryListener {
    /** A new build began: forget the history. */
    void reset(long build);

    /** Epochs that came since the last call. */
    void append(EpochLog.Slice epochs);
}
