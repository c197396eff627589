package io.micronats.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MessageTest {

  @Test
  void headersKeepCaseAndInsertionOrder() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("X-Second", "2");
    headers.put("content-type", "text/plain");
    headers.put("A-First", "1");
    Message message = new Message(headers, new byte[0]);
    assertThat(message.headers().keySet()).containsExactly("X-Second", "content-type", "A-First");
    assertThat(message.header("content-type")).contains("text/plain");
    assertThat(message.header("Content-Type")).isEmpty();
  }

  @Test
  void constructorCopiesHeadersAndBody() {
    Map<String, String> headers = new LinkedHashMap<>(Map.of("k", "v"));
    byte[] body = {1, 2, 3};
    Message message = new Message(headers, body);
    headers.put("k", "changed");
    body[0] = 9;
    assertThat(message.header("k")).contains("v");
    assertThat(message.body()).containsExactly(1, 2, 3);
  }

  @Test
  void bodyAndHeadersCannotBeChangedThroughTheMessage() {
    Message message = Message.of("abc").withHeader("k", "v");
    message.body()[0] = 'z';
    assertThat(message.bodyAsString()).isEqualTo("abc");
    assertThatThrownBy(() -> message.headers().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void equalMessagesHaveEqualHeadersAndBodyBytes() {
    Message a = Message.of("body").withHeader("a", "1").withHeader("b", "2");
    Message b = Message.of("body").withHeader("b", "2").withHeader("a", "1");
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a).isNotEqualTo(Message.of("other").withHeader("a", "1").withHeader("b", "2"));
  }

  @Test
  void withersReturnChangedCopies() {
    Message original = Message.of("x");
    Message changed = original.withHeader("h", "1").withBody(new byte[] {7});
    assertThat(original.headers()).isEmpty();
    assertThat(changed.header("h")).contains("1");
    assertThat(changed.body()).containsExactly(7);
    assertThat(changed.bodyLength()).isEqualTo(1);
  }

  @Test
  void nullOrEmptyHeaderPartsAreRejected() {
    Map<String, String> nullValue = new LinkedHashMap<>();
    nullValue.put("k", null);
    assertThatThrownBy(() -> new Message(nullValue, new byte[0]))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("'k'");
    assertThatThrownBy(() -> new Message(Map.of("", "v"), new byte[0]))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
