package io.micronats.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

class TckSetupCheckTest {

  @Test
  void theJUnitOfThisBuildIsConsistent() {
    assertThat(TckSetupCheck.versions()).containsKeys("junit-jupiter-api", "junit-jupiter-engine", "junit-platform-engine");
    assertThat(TckSetupCheck.problem(TckSetupCheck.versions())).isEmpty();
  }

  @Test
  void jupiterFiveTenWithItsPlatformIsAccepted() {
    assertThat(TckSetupCheck.problem(Map.of("junit-jupiter-api", "5.10.2", "junit-jupiter-engine", "5.10.2",
        "junit-platform-engine", "1.10.2", "junit-platform-commons", "1.10.2"))).isEmpty();
    assertThat(TckSetupCheck.problem(Map.of("junit-jupiter-api", "6.0.1", "junit-platform-engine", "6.0.1"))).isEmpty();
  }

  @Test
  void aNewerLauncherOnAnOlderEngineIsNamed() {
    assertThat(TckSetupCheck.problem(Map.of("junit-jupiter-api", "5.10.2", "junit-platform-engine", "1.10.2",
        "junit-platform-launcher", "1.14.4"))).get().asString().contains("mixed versions").contains("1.14.4");
  }

  @Test
  void mixedJupiterJarsAreNamed() {
    assertThat(TckSetupCheck.problem(Map.of("junit-jupiter-api", "5.14.4", "junit-jupiter-engine", "5.10.2")))
        .get().asString().contains("junit-jupiter-api 5.14.4 with junit-jupiter-engine 5.10.2");
    assertThat(TckSetupCheck.problem(Map.of("junit-jupiter-api", "5.14.4", "junit-platform-engine", "1.10.2")))
        .get().asString().contains("needs JUnit Platform 1.14.4, found 1.10.2");
  }

  @Test
  void aJupiterOlderThanTheMinimumIsNamed() {
    assertThat(TckSetupCheck.problem(Map.of("junit-jupiter-api", "5.9.3", "junit-platform-engine", "1.9.3")))
        .get().asString().contains("older than 5.10");
  }

  @Test
  void theSurefireTwoTrapFailsWithTheFix() {
    TckSetupCheck check = new MisnamedPluginTck();
    assertThatThrownBy(check::testMicronatsTckNeedsTheJUnitPlatform).isInstanceOf(AssertionError.class)
        .hasMessageContaining("Surefire 2.x").hasMessageContaining("junit-bom").hasMessageContaining("Verify your plugin");
  }

  /** A plugin author's typo: not part of this build's test run (nested, not @Nested). */
  static class MisnamedPluginTck extends MicronatsTck {
    @Override protected TckTarget target() {
      return TckTarget.plugin("acmee");
    }
  }

  @Test
  void aWrongPluginNameFailsOnceListingTheAvailablePlugins() {
    Events tests = EngineTestKit.engine("junit-jupiter").selectors(selectClass(MisnamedPluginTck.class)).execute()
        .testEvents();
    assertThat(tests.failed().count()).isEqualTo(1);
    assertThat(tests.aborted().count()).isGreaterThanOrEqualTo(100);
    Throwable failure = tests.failed().stream().findFirst().orElseThrow()
        .getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
    assertThat(failure).hasMessageContaining("'acmee'").hasMessageContaining("available plugins: [")
        .hasMessageContaining("memory");
  }
}
