package io.lendpoint.standalone;

import de.bwaldvogel.mongo.backend.KeyValue;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The key type of the projection store's unique indexes: the stock one, the same bytes on disk and the same order,
 * found without serialising. mongo-java-server keeps an index as an H2 map from {@link KeyValue} to a position with
 * H2's default key type, which has no order for a {@code KeyValue} (it is not {@code Comparable}) but that of its
 * Java-serialised bytes: every comparison in a look-up serialised both keys through an {@code ObjectOutputStream},
 * ~20 comparisons per look-up, and that was most of the store's work on every find, update and insert by
 * {@code _id}.
 *
 * <p>For the keys nearly every index holds, one string (an {@code _id}), that order is known without the bytes:
 * the serialised forms are equal up to the string, which is written as its modified UTF-8 length and then those
 * bytes (a string longer than 65,535 bytes has a larger type mark, and so is greater, as its length is too). So the
 * shorter string in modified UTF-8 comes first, and strings of one length are in the order of their bytes, which is
 * the order of their UTF-16 units but for {@code \u0000}, written as two bytes ({@code C0 80}) and so placed between
 * {@code \u007F} and {@code \u0080}. Any other key is compared as before. The order must not change: an existing
 * store's indexes are sorted by it ({@code SerializedKeyOrderTest} checks both against the stock type).
 */
final class SerializedKeyOrder extends ObjectDataType {

    @Override
    public int compare(Object a, Object b) {
        String left = soleString(a);
        String right = soleString(b);
        if (left == null || right == null) {
            return super.compare(a, b);
        }
        // one pass over both: their lengths in modified UTF-8, and the order of the first units that differ
        int common = Math.min(left.length(), right.length());
        int leftBytes = 0;
        int rightBytes = 0;
        int byUnit = 0;
        for (int i = 0; i < common; i++) {
            char l = left.charAt(i);
            char r = right.charAt(i);
            leftBytes += modifiedUtf8Length(l);
            rightBytes += modifiedUtf8Length(r);
            if (byUnit == 0 && l != r) {
                byUnit = Integer.compare(rank(l), rank(r));
            }
        }
        leftBytes += modifiedUtf8Length(left, common);
        rightBytes += modifiedUtf8Length(right, common);
        int byLength = Integer.compare(leftBytes, rightBytes);
        // of one length in bytes, a string cannot be a proper prefix of the other (every unit is 1 to 3 bytes):
        // they differ at a common unit, or they are the same string
        return byLength != 0 ? byLength : byUnit;
    }

    private static String soleString(Object key) {
        if (key instanceof KeyValue value && value.size() == 1 && value.get(0) instanceof String string) {
            return string;
        }
        return null;
    }

    /** The modified UTF-8 length of {@code string} from unit {@code from} on. */
    private static int modifiedUtf8Length(String string, int from) {
        int length = 0;
        for (int i = from; i < string.length(); i++) {
            length += modifiedUtf8Length(string.charAt(i));
        }
        return length;
    }

    private static int modifiedUtf8Length(char unit) {
        return unit >= 0x0001 && unit <= 0x007F ? 1 : unit <= 0x07FF ? 2 : 3;
    }

    /** A unit's place in the order of its modified UTF-8 bytes: its value, but {@code \u0000} after {@code \u007F}. */
    private static int rank(char unit) {
        return unit == 0 ? 0x80 : unit < 0x80 ? unit : unit + 1;
    }
}
