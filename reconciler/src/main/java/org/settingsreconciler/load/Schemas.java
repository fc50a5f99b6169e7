package org.settingsreconciler.load;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The JSON Schemas of {@code schemas/} (the same files editors use, bundled in the jar), each built once per process:
 * building them costs far more than validating a file, and they never change. Building the desired-state schema
 * (the JSON Schema library, its dialect and our files) costs a cold JVM about as much as reading a thousand users'
 * YAML, so a loader starts it on a background thread with {@link #preload()} before it reads, and the two overlap.
 */
final class Schemas {

  static final String DESIRED_STATE = "classpath:schemas/desired-state.schema.json";

  private static final class Registry {
    static final SchemaRegistry INSTANCE = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
  }

  /** Run by whichever thread comes first, the preload's or a validation's; a task keeps a failure's cause. */
  private static final FutureTask<Schema> DESIRED = new FutureTask<>(() -> built(DESIRED_STATE));

  private static final AtomicBoolean PRELOADING = new AtomicBoolean();

  private static final Map<String, Schema> OTHERS = new ConcurrentHashMap<>();

  private Schemas() {}

  static SchemaRegistry registry() {
    return Registry.INSTANCE;
  }

  /** Starts building the desired-state schema on a daemon thread, once, and returns at once. */
  static void preload() {
    if (PRELOADING.compareAndSet(false, true)) {
      Thread t = new Thread(DESIRED, "schema-preload");
      t.setDaemon(true); // never keeps the JVM alive: whoever needs the schema waits for it
      t.start();
    }
  }

  /** The desired-state schema; builds it, or waits for the thread building it. */
  static Schema desiredState() {
    DESIRED.run(); // does nothing when another thread has run it or is running it
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return DESIRED.get();
        } catch (InterruptedException e) {
          interrupted = true; // nothing can be validated without it, and it is being built: keep waiting
        }
      }
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Another schema of {@code schemas/} (tenant.yaml, layer.yaml), built on this thread the first time. */
  static Schema other(String file) {
    return OTHERS.computeIfAbsent("classpath:schemas/" + file, Schemas::built);
  }

  /** Built whole up front (networknt resolves $refs lazily otherwise), so tenants can validate concurrently. */
  private static Schema built(String location) {
    Schema schema = registry().getSchema(SchemaLocation.of(location));
    schema.initializeValidators();
    return schema;
  }
}
