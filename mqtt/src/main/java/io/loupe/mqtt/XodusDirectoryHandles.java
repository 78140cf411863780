package io.loupe.mqtt;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;

import com.google.inject.Injector;
import com.hivemq.embedded.EmbeddedHiveMQ;
import com.hivemq.persistence.FilePersistence;
import com.hivemq.persistence.PersistenceStartup;
import com.hivemq.persistence.local.xodus.XodusLocalPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The directory handles that an embedded HiveMQ's Xodus stores leave open when it stops, and closing them.
 *
 * <p>Xodus 1.2.3 (the one HiveMQ CE 2025.5 ships) opens each store bucket's directory in {@code FileDataWriter}'s
 * constructor, to fsync it, and its {@code closeImpl} closes only the data file: every stop of the broker left one
 * descriptor per bucket (sessions, subscriptions, queues, payloads, retained: 5 x 64 = 320) open until a full garbage
 * collection happened to run the channels' cleaners. Neither HiveMQ nor Xodus exposes the handles, so they are reached
 * by reflection: HiveMQ's {@code PersistenceStartup} lists its file stores, each Xodus store its buckets, each bucket's
 * environment its log's writer. On a HiveMQ or Xodus shaped otherwise nothing is found, a warning says so, and
 * {@code EmbeddedBrokerDescriptorTest} fails if the leak remains.
 */
final class XodusDirectoryHandles {

    private static final Logger log = LoggerFactory.getLogger(XodusDirectoryHandles.class);

    /** One bucket's Xodus environment and the directory handle its writer holds. */
    private record Handle(Object environment, FileChannel directory) {
    }

    private final List<Handle> handles;

    private XodusDirectoryHandles(List<Handle> handles) {
        this.handles = handles;
    }

    /** The handles of a broker that started; found before it stops (HiveMQ keeps its stores until then). */
    static XodusDirectoryHandles of(EmbeddedHiveMQ hive) {
        List<Handle> found = new ArrayList<>();
        try {
            Method getInjector = hive.getClass().getDeclaredMethod("getInjector");
            getInjector.setAccessible(true);
            Injector injector = (Injector) getInjector.invoke(hive);
            if (injector == null) {
                return new XodusDirectoryHandles(List.of());
            }
            List<?> stores = (List<?>) read(injector.getInstance(PersistenceStartup.class), "filePersistenceList");
            for (FilePersistence store : stores.stream().map(FilePersistence.class::cast).toList()) {
                if (store instanceof XodusLocalPersistence) {
                    for (Object bucket : (Object[]) read(store, "buckets")) {
                        if (bucket != null) {
                            Object environment = call(bucket, "getEnvironment");
                            Object writer = call(call(call(environment, "getLog"), "getConfig"), "getWriter");
                            if (read(writer, "dirChannel") instanceof FileChannel directory) {
                                found.add(new Handle(environment, directory));
                            }
                        }
                    }
                }
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.warn("Cannot find the directory handles of the embedded MQTT broker's Xodus stores ({}); each stop may"
                    + " leave about 320 descriptors open until a garbage collection: check this workaround against the"
                    + " HiveMQ and Xodus versions in use", e.toString());
        }
        return new XodusDirectoryHandles(found);
    }

    /**
     * Closes the handles of the stores HiveMQ closed; those of a store still open (HiveMQ's stop timed out) stay, as
     * that store may still write. Never throws.
     */
    void closeStopped() {
        int stillOpen = 0;
        for (Handle h : handles) {
            try {
                if (Boolean.TRUE.equals(call(h.environment(), "isOpen"))) {
                    stillOpen++;
                } else {
                    h.directory().close();
                }
            } catch (ReflectiveOperationException | IOException | RuntimeException e) {
                log.warn("Cannot close a directory handle of the embedded MQTT broker's Xodus stores: {}",
                        e.toString());
            }
        }
        if (stillOpen > 0) {
            log.warn("{} Xodus stores of the embedded MQTT broker were still open after it stopped; their directory"
                    + " handles stay open", stillOpen);
        }
    }

    private static Object call(Object target, String method) throws ReflectiveOperationException {
        return target.getClass().getMethod(method).invoke(target);
    }

    /** A field declared by the target's class or one of its superclasses. */
    private static Object read(Object target, String field) throws ReflectiveOperationException {
        for (Class<?> c = target.getClass(); c != null; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(field);
                f.setAccessible(true);
                return f.get(target);
            } catch (NoSuchFieldException e) {
                // look in the superclass
            }
        }
        throw new NoSuchFieldException(target.getClass().getName() + "." + field);
    }
}
