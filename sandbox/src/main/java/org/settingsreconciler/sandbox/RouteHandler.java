package org.settingsreconciler.sandbox;

/** Serves every method on one route; a method the route doesn't support answers 405. */
@FunctionalInterface
interface RouteHandler {
  SandboxResponse handle(Call call);
}
