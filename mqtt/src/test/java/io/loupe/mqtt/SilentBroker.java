package io.loupe.mqtt;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A fake MQTT 3.1.1 broker on a free loopback port that accepts every connection and answers pings but never
 * acknowledges a PUBLISH: it records each one (per connection) and swallows it.
 */
final class SilentBroker implements AutoCloseable {

    /** One PUBLISH as it arrived. */
    record Received(int connection, String topic, String payload) {
    }

    private final ServerSocket server;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile int connects;

    SilentBroker() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::accept, "silent-broker");
        t.setDaemon(true);
        t.start();
    }

    String url() {
        return "tcp://127.0.0.1:" + server.getLocalPort();
    }

    /** CONNECT packets seen so far, over all connections. */
    int connects() {
        return connects;
    }

    List<Received> received() {
        return new ArrayList<>(received);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                sockets.add(s);
                Thread t = new Thread(() -> serve(s), "silent-broker-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        int connection = -1;
        try (s) {
            DataInputStream in = new DataInputStream(s.getInputStream());
            OutputStream out = s.getOutputStream();
            while (true) {
                int header = in.readUnsignedByte();
                byte[] body = new byte[remainingLength(in)];
                in.readFully(body);
                switch (header >> 4) {
                    case 1 -> { // CONNECT → CONNACK accepted
                        synchronized (this) {
                            connection = ++connects;
                        }
                        out.write(new byte[] {0x20, 2, 0, 0});
                    }
                    case 12 -> out.write(new byte[] {(byte) 0xD0, 0}); // PINGREQ → PINGRESP
                    case 3 -> { // PUBLISH: recorded, never acknowledged
                        int topicLength = ((body[0] & 0xFF) << 8) | (body[1] & 0xFF);
                        String topic = new String(body, 2, topicLength, StandardCharsets.UTF_8);
                        int start = 2 + topicLength + (((header >> 1) & 3) > 0 ? 2 : 0);
                        received.add(new Received(connection, topic,
                                new String(body, start, body.length - start, StandardCharsets.UTF_8)));
                    }
                    case 14 -> { // DISCONNECT
                        return;
                    }
                    default -> {
                        // SUBSCRIBE and others: not needed by the link without commands
                    }
                }
                out.flush();
            }
        } catch (IOException e) {
            // the link dropped the connection
        }
    }

    private static int remainingLength(InputStream in) throws IOException {
        int value = 0;
        int multiplier = 1;
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException();
            }
            value += (b & 127) * multiplier;
            multiplier *= 128;
            if ((b & 128) == 0) {
                return value;
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : sockets) {
            s.close();
        }
    }
}
