package io.loupe.mqtt;

/**
 * The link contract over MQTT 3.1.1 ({@code mqtt.protocol: 3.1.1}) against a real Mosquitto: {@link MosquittoLinkTest}
 * with the protocol switched. Skipped when Debian's mosquitto is not installed; required under {@code -Pci}.
 */
class MosquittoV3LinkTest extends MosquittoLinkTest {

    @Override
    protected MqttProtocol protocol() {
        return MqttProtocol.V3_1_1;
    }
}
