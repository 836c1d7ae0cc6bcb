package io.neuralplayground.io.files;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/** Turns an {@link IOException} into words for a user: the JDK's messages are often nothing but a path. */
public final class IoErrors {
    private IoErrors() {
    }

    /**
     * What went wrong, for a message that already names {@code named}; another file the error is about (a parent
     * directory, a temporary file) is added in parentheses.
     */
    public static String reason(IOException e, Path named) {
        String reason;
        if (e instanceof NoSuchFileException) {
            reason = "no such file or directory";
        } else if (e instanceof AccessDeniedException) {
            reason = "permission denied";
        } else if (e instanceof DirectoryNotEmptyException) {
            reason = "it is a directory";
        } else if (e instanceof NotDirectoryException) {
            reason = "not a directory";
        } else if (e instanceof FileAlreadyExistsException) {
            reason = "a file is in the way";
        } else if (e instanceof FileSystemException fse && fse.getReason() != null) {
            reason = fse.getReason();
        } else {
            String message = e.getMessage();
            return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
        }
        if (e instanceof FileSystemException fse && fse.getFile() != null && !sameFile(fse.getFile(), named)) {
            reason += " (" + fse.getFile() + ")";
        }
        return reason;
    }

    private static boolean sameFile(String file, Path named) {
        if (named == null) {
            return false;
        }
        return file.equals(named.toString()) || file.equals(named.toAbsolutePath().toString());
    }
}
