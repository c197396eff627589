package io.micronats.spi.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronats.spi.Message;
import io.micronats.spi.broker.Broker;
import io.micronats.spi.inmemory.InMemoryBroker;
import io.micronats.spi.inmemory.InMemoryRegistry;
import io.micronats.spi.inmemory.InMemoryTransport;
import io.micronats.spi.registry.Node;
import io.micronats.spi.registry.Registry;
import io.micronats.spi.registry.Service;
import io.micronats.spi.transport.Listener;
import io.micronats.spi.transport.Socket;
import io.micronats.spi.transport.Transport;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PluginsTest {

  @Test
  void memoryPluginsAreFoundByName() {
    try (Transport t = Plugins.transport("memory", PluginConfig.empty());
         Broker b = Plugins.broker("memory", PluginConfig.empty());
         Registry r = Plugins.registry("memory", PluginConfig.empty())) {
      assertThat(t).isInstanceOf(InMemoryTransport.class);
      assertThat(b).isInstanceOf(InMemoryBroker.class);
      assertThat(r).isInstanceOf(InMemoryRegistry.class);
      assertThat(t.name()).isEqualTo("memory");
    }
  }

  @Test
  void unknownNameListsTheAvailablePlugins() {
    assertThatThrownBy(() -> Plugins.transport("carrier-pigeon", PluginConfig.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("carrier-pigeon").hasMessageContaining("[memory");
  }

  @Test
  void instancesWithTheSameNamespaceSeeEachOther() throws Exception {
    PluginConfig config = PluginConfig.of("namespace", "ns-" + UUID.randomUUID());
    try (Transport server = Plugins.transport("memory", config);
         Transport client = Plugins.transport("memory", config);
         Registry a = Plugins.registry("memory", config);
         Registry b = Plugins.registry("memory", config);
         Registry stranger = Plugins.registry("memory", PluginConfig.of("namespace", "ns-" + UUID.randomUUID()))) {
      Listener listener = server.listen(s -> s.send(s.receive(Duration.ofSeconds(5))));
      try (Socket socket = client.dial(listener.address())) {
        socket.send(Message.of("ping"));
        assertThat(socket.receive(Duration.ofSeconds(5)).bodyAsString()).isEqualTo("ping");
      }
      a.register(Service.of("shared", "1", Node.of("n", "x")));
      assertThat(b.getService("shared")).hasSize(1);
      assertThat(stranger.listServices()).isEmpty();
    }
  }

  @Test
  void badSettingsAreRejectedNamingTheKey() {
    assertThatThrownBy(() -> Plugins.transport("memory", PluginConfig.of("max.payload", "-1")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("max.payload");
  }
}
