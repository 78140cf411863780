package io.loupe.models.tflite;

import com.google.flatbuffers.Table;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A flatbuffer table read by field slot, the position of the field in its {@code schema.fbs} table (a union field takes
 * two slots: its type, then its value). Every vector read is checked against the end of the buffer, so a truncated file
 * surfaces as a {@link TruncatedFlatbufferException} instead of garbage.
 */
class FlatTable extends Table {

    /** Points this accessor at the table whose offset is stored at {@code position}. */
    final void at(int tablePosition, ByteBuffer buffer) {
        if (tablePosition < 0 || tablePosition + 4 > buffer.limit()) {
            throw new TruncatedFlatbufferException("table at byte " + tablePosition);
        }
        __reset(tablePosition, buffer);
        int vtable = bb_pos - bb.getInt(bb_pos);
        if (vtable < 0 || vtable + 4 > bb.limit() || vtable + bb.getShort(vtable) > bb.limit()) {
            throw new TruncatedFlatbufferException("vtable of the table at byte " + tablePosition);
        }
    }

    /** The byte position of field {@code slot}, or 0 when the field is absent. */
    final int field(int slot) {
        return __offset(4 + 2 * slot);
    }

    final boolean has(int slot) {
        return field(slot) != 0;
    }

    final int intField(int slot, int absent) {
        int o = field(slot);
        return o == 0 ? absent : bb.getInt(bb_pos + o);
    }

    final long uintField(int slot) {
        int o = field(slot);
        return o == 0 ? 0L : Integer.toUnsignedLong(bb.getInt(bb_pos + o));
    }

    final long longField(int slot, long absent) {
        int o = field(slot);
        return o == 0 ? absent : bb.getLong(bb_pos + o);
    }

    final int byteField(int slot, int absent) {
        int o = field(slot);
        return o == 0 ? absent : bb.get(bb_pos + o);
    }

    final boolean boolField(int slot, boolean absent) {
        int o = field(slot);
        return o == 0 ? absent : bb.get(bb_pos + o) != 0;
    }

    final float floatField(int slot, float absent) {
        int o = field(slot);
        return o == 0 ? absent : bb.getFloat(bb_pos + o);
    }

    final String stringField(int slot) {
        int o = field(slot);
        if (o == 0) {
            return null;
        }
        int start = __indirect(bb_pos + o);
        checkVector(start, 1);
        return __string(bb_pos + o);
    }

    /** Elements of the vector in {@code slot}; 0 when absent. */
    final int vectorLength(int slot) {
        int o = field(slot);
        return o == 0 ? 0 : __vector_len(o);
    }

    final int[] intVector(int slot) {
        int o = field(slot);
        if (o == 0) {
            return new int[0];
        }
        int n = __vector_len(o);
        int start = checkVector(__vector(o), n * 4L);
        int[] values = new int[n];
        for (int i = 0; i < n; i++) {
            values[i] = bb.getInt(start + 4 * i);
        }
        return values;
    }

    final long[] longVector(int slot) {
        int o = field(slot);
        if (o == 0) {
            return new long[0];
        }
        int n = __vector_len(o);
        int start = checkVector(__vector(o), n * 8L);
        long[] values = new long[n];
        for (int i = 0; i < n; i++) {
            values[i] = bb.getLong(start + 8 * i);
        }
        return values;
    }

    final float[] floatVector(int slot) {
        int o = field(slot);
        if (o == 0) {
            return new float[0];
        }
        int n = __vector_len(o);
        int start = checkVector(__vector(o), n * 4L);
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = bb.getFloat(start + 4 * i);
        }
        return values;
    }

    /** The bytes of the {@code [ubyte]} vector in {@code slot}, little-endian, or null when absent. */
    final ByteBuffer byteVector(int slot) {
        return elementBytes(slot, 1);
    }

    /** The raw bytes of the vector in {@code slot} whose elements are {@code elementSize} bytes, or null. */
    final ByteBuffer elementBytes(int slot, int elementSize) {
        int o = field(slot);
        if (o == 0) {
            return null;
        }
        int n = __vector_len(o);
        int start = checkVector(__vector(o), (long) n * elementSize);
        return bb.duplicate().position(start).limit(start + n * elementSize).slice().order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Points {@code into} at element {@code i} of the table vector in {@code slot}; returns it. */
    final <T extends FlatTable> T tableElement(int slot, int i, T into) {
        int o = field(slot);
        int n = o == 0 ? 0 : __vector_len(o);
        if (i < 0 || i >= n) {
            throw new IndexOutOfBoundsException("element " + i + " of a vector of " + n);
        }
        int start = checkVector(__vector(o), 4L * n);
        into.at(__indirect(start + 4 * i), bb);
        return into;
    }

    /** Points {@code into} at the table in {@code slot}; returns it, or null when the field is absent. */
    final <T extends FlatTable> T table(int slot, T into) {
        int o = field(slot);
        if (o == 0) {
            return null;
        }
        into.at(__indirect(bb_pos + o), bb);
        return into;
    }

    private int checkVector(int start, long bytes) {
        if (start < 0 || start + bytes > bb.limit()) {
            throw new TruncatedFlatbufferException("a vector of " + bytes + " bytes at byte " + start);
        }
        return start;
    }
}
