package io.micronats.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class JUnitSetupCheckTest {

  @Test
  void theJUnitOfThisBuildIsConsistent() {
    assertThat(JUnitSetupCheck.versions()).containsKeys("junit-jupiter-api", "junit-jupiter-engine", "junit-platform-engine");
    assertThat(JUnitSetupCheck.problem(JUnitSetupCheck.versions())).isEmpty();
  }

  @Test
  void jupiterFiveTenWithItsPlatformIsAccepted() {
    assertThat(JUnitSetupCheck.problem(Map.of("junit-jupiter-api", "5.10.2", "junit-jupiter-engine", "5.10.2",
        "junit-platform-engine", "1.10.2", "junit-platform-commons", "1.10.2"))).isEmpty();
    assertThat(JUnitSetupCheck.problem(Map.of("junit-jupiter-api", "6.0.1", "junit-platform-engine", "6.0.1"))).isEmpty();
  }

  @Test
  void aNewerLauncherOnAnOlderEngineIsNamed() {
    assertThat(JUnitSetupCheck.problem(Map.of("junit-jupiter-api", "5.10.2", "junit-platform-engine", "1.10.2",
        "junit-platform-launcher", "1.14.4"))).get().asString().contains("mixed versions").contains("1.14.4");
  }

  @Test
  void mixedJupiterJarsAreNamed() {
    assertThat(JUnitSetupCheck.problem(Map.of("junit-jupiter-api", "5.14.4", "junit-jupiter-engine", "5.10.2")))
        .get().asString().contains("junit-jupiter-api 5.14.4 with junit-jupiter-engine 5.10.2");
    assertThat(JUnitSetupCheck.problem(Map.of("junit-jupiter-api", "5.14.4", "junit-platform-engine", "1.10.2")))
        .get().asString().contains("needs JUnit Platform 1.14.4, found 1.10.2");
  }

  @Test
  void aJupiterOlderThanTheMinimumIsNamed() {
    assertThat(JUnitSetupCheck.problem(Map.of("junit-jupiter-api", "5.9.3", "junit-platform-engine", "1.9.3")))
        .get().asString().contains("older than 5.10");
  }

  @Test
  void theSurefireTwoTrapFailsWithTheFix() {
    JUnitSetupCheck check = new JUnitSetupCheck() {};
    assertThatThrownBy(check::testMicronatsTckNeedsTheJUnitPlatform).isInstanceOf(AssertionError.class)
        .hasMessageContaining("Surefire 2.x").hasMessageContaining("junit-bom").hasMessageContaining("Verify your plugin");
  }
}
