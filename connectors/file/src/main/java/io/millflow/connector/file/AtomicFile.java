package io.millflow.connector.file;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Writes a file under a hidden temporary name in the target's directory, syncs it to disk, and only
 * then moves it into place, so readers never see a half-written file and a failed write leaves the
 * target as it was. The temporary file is deleted on any failure.
 */
final class AtomicFile {

  /**
   * The content of the file: writes to {@code out}, may close it, returns how many records it
   * wrote.
   */
  @FunctionalInterface
  interface Content {
    long writeTo(OutputStream out) throws IOException;
  }

  private AtomicFile() {}

  /**
   * Writes {@code target}; in {@link FileWriteMode#CREATE} mode an existing file fails with
   * FileAlreadyExists.
   */
  static long write(Path target, FileWriteMode mode, Content content) throws IOException {
    if (mode == FileWriteMode.CREATE && Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      throw new FileAlreadyExistsException(target.toString());
    }
    try {
      Files.createDirectories(target.getParent());
    } catch (FileAlreadyExistsException e) {
      // A file stands where a directory of the path should be: not the "target exists" that
      // mode=overwrite fixes.
      throw new NotDirectoryException(e.getFile());
    }
    Path temp =
        target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
    boolean done = false;
    try {
      long records;
      try (FileChannel channel =
          FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        records = content.writeTo(Channels.newOutputStream(channel));
        channel.force(true);
      }
      publish(temp, target, mode);
      done = true;
      return records;
    } finally {
      if (!done) {
        deleteQuietly(temp);
      }
    }
  }

  private static void publish(Path temp, Path target, FileWriteMode mode) throws IOException {
    switch (mode) {
      case OVERWRITE ->
          Files.move(
              temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      case CREATE -> publishNew(temp, target);
    }
  }

  /**
   * A rename would silently replace a file another writer created since the check above (POSIX
   * rename always replaces). A hard link fails if the name exists, atomically; where links are not
   * supported, fall back to the check and the rename.
   */
  private static void publishNew(Path temp, Path target) throws IOException {
    try {
      Files.createLink(target, temp);
      // The file is in place: a temporary name left behind must not fail a write that succeeded.
      deleteQuietly(temp);
      return;
    } catch (FileAlreadyExistsException e) {
      throw e;
    } catch (UnsupportedOperationException | FileSystemException e) {
      // no hard links on this file system
    }
    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      throw new FileAlreadyExistsException(target.toString());
    }
    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
  }

  private static void deleteQuietly(Path temp) {
    try {
      Files.deleteIfExists(temp);
    } catch (IOException e) {
      // The original failure matters more; a leftover hidden .tmp file is harmless and named for
      // its target.
    }
  }
}
