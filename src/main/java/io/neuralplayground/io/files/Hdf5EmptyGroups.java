package io.neuralplayground.io.files;

import io.jhdf.HdfFile;
import io.jhdf.ObjectHeader;
import io.jhdf.Superblock;
import io.jhdf.api.WritableGroup;
import io.jhdf.object.message.LinkMessage;
import io.jhdf.storage.HdfBackingStorage;
import io.jhdf.storage.HdfFileChannel;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Empty groups in a file jhdf writes, which jhdf up to 0.13.0 cannot keep by itself.
 *
 * <p>Why: jhdf writes the tree depth first, each dataset's data right after its header, and at the very end its own
 * signature ("jHDF - 0.13.0 - …") wherever the last dataset's data ended. An empty group written after the last
 * dataset has its header exactly there, and the signature overwrites it: HDF5 readers then refuse the whole file
 * ("bad object header version number"). Which groups come last is not ours to choose: jhdf orders a group's
 * children by hash (the root's {@code vars} comes after {@code layers}). An attribute on the group does not help,
 * the header is still overwritten.
 *
 * <p>So the groups put through {@link #put} are written by jhdf as usual, and {@link #restore} writes their headers
 * again, once jhdf has closed the file, at the addresses jhdf linked them at: the very bytes jhdf meant to leave
 * there (a group with no children is its header alone). Groups that were not overwritten get the same bytes again.
 */
public final class Hdf5EmptyGroups {
    private record Placed(List<String> path, WritableGroup group) {
    }

    private final List<Placed> groups = new ArrayList<>();

    /**
     * Puts an empty group {@code name} into {@code parent} ({@code parentPath} from the root, empty for the root
     * itself), to be restored after writing. Nothing may be put into the group returned but attributes.
     */
    public WritableGroup put(WritableGroup parent, List<String> parentPath, String name) {
        WritableGroup group = parent.putGroup(name);
        List<String> path = new ArrayList<>(parentPath);
        path.add(name);
        groups.add(new Placed(List.copyOf(path), group));
        return group;
    }

    /**
     * Writes the header of every empty group put here again, where jhdf linked it, in {@code file} as jhdf left it.
     *
     * @throws IOException when the file cannot be read or written, or does not link a group where it was put
     */
    void restore(Path file) throws IOException {
        if (groups.isEmpty()) {
            return;
        }
        List<Long> addresses = new ArrayList<>();
        try (HdfFile hdf = new HdfFile(file)) {
            for (Placed placed : groups) {
                addresses.add(address(hdf.getHdfBackingStorage(), hdf.getAddress(), placed.path()));
            }
        } catch (RuntimeException e) {
            throw new IOException("jhdf could not find the empty groups it wrote (" + Hdf5Files.describe(e) + ")", e);
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            // The superblock jhdf writes with: it sets the size of the addresses in the header.
            HdfFileChannel hdf = new HdfFileChannel(channel, new Superblock.SuperblockV2V3());
            for (int g = 0; g < groups.size(); g++) {
                WritableGroup group = groups.get(g).group();
                if (!group.getChildren().isEmpty()) {
                    // A group with children writes them too, over whatever follows its header.
                    throw new IllegalStateException("the group " + String.join("/", groups.get(g).path())
                            + " was put as empty, but holds " + group.getChildren().keySet());
                }
                group.write(hdf, addresses.get(g));
            }
        }
    }

    /**
     * The address of the object at {@code path} below the group at {@code root}, following the links in the object
     * headers themselves: jhdf's Group API reads every child of a group, and so fails on the overwritten ones.
     */
    private static long address(HdfBackingStorage storage, long root, List<String> path) throws IOException {
        long address = root;
        for (String name : path) {
            ObjectHeader header = ObjectHeader.readObjectHeader(storage, address);
            long found = -1;
            for (LinkMessage link : header.getMessagesOfType(LinkMessage.class)) {
                if (link.getLinkName().equals(name)) {
                    found = link.getHardLinkAddress();
                }
            }
            if (found < 0) {
                throw new IOException("jhdf wrote no link to " + String.join("/", path));
            }
            address = found;
        }
        return address;
    }
}
