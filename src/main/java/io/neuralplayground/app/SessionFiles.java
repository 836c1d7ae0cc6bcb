package io.neuralplayground.app;

import io.neuralplayground.PlaygroundException;
import io.neuralplayground.io.json.SessionDocument;
import io.neuralplayground.io.json.SessionFile;
import io.neuralplayground.session.SessionState;
import java.nio.file.Path;

/**
 * Session files read and written as the window needs them: a session read is checked by building it once, so that
 * one that does not fit together is refused before anything in the window changes. Slow work: call it from a
 * {@link BackgroundTask}.
 */
public final class SessionFiles {
    private SessionFiles() {
    }

    /** A session as a file holds it: the state to go on from and how the window showed it. */
    public record OpenedSession(SessionState state, SessionDocument.View view) {
    }

    /** Whether {@code file} says it is a session file (the window opens others as models). */
    public static boolean isSessionFile(Path file) {
        return SessionFile.isSessionFile(file);
    }

    /**
     * Reads and checks a session file.
     *
     * @throws PlaygroundException naming the file and the problem, for anything wrong
     */
    public static OpenedSession read(Path file) {
        SessionDocument document = SessionFile.read(file);
        return new OpenedSession(check(document, file.toString()), document.view());
    }

    /** Writes {@code state}, shown with {@code view}, to {@code file} atomically. */
    public static void write(Path file, SessionState state, SessionDocument.View view) {
        SessionFile.write(file, SessionDocuments.toDocument(state, view));
    }

    /**
     * The state a session document describes, checked by building it once off the window.
     *
     * @throws PlaygroundException naming {@code source} and the problem, for anything wrong
     */
    public static SessionState check(SessionDocument document, String source) {
        SessionState state = SessionDocuments.fromDocument(document, source);
        try {
            var prepared = state.settings().toPlan().withInitialNetwork(state.network()).prepare();
            try {
                state.restoreInto(prepared.trainer());
            } catch (IllegalArgumentException e) {
                throw new PlaygroundException("the saved training progress does not fit: " + e.getMessage());
            }
        } catch (PlaygroundException e) {
            throw new PlaygroundException(source + ": " + e.getMessage(), e);
        }
        return state;
    }
}
