package io.micronats.simulator.agent;

import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One agent's share of a distributed run: which fake services it hosts, which broker publishers,
 * subscribers and queue-group members it runs (global numbers, contiguous ranges from
 * {@link Shares}), and the whole run's scenario. Rates of the RPC and discovery workloads are
 * split equally: each agent offers {@code 1/agents} of them.
 *
 * <p>Immutable.
 *
 * @param run the run id
 * @param agent the agent's name
 * @param index the agent's number, from 0
 * @param agents how many agents share the run
 * @param namespace the plugin namespace every agent uses, so that they see each other's services
 * @param servicesFrom the first fake service (index) the agent hosts
 * @param servicesTo one past the last fake service it hosts
 * @param totalServices the fake services of the whole run (calls and lookups go to any of them)
 * @param publishersFrom first broker publisher (global id) the agent runs
 * @param publishersTo one past its last publisher
 * @param subscribersFrom first plain broker subscriber (global number) the agent runs
 * @param subscribersTo one past its last subscriber
 * @param membersFrom first queue-group member (global number) the agent runs
 * @param membersTo one past its last member
 * @param scenario the whole run's scenario as JSON ({@link ScenarioCodec})
 * @param settings further settings: {@code barrierTimeoutMillis}, {@code silenceMillis}
 */
public record Assignment(String run, String agent, int index, int agents, String namespace,
    int servicesFrom, int servicesTo, int totalServices, int publishersFrom, int publishersTo,
    int subscribersFrom, int subscribersTo, int membersFrom, int membersTo, String scenario,
    Map<String, String> settings) {

  public Assignment {
    Objects.requireNonNull(run, "run");
    Objects.requireNonNull(agent, "agent");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(scenario, "scenario");
    settings = Map.copyOf(settings);
    if (index < 0 || index >= agents) {
      throw new IllegalArgumentException("index must be in [0, agents), got " + index + " of " + agents);
    }
    if (servicesFrom < 0 || servicesTo < servicesFrom || servicesTo > totalServices) {
      throw new IllegalArgumentException("services must satisfy 0 <= from <= to <= total, got "
          + servicesFrom + ".." + servicesTo + " of " + totalServices);
    }
    if (publishersTo < publishersFrom || subscribersTo < subscribersFrom || membersTo < membersFrom
        || publishersFrom < 0 || subscribersFrom < 0 || membersFrom < 0) {
      throw new IllegalArgumentException("broker shares must be ranges from >= 0, got publishers "
          + publishersFrom + ".." + publishersTo + ", subscribers " + subscribersFrom + ".." + subscribersTo
          + ", members " + membersFrom + ".." + membersTo);
    }
  }

  /** True when this agent hosts fake service {@code i}. */
  public boolean hosts(int i) {
    return i >= servicesFrom && i < servicesTo;
  }

  /** A setting as a number, or {@code fallback}. */
  public long setting(String key, long fallback) {
    String v = settings.get(key);
    return v == null ? fallback : Long.parseLong(v);
  }

  /** One line describing the share, for labels and logs. */
  public String describe() {
    return "services " + servicesFrom + ".." + servicesTo + " of " + totalServices + ", publishers "
        + publishersFrom + ".." + publishersTo + ", subscribers " + subscribersFrom + ".." + subscribersTo
        + ", queue members " + membersFrom + ".." + membersTo + ", 1/" + agents + " of the RPC and lookup rates";
  }

  /** A builder; run, agent, namespace and scenario have no default, every share starts empty. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Assignment}. Not thread-safe. */
  public static final class Builder {
    private @Nullable String run;
    private @Nullable String agent;
    private int index = 0;
    private int agents = 1;
    private @Nullable String namespace;
    private int servicesFrom = 0;
    private int servicesTo = 0;
    private int totalServices = 0;
    private int publishersFrom = 0;
    private int publishersTo = 0;
    private int subscribersFrom = 0;
    private int subscribersTo = 0;
    private int membersFrom = 0;
    private int membersTo = 0;
    private @Nullable String scenario;
    private Map<String, String> settings = Map.of();

    private Builder() { }

    /** See {@link Assignment#run()}. */
    public Builder run(String v) {
      run = v;
      return this;
    }

    /** See {@link Assignment#agent()}. */
    public Builder agent(String v) {
      agent = v;
      return this;
    }

    /** See {@link Assignment#index()}. */
    public Builder index(int v) {
      index = v;
      return this;
    }

    /** See {@link Assignment#agents()}. */
    public Builder agents(int v) {
      agents = v;
      return this;
    }

    /** See {@link Assignment#namespace()}. */
    public Builder namespace(String v) {
      namespace = v;
      return this;
    }

    /** See {@link Assignment#servicesFrom()}. */
    public Builder servicesFrom(int v) {
      servicesFrom = v;
      return this;
    }

    /** See {@link Assignment#servicesTo()}. */
    public Builder servicesTo(int v) {
      servicesTo = v;
      return this;
    }

    /** See {@link Assignment#totalServices()}. */
    public Builder totalServices(int v) {
      totalServices = v;
      return this;
    }

    /** See {@link Assignment#publishersFrom()}. */
    public Builder publishersFrom(int v) {
      publishersFrom = v;
      return this;
    }

    /** See {@link Assignment#publishersTo()}. */
    public Builder publishersTo(int v) {
      publishersTo = v;
      return this;
    }

    /** See {@link Assignment#subscribersFrom()}. */
    public Builder subscribersFrom(int v) {
      subscribersFrom = v;
      return this;
    }

    /** See {@link Assignment#subscribersTo()}. */
    public Builder subscribersTo(int v) {
      subscribersTo = v;
      return this;
    }

    /** See {@link Assignment#membersFrom()}. */
    public Builder membersFrom(int v) {
      membersFrom = v;
      return this;
    }

    /** See {@link Assignment#membersTo()}. */
    public Builder membersTo(int v) {
      membersTo = v;
      return this;
    }

    /** See {@link Assignment#scenario()}. */
    public Builder scenario(String v) {
      scenario = v;
      return this;
    }

    /** See {@link Assignment#settings()}. */
    public Builder settings(Map<String, String> v) {
      settings = v;
      return this;
    }

    /** The {@code Assignment}; a field without a default that was not set is a NullPointerException. */
    public Assignment build() {
      return new Assignment(Objects.requireNonNull(run, "run"), Objects.requireNonNull(agent, "agent"), index,
          agents, Objects.requireNonNull(namespace, "namespace"), servicesFrom, servicesTo, totalServices,
          publishersFrom, publishersTo, subscribersFrom, subscribersTo, membersFrom, membersTo,
          Objects.requireNonNull(scenario, "scenario"), settings);
    }
  }
}
